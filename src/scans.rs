//! Scans declared in a filing's `documents`, on disk: the file-system side
//! of [`Scans`], what `icp` learns about a file from its size and first
//! bytes (it never reads the image), and which filings declare a given scan
//! (so that a changed scan re-checks them).

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::facts::{Probe, Scans};
use crate::filing::{Document, Filing};

/// The scans of a filing in a directory: a document's file is relative to it.
#[derive(Clone, Copy, Debug)]
pub struct Disk<'a> {
    dir: &'a Path,
}

impl<'a> Disk<'a> {
    /// The scans of the filings in `dir` (`""` is the current directory).
    pub fn new(dir: &'a Path) -> Disk<'a> {
        Disk { dir }
    }
}

impl Scans for Disk<'_> {
    fn probe(&self, file: &str) -> Probe {
        probe(&self.dir.join(file))
    }
}

/// Looks at a file: its size, then its first three bytes.
pub fn probe(path: &Path) -> Probe {
    // Metadata before opening: opening a named pipe would wait for a writer
    // forever, and a directory or special file is no scan anyway.
    let size = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.len(),
        _ => return Probe::default(),
    };
    let mut head = [0u8; 3];
    let is_jpeg = std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut head))
        .is_ok()
        && head == [0xFF, 0xD8, 0xFF];
    Probe {
        exists: true,
        size,
        is_jpeg,
    }
}

/// Whether a path names a scan (`.jpg` or `.jpeg`, in any case). `icp
/// validate` given one checks the filings that declare it instead.
pub fn is_scan(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"))
}

/// The filings that declare a scan among their documents. A document's file
/// is relative to its filing's directory, so they are looked for in the
/// scan's directory and each one above it, up to the first directory of the
/// path as given (`clients/acme/scans/a.jpg`: `clients/acme/scans`,
/// `clients/acme`, `clients`, `.`); nearest first, each directory's in name
/// order. Unreadable directories and files are passed over: the scan then
/// re-checks nothing, and the filings are still checked on their own.
pub fn declaring(scan: &Path) -> Vec<PathBuf> {
    // `./a.jpg` is `a.jpg`: `.` is the top either way.
    let scan: PathBuf = scan
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    let target = Located::new(&scan);
    let mut found = Vec::new();
    let mut dir = scan.parent();
    while let Some(d) = dir {
        let listed = if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        };
        let mut filings: Vec<PathBuf> = std::fs::read_dir(listed)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            // Symlinks are not followed, as when walking a directory.
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter(|e| crate::validate::is_filing_name(&e.file_name().to_string_lossy()))
            .map(|e| d.join(e.file_name()))
            .collect();
        filings.sort();
        for filing in filings {
            if declares(&filing, d, &target) {
                found.push(filing);
            }
        }
        // Above `..` lie directories that are not the scan's.
        if d.components().next_back() == Some(Component::ParentDir) {
            break;
        }
        dir = d.parent();
    }
    found
}

/// Whether a filing (in `dir`) lists the scan among its documents.
fn declares(filing: &Path, dir: &Path, scan: &Located) -> bool {
    let Ok(bytes) = crate::validate::read_bounded(filing) else {
        return false;
    };
    let loaded = crate::filing::load(bytes);
    documents(&loaded.filing)
        .filter_map(|d| d.file.as_ref())
        .any(|file| Located::new(&dir.join(file.value.trim())) == *scan)
}

/// Every document a filing declares, in every table.
fn documents(filing: &Filing) -> impl Iterator<Item = &Document> {
    let subject = filing.subject.iter().flat_map(|s| {
        let principal = s.principal.iter().flat_map(|p| p.documents.items.iter());
        s.documents.items.iter().chain(principal)
    });
    let websites = filing.websites.iter().flat_map(|w| {
        let principal = w.principal.iter().flat_map(|p| p.documents.items.iter());
        w.documents.items.iter().chain(principal)
    });
    subject.chain(websites)
}

/// Where a path leads: the file itself when it exists (symlinks and `..`
/// resolved), else the path with `.` and `..` folded.
#[derive(Debug, PartialEq, Eq)]
enum Located {
    Real(PathBuf),
    Written(PathBuf),
}

impl Located {
    fn new(path: &Path) -> Self {
        match std::fs::canonicalize(path) {
            Ok(real) => Located::Real(real),
            Err(_) => {
                let mut folded = PathBuf::new();
                for c in path.components() {
                    match c {
                        Component::CurDir => {}
                        Component::ParentDir
                            if matches!(
                                folded.components().next_back(),
                                Some(Component::Normal(_))
                            ) =>
                        {
                            folded.pop();
                        }
                        c => folded.push(c),
                    }
                }
                Located::Written(folded)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_by_suffix() {
        assert!(is_scan(Path::new("a/scans/x.jpg")));
        assert!(is_scan(Path::new("X.JPEG")));
        assert!(!is_scan(Path::new("filing.toml")));
        assert!(!is_scan(Path::new("jpg")));
    }

    #[test]
    fn the_filings_that_declare_a_scan() {
        let root = tempfile::tempdir().unwrap();
        let acme = root.path().join("clients/acme");
        std::fs::create_dir_all(acme.join("scans")).unwrap();
        std::fs::write(acme.join("scans/license.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
        let declares = "[subject]\ndocuments = [{ kind = \"business-license\", file = \"scans/license.jpg\" }]\n";
        std::fs::write(acme.join("filing.toml"), declares).unwrap();
        // A second filing beside it that lists another scan, one above that
        // reaches it by its own relative path, and one in the scans directory.
        std::fs::write(
            acme.join("other.filing.toml"),
            "[subject]\ndocuments = [{ kind = \"x\", file = \"scans/other.jpg\" }]\n",
        )
        .unwrap();
        std::fs::write(
            root.path().join("clients/all.filing.toml"),
            "[[websites]]\n[websites.principal]\ndocuments = [{ kind = \"x\", file = \"./acme/scans/../scans/license.jpg\" }]\n",
        )
        .unwrap();
        std::fs::write(
            acme.join("scans/filing.toml"),
            "[subject]\ndocuments = [{ kind = \"x\", file = \"license.jpg\" }]\n",
        )
        .unwrap();
        let scan = acme.join("scans/license.jpg");
        assert_eq!(
            declaring(&scan),
            vec![
                acme.join("scans/filing.toml"),
                acme.join("filing.toml"),
                root.path().join("clients/all.filing.toml"),
            ]
        );
        assert!(declaring(&acme.join("scans/nobody.jpg")).is_empty());
    }

    #[test]
    fn jpeg_by_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let jpeg = dir.path().join("a.jpg");
        std::fs::write(&jpeg, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).unwrap();
        assert_eq!(
            probe(&jpeg),
            Probe {
                exists: true,
                size: 6,
                is_jpeg: true
            }
        );
        let png = dir.path().join("b.jpg");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\n").unwrap();
        assert!(!probe(&png).is_jpeg);
        let empty = dir.path().join("c.jpg");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(probe(&empty).size, 0);
        assert!(!probe(&dir.path().join("missing.jpg")).exists);
        assert!(!probe(dir.path()).exists);
    }

    #[test]
    fn files_relative_to_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("scans")).unwrap();
        std::fs::write(dir.path().join("scans/a.jpg"), [0xFF, 0xD8, 0xFF, 0]).unwrap();
        let disk = Disk::new(dir.path());
        assert_eq!(
            disk.probe("scans/a.jpg"),
            Probe {
                exists: true,
                size: 4,
                is_jpeg: true
            }
        );
        assert!(!disk.probe("a.jpg").exists);
    }
}
