//! Per-filing memory of the expensive parses (domains, ID numbers, credit
//! codes), so the many rules and facts that read the same value parse it
//! once. A filing has a handful of such values, so a short list searched
//! linearly beats hashing.

use std::cell::RefCell;
use std::rc::Rc;

use jiff::civil::Date;

use crate::checks::chars;
use crate::checks::domain::{self, Domain, DomainProblem};
use crate::checks::resident_id::{self, IdKind, IdProblem, ResidentId};
use crate::checks::uscc::{self, Uscc, UsccProblem};

/// A parsed domain and its problems.
pub type DomainParse = Rc<(Option<Domain>, Vec<DomainProblem>)>;
/// A parsed resident ID and its problems.
pub type IdParse = Rc<(Option<ResidentId>, Vec<IdProblem>)>;
/// A parsed credit code and its problems.
pub type UsccParse = Rc<(Option<Uscc>, Vec<UsccProblem>)>;

/// The parses of one filing. Values are keyed by their cleaned text.
#[derive(Default)]
pub struct Memo {
    domains: RefCell<Vec<(String, DomainParse)>>,
    ids: RefCell<Vec<(String, bool, IdParse)>>,
    usccs: RefCell<Vec<(String, UsccParse)>>,
    /// Outcomes of `check:` algorithms by algorithm name and raw value: the
    /// several rules reporting different outcomes of one algorithm on one
    /// field run it once.
    outcomes: RefCell<Vec<(&'static str, String, Outcomes)>>,
}

/// An algorithm's outcomes on one value.
pub type Outcomes = Rc<Vec<crate::rules::algorithm::Outcome>>;

fn remember<V: Clone>(
    cell: &RefCell<Vec<(String, V)>>,
    key: &str,
    compute: impl FnOnce(&str) -> V,
) -> V {
    if let Some((_, v)) = cell.borrow().iter().find(|(k, _)| k == key) {
        return v.clone();
    }
    let value = compute(key);
    cell.borrow_mut().push((key.to_owned(), value.clone()));
    value
}

impl Memo {
    /// A domain, given as written (it is cleaned first).
    pub fn domain(&self, raw: &str) -> DomainParse {
        let key = chars::clean(raw).value;
        remember(&self.domains, &key, |k| Rc::new(domain::check(k)))
    }

    /// A resident ID or residence permit number, given as written.
    pub fn resident_id(&self, raw: &str, as_of: Date, kind: IdKind) -> IdParse {
        let key = chars::clean(raw).value;
        let hmt = kind == IdKind::HmtResidencePermit;
        let mut cell = self.ids.borrow_mut();
        if let Some((_, _, v)) = cell.iter().find(|(k, h, _)| *k == key && *h == hmt) {
            return v.clone();
        }
        let value = Rc::new(resident_id::check(&key, as_of, kind));
        cell.push((key.into_owned(), hmt, value.clone()));
        value
    }

    /// The outcomes of an algorithm on a raw value, computed once.
    pub fn outcomes(
        &self,
        algorithm: &'static str,
        raw: &str,
        compute: impl FnOnce() -> Vec<crate::rules::algorithm::Outcome>,
    ) -> Outcomes {
        if let Some((_, _, v)) = self
            .outcomes
            .borrow()
            .iter()
            .find(|(a, k, _)| *a == algorithm && k == raw)
        {
            return v.clone();
        }
        let value = Rc::new(compute());
        self.outcomes
            .borrow_mut()
            .push((algorithm, raw.to_owned(), value.clone()));
        value
    }

    /// A unified social credit code, given as written.
    pub fn uscc(&self, raw: &str) -> UsccParse {
        let key = chars::clean(raw).value;
        remember(&self.usccs, &key, |k| Rc::new(uscc::check(k)))
    }
}
