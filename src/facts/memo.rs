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
}

fn remember<K: PartialEq, V: Clone>(
    cell: &RefCell<Vec<(K, V)>>,
    key: K,
    compute: impl FnOnce(&K) -> V,
) -> V {
    if let Some((_, v)) = cell.borrow().iter().find(|(k, _)| *k == key) {
        return v.clone();
    }
    let value = compute(&key);
    cell.borrow_mut().push((key, value.clone()));
    value
}

impl Memo {
    /// A domain, given as written (it is cleaned first).
    pub fn domain(&self, raw: &str) -> DomainParse {
        let key = chars::clean(raw).value;
        remember(&self.domains, key, |k| Rc::new(domain::check(k)))
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
        cell.push((key, hmt, value.clone()));
        value
    }

    /// A unified social credit code, given as written.
    pub fn uscc(&self, raw: &str) -> UsccParse {
        let key = chars::clean(raw).value;
        remember(&self.usccs, key, |k| Rc::new(uscc::check(k)))
    }
}
