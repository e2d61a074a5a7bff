//! What the rules may know about the file of a declared document, and the
//! trait they ask it through. The core never touches the file system: the
//! caller that read the filing says where its scans are (on disk,
//! [`crate::scans::Disk`]; in memory, in tests), and the engine asks it once
//! per declared file (see [`super::Memo::file`]).

/// What the file of a declared document is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Probe {
    /// The file exists and could be opened.
    pub exists: bool,
    /// Its size in bytes.
    pub size: u64,
    /// It starts with the JPEG signature (FF D8 FF).
    pub is_jpeg: bool,
}

/// Where the files of a filing's declared documents are looked at.
pub trait Scans {
    /// The file of a document, as the filing declares it (trimmed): a path
    /// relative to the filing's directory.
    fn probe(&self, file: &str) -> Probe;
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::rules::RuleSet;
    use crate::rules::engine::Dates;

    /// Scans held in memory: any file not listed does not exist. Counts the
    /// questions it is asked.
    struct Fake {
        files: Vec<(&'static str, Probe)>,
        asked: Cell<usize>,
    }

    impl Fake {
        fn new(files: &[(&'static str, Probe)]) -> Fake {
            Fake {
                files: files.to_vec(),
                asked: Cell::new(0),
            }
        }
    }

    impl Scans for Fake {
        fn probe(&self, file: &str) -> Probe {
            self.asked.set(self.asked.get() + 1);
            self.files
                .iter()
                .find(|(f, _)| *f == file)
                .map_or_else(Probe::default, |(_, p)| *p)
        }
    }

    const JPEG: Probe = Probe {
        exists: true,
        size: 50_000,
        is_jpeg: true,
    };

    /// A filing whose subject declares `file`, checked against `scans`: the
    /// ids and paths of the document findings.
    fn document_findings(file: &str, scans: Option<&dyn Scans>) -> Vec<(String, String)> {
        // A leading space: the scans are asked about the file trimmed.
        let text = format!(
            "[subject]\ndocuments = [{{ kind = \"business-license\", file = \" {file}\" }}]\n"
        );
        let loaded = crate::filing::load(text);
        let dates = Dates {
            today: jiff::civil::date(2025, 6, 1),
            forced: None,
        };
        RuleSet::builtin()
            .unwrap()
            .check_in(&loaded, dates, scans)
            .iter()
            .filter(|f| f.id().starts_with("document-"))
            .map(|f| (f.id().to_owned(), f.path.clone()))
            .collect()
    }

    fn ids(found: &[(String, String)]) -> Vec<&str> {
        found.iter().map(|(id, _)| id.as_str()).collect()
    }

    #[test]
    fn a_jpeg_of_a_fair_size_trips_no_document_rule() {
        let scans = Fake::new(&[("scans/license.jpg", JPEG)]);
        assert_eq!(
            document_findings("scans/license.jpg", Some(&scans)),
            Vec::new()
        );
    }

    #[test]
    fn a_missing_file() {
        let scans = Fake::new(&[("scans/other.jpg", JPEG)]);
        let found = document_findings("scans/license.jpg", Some(&scans));
        assert_eq!(ids(&found), ["document-file-missing"]);
        assert_eq!(found[0].1, "subject.documents[0]");
    }

    #[test]
    fn an_empty_file_is_not_also_said_to_be_no_jpeg() {
        let empty = Probe {
            exists: true,
            size: 0,
            is_jpeg: false,
        };
        let scans = Fake::new(&[("scans/license.jpg", empty)]);
        assert_eq!(
            ids(&document_findings("scans/license.jpg", Some(&scans))),
            ["document-empty"]
        );
    }

    #[test]
    fn a_file_over_two_mib() {
        let large = Probe {
            size: 2 * 1024 * 1024 + 1,
            ..JPEG
        };
        let scans = Fake::new(&[("scans/license.jpg", large)]);
        assert_eq!(
            ids(&document_findings("scans/license.jpg", Some(&scans))),
            ["document-too-large"]
        );
        let limit = Probe {
            size: 2 * 1024 * 1024,
            ..JPEG
        };
        let scans = Fake::new(&[("scans/license.jpg", limit)]);
        assert!(document_findings("scans/license.jpg", Some(&scans)).is_empty());
    }

    #[test]
    fn a_renamed_png() {
        let png = Probe {
            is_jpeg: false,
            ..JPEG
        };
        let scans = Fake::new(&[("scans/license.jpg", png)]);
        assert_eq!(
            ids(&document_findings("scans/license.jpg", Some(&scans))),
            ["document-not-jpeg"]
        );
    }

    #[test]
    fn without_scans_files_are_not_judged() {
        assert!(document_findings("scans/license.jpg", None).is_empty());
    }

    #[test]
    fn each_declared_file_is_asked_about_once() {
        // Four document rules read the same file; the memo asks once.
        let scans = Fake::new(&[]);
        let found = document_findings("scans/license.jpg", Some(&scans));
        assert_eq!(ids(&found), ["document-file-missing"]);
        assert_eq!(scans.asked.get(), 1);
    }
}
