//! The checklist: the documents a filing needs, which are still missing or
//! unusable, and the steps left that cannot be uploaded. It comes from the
//! same document and step rules `validate` runs, so the two never disagree.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::data::Province;
use crate::discover::PathError;
use crate::filing::{FilingType, Loaded, Nature, Vocabulary};
use crate::rules::{Dates, DocStatus, Kind, Requirement, RuleSet, Variant};

/// The checklist of one filing.
#[derive(Debug)]
pub struct Checklist {
    /// The filing file.
    pub path: PathBuf,
    /// The loaded filing (for names of the subject and websites).
    pub loaded: Loaded,
    /// The date the rules were taken from.
    pub as_of: Date,
    /// Every document the filing needs, with its status.
    pub documents: Vec<Requirement>,
    /// The steps left to do.
    pub steps: Vec<Arc<Variant>>,
}

impl Checklist {
    /// Whether something required is missing or unusable.
    pub fn fails(&self) -> bool {
        self.documents
            .iter()
            .any(|d| !matches!(d.status, DocStatus::Provided { .. }))
    }

    /// (provided, missing, unusable) counts.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for d in &self.documents {
            match d.status {
                DocStatus::Provided { .. } => c.0 += 1,
                DocStatus::Missing => c.1 += 1,
                DocStatus::Unusable { .. } => c.2 += 1,
            }
        }
        c
    }
}

/// The checklist of a filing file: its documents are looked for beside it.
pub fn for_file(rules: &RuleSet, path: &Path, dates: Dates) -> Result<Checklist, PathError> {
    let bytes = crate::discover::read_bounded(path).map_err(|e| PathError {
        path: path.to_path_buf(),
        message: crate::i18n::io_error(&e),
    })?;
    let loaded = crate::filing::load(bytes);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(for_loaded(rules, path.to_path_buf(), loaded, dir, dates))
}

/// The checklist of a loaded filing (saved as `path`, or about to be) whose
/// documents are relative to `dir`.
pub fn for_loaded(
    rules: &RuleSet,
    path: PathBuf,
    loaded: Loaded,
    dir: &Path,
    dates: Dates,
) -> Checklist {
    let env = dates.env_for(&loaded.filing, None);
    Checklist {
        path,
        as_of: env.as_of,
        documents: rules.requirements(&loaded, dates, Some(&crate::scans::Disk::new(dir))),
        steps: rules.steps(&loaded, dates),
        loaded,
    }
}

/// What a province asks of one kind of filer, without a filing.
#[derive(Debug)]
pub struct Section {
    /// The nature the section is for.
    pub nature: Nature,
    /// The filing type, when one was asked for.
    pub filing_type: Option<FilingType>,
    /// The document rules that can apply, each with its condition.
    pub documents: Vec<Arc<Variant>>,
    /// The steps that apply (without a filing type: those of every type).
    pub steps: Vec<Arc<Variant>>,
    /// Without a filing type: the steps of one type only, by type.
    pub type_steps: Vec<(FilingType, Vec<Arc<Variant>>)>,
    /// The province's own rules that are not documents but decide whether
    /// a filing is accepted (who may be the principal, what a note says).
    pub requirements: Vec<Arc<Variant>>,
}

/// What a province asks, by nature (one section each), on a date. The
/// rules' conditions stay conditions: the renderer spells them out.
pub fn for_province(
    rules: &RuleSet,
    province: &'static Province,
    natures: &[Nature],
    filing_type: Option<FilingType>,
    date: Date,
) -> Vec<Section> {
    use crate::finding::Severity;
    let view = rules.view(Some(province));
    let types: Vec<FilingType> = match filing_type {
        Some(t) => vec![t],
        None => FilingType::ALL.to_vec(),
    };
    let live = |v: &&Arc<Variant>| v.meta.severity != Severity::Off;
    natures
        .iter()
        .map(|&nature| {
            let mut documents = Vec::new();
            let mut steps = Vec::new();
            let mut only: Vec<(FilingType, Vec<Arc<Variant>>)> =
                types.iter().map(|t| (*t, Vec::new())).collect();
            let mut requirements = Vec::new();
            for r in &view.rules {
                // Without a filing type every type's rules are listed.
                let per_type: Vec<Option<&Arc<Variant>>> = types
                    .iter()
                    .map(|t| r.applying(date, Some(nature), Some(*t)).filter(live))
                    .collect();
                let Some(v) = per_type.iter().flatten().next().copied() else {
                    continue;
                };
                match v.kind.as_ref() {
                    Kind::Document { .. } => documents.push(v.clone()),
                    Kind::Step if per_type.iter().all(Option::is_some) => steps.push(v.clone()),
                    Kind::Step => {
                        for ((_, list), v) in only.iter_mut().zip(&per_type) {
                            if let Some(v) = v {
                                list.push((*v).clone());
                            }
                        }
                    }
                    Kind::Load => {}
                    _ if v
                        .meta
                        .changed_by_province()
                        .is_some_and(|p| p.code == province.code)
                        && v.severity() == Severity::Error =>
                    {
                        requirements.push(v.clone());
                    }
                    _ => {}
                }
            }
            Section {
                nature,
                filing_type,
                documents,
                steps,
                type_steps: only.into_iter().filter(|(_, l)| !l.is_empty()).collect(),
                requirements,
            }
        })
        .collect()
}
