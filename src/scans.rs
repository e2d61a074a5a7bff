//! Scans on disk: the file-system side of [`Scans`], what `icp` learns about
//! a declared document's file from its size and first bytes (it never reads
//! the image). Which filings declare a scan is [`crate::discover::declaring`].

use std::io::Read;
use std::path::Path;

use crate::facts::{Probe, Scans};

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

#[cfg(test)]
mod tests {
    use super::*;

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
