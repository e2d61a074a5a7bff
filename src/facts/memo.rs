//! Per-filing memory of the expensive parses (domains, ID numbers, credit
//! codes), so the many rules and facts that read
//! the same value work on it once. Keyed by hash: a filing of thousands of
//! websites has thousands of domains and scans, and a list searched linearly
//! would make the cost grow with the square of them.

use std::cell::{OnceCell, RefCell};
/// The memo's maps are looked up several times per rule on small keys:
/// foldhash's fast hasher costs a fraction of the default SipHash, and the
/// keys come from the filing being checked, not from an adversary who
/// could pick collisions to slow a run down by more than its own size.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::rc::Rc;

use jiff::civil::Date;

use super::{Probe, Scans};
use crate::checks::chars;
use crate::checks::domain::{self, Domain, DomainProblem};
use crate::checks::resident_id::{self, IdKind, IdProblem, ResidentId};
use crate::checks::uscc::{self, Uscc, UsccProblem};
use crate::data::City;

/// A parsed domain and its problems.
pub type DomainParse = Rc<(Option<Domain>, Vec<DomainProblem>)>;
/// A parsed resident ID and its problems.
pub type IdParse = Rc<(Option<ResidentId>, Vec<IdProblem>)>;
/// A parsed credit code and its problems.
pub type UsccParse = Rc<(Option<Uscc>, Vec<UsccProblem>)>;
/// The parses of one filing. Parsed values are keyed by their cleaned text.
#[derive(Default)]
pub struct Memo {
    domains: RefCell<HashMap<String, DomainParse>>,
    ids: RefCell<HashMap<(String, bool), IdParse>>,
    usccs: RefCell<HashMap<String, UsccParse>>,
    /// For every website, which of its domains repeat an earlier one.
    duplicates: OnceCell<Vec<Vec<bool>>>,
    /// For every website, whether its name repeats an earlier website's.
    repeated_names: OnceCell<Vec<bool>>,
    /// The kinds of the documents of each declared file.
    file_kinds: OnceCell<HashMap<String, Vec<String>>>,
    /// The filing's counts (websites, domains, prefixes), by fact key.
    counts: RefCell<HashMap<&'static str, i64>>,
    /// The subject's city, looked up in its province.
    city: OnceCell<Option<&'static City>>,
    /// Declared scans, looked at once each.
    files: RefCell<HashMap<String, Probe>>,
}

fn remember<V: Clone>(
    cell: &RefCell<HashMap<String, V>>,
    key: &str,
    compute: impl FnOnce(&str) -> V,
) -> V {
    if let Some(v) = cell.borrow().get(key) {
        return v.clone();
    }
    let value = compute(key);
    cell.borrow_mut().insert(key.to_owned(), value.clone());
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
        let key = (key.into_owned(), hmt);
        if let Some(v) = cell.get(&key) {
            return v.clone();
        }
        let value = Rc::new(resident_id::check(&key.0, as_of, kind));
        cell.insert(key, value.clone());
        value
    }

    /// A unified social credit code, given as written.
    pub fn uscc(&self, raw: &str) -> UsccParse {
        let key = chars::clean(raw).value;
        remember(&self.usccs, &key, |k| Rc::new(uscc::check(k)))
    }

    /// Which domains repeat an earlier one, by website and domain index.
    pub fn duplicates(&self, compute: impl FnOnce() -> Vec<Vec<bool>>) -> &[Vec<bool>] {
        self.duplicates.get_or_init(compute)
    }

    /// The kinds (canonical) of the documents that declare each file.
    pub fn file_kinds(
        &self,
        compute: impl FnOnce() -> HashMap<String, Vec<String>>,
    ) -> &HashMap<String, Vec<String>> {
        self.file_kinds.get_or_init(compute)
    }

    /// A count over the whole filing, computed once (rules about each
    /// website may read it for every website).
    pub fn count(&self, key: &'static str, compute: impl FnOnce() -> i64) -> i64 {
        if let Some(n) = self.counts.borrow().get(key) {
            return *n;
        }
        let n = compute();
        self.counts.borrow_mut().insert(key, n);
        n
    }

    /// Which websites' names repeat an earlier website's, by website index.
    pub fn repeated_names(&self, compute: impl FnOnce() -> Vec<bool>) -> &[bool] {
        self.repeated_names.get_or_init(compute)
    }

    /// A declared scan's file (as written, trimmed), looked at once: many
    /// rules read the same document, so `scans` is asked only the first time.
    pub fn file(&self, scans: &dyn Scans, file: &str) -> Probe {
        if let Some(p) = self.files.borrow().get(file) {
            return *p;
        }
        let probe = scans.probe(file);
        self.files.borrow_mut().insert(file.to_owned(), probe);
        probe
    }

    /// The subject's city (one lookup per filing, however many rules ask).
    pub fn city(&self, lookup: impl FnOnce() -> Option<&'static City>) -> Option<&'static City> {
        *self.city.get_or_init(lookup)
    }
}
