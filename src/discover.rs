//! Finding the files `icp` reads: the filings a list of paths stands for
//! (directories walked, scans standing for the filings that declare them),
//! a filing read without reading more than a filing may be, and the rule
//! files of `--rules DIR`.
//!
//! The walks follow no symlinks: a link out of the repository, or a loop,
//! is passed over rather than followed.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::filing::{self, Document, Filing};
use crate::i18n::io_error;
use crate::lang::Text;
use crate::rules::{RuleText, RulesError};

/// A path that could not be used (exit 2).
#[derive(Debug)]
pub struct PathError {
    /// The path.
    pub path: PathBuf,
    /// Why, in both languages.
    pub message: Text,
}

/// Whether a file name is that of a filing (`filing.toml`, `*.filing.toml`).
pub fn is_filing_name(name: &str) -> bool {
    name == "filing.toml" || (name.ends_with(".filing.toml") && name.len() > ".filing.toml".len())
}

/// Whether a path names a scan (`.jpg` or `.jpeg`, in any case). `icp
/// validate` given one checks the filings that declare it instead.
pub fn is_scan(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"))
}

/// Directories a walk does not enter: hidden ones (`.git`) and `target/`.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || name == "target"
}

/// The filing files under the given paths: files named on the command line
/// whatever their name (except scans, `.jpg`/`.jpeg`, which stand for the
/// filings that declare them: see [`declaring`]), and in directories
/// (recursively, symlinks not followed, hidden directories and `target/`
/// skipped) the files with a filing's name, each directory's in name order.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(PathError {
                path: path.clone(),
                message: io_error(&e),
            }),
            Ok(meta) if meta.is_dir() => {
                let walker = walkdir::WalkDir::new(path)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0
                            || !(e.file_type().is_dir()
                                && skipped_dir(&e.file_name().to_string_lossy()))
                    });
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if is_filing_name(&e.file_name().to_string_lossy()) {
                                files.push(e.into_path());
                            }
                        }
                        // A pipe, socket or device named as a filing is
                        // refused as when it is named (never opened): not
                        // skipped in silence.
                        Ok(e)
                            if !e.file_type().is_dir()
                                && !e.file_type().is_symlink()
                                && is_filing_name(&e.file_name().to_string_lossy()) =>
                        {
                            errors.push(PathError {
                                path: e.into_path(),
                                message: io_error(&crate::i18n::not_regular()),
                            });
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(PathError {
                            path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                            message: walk_error(&e),
                        }),
                    }
                }
            }
            // A scan (pre-commit passes the changed ones) stands for the
            // filings that declare it.
            Ok(_) if is_scan(path) => files.extend(declaring(path)),
            // A named pipe would wait for a writer forever, a device
            // (`/dev/zero`) never end: neither is opened.
            Ok(meta) if !meta.is_file() => errors.push(PathError {
                path: path.clone(),
                message: io_error(&crate::i18n::not_regular()),
            }),
            Ok(_) => files.push(path.clone()),
        }
    }
    // A filing named twice, or named and declaring a named scan, is checked once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(f.clone()));
    (files, errors)
}

/// A directory walk's error in words: an I/O error, or a loop of links
/// (which a walk that follows no links does not meet).
fn walk_error(e: &walkdir::Error) -> Text {
    e.io_error().map_or_else(
        || Text::new("符号链接形成循环", "a loop of symbolic links"),
        io_error,
    )
}

/// Reads a file, refusing to read more than the filing limit: a larger file
/// becomes a `file-too-large` finding without being read.
/// Anything but a regular file is refused before it is opened (opening a
/// named pipe waits for a writer).
pub fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(crate::i18n::not_regular());
    }
    let file = std::fs::File::open(path)?;
    let limit = filing::load::MAX_FILING_BYTES as u64;
    // The size is a hint (the file may change while it is read): it saves
    // growing the buffer step by step.
    let hint = file.metadata().map_or(0, |m| m.len()).min(limit + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0) + 1);
    // Read one byte past the limit so the loader sees the file is too big.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
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
            .filter(|e| is_filing_name(&e.file_name().to_string_lossy()))
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
    let Ok(bytes) = read_bounded(filing) else {
        return false;
    };
    let loaded = filing::load(bytes);
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

/// The rule files of a `--rules` directory (`*.yaml`, `*.yml`, recursively,
/// in path order), each named by its path, for
/// [`RuleSet::with_files`](crate::rules::RuleSet::with_files).
pub fn rule_files(dir: &Path) -> Result<Vec<RuleText>, RulesError> {
    let io = |path: &Path, message: Text| RulesError::Io {
        path: path.display().to_string(),
        message,
    };
    let meta = std::fs::metadata(dir).map_err(|e| io(dir, io_error(&e)))?;
    if !meta.is_dir() {
        return Err(io(dir, Text::new("不是目录", "not a directory")));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| io(dir, walk_error(&e)))?;
        let is_yaml = entry
            .path()
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml");
        if !is_yaml {
            continue;
        }
        let kind = entry.file_type();
        if kind.is_file() {
            paths.push(entry.into_path());
        } else if !kind.is_dir() && !kind.is_symlink() {
            // A FIFO or a device named like a rule file would hang the
            // read or feed it junk: an error, not a file passed over.
            return Err(io(
                entry.path(),
                Text::new("不是普通文件", "not a regular file"),
            ));
        } else if entry.path_is_symlink() {
            // A link to a rule file is followed (a link to a directory is
            // not: no loops); a link to nothing is an error, not a file
            // passed over in silence.
            match std::fs::metadata(entry.path()) {
                Ok(meta) if meta.is_file() => paths.push(entry.into_path()),
                Ok(_) => {}
                Err(e) => return Err(io(entry.path(), io_error(&e))),
            }
        }
    }
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, io_error(&e)))?;
        out.push(RuleText {
            name: path.display().to_string(),
            text: text.into(),
            json: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filing_names() {
        assert!(is_filing_name("filing.toml"));
        assert!(is_filing_name("acme.filing.toml"));
        assert!(!is_filing_name(".filing.toml"));
        assert!(!is_filing_name("filing.toml.bak"));
        assert!(!is_filing_name("Cargo.toml"));
    }

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
    fn rule_files_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("gd")).unwrap();
        for name in ["b.yml", "a.yaml", "gd/c.yaml", "notes.md"] {
            std::fs::write(dir.path().join(name), format!("# {name}\n")).unwrap();
        }
        let files = rule_files(dir.path()).unwrap();
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let path = |n: &str| dir.path().join(n).display().to_string();
        assert_eq!(names, [path("a.yaml"), path("b.yml"), path("gd/c.yaml")]);
        assert_eq!(files[0].text, "# a.yaml\n");
        assert!(files.iter().all(|f| f.json.is_none()));
        let not_dir = dir.path().join("a.yaml");
        assert!(matches!(
            rule_files(&not_dir),
            Err(RulesError::Io { message, .. }) if message.en == "not a directory"
        ));
    }
}
