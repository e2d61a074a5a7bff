//! Scans declared in a filing's `documents`: what `icp` learns about a file
//! from its size and first bytes (it never reads the image). This is the
//! only place outside the CLI that touches the file system for a filing.

use std::io::Read;
use std::path::Path;

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

/// Looks at a file: opens it, reads its size and first three bytes.
pub fn probe(path: &Path) -> Probe {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Probe::default();
    };
    let size = match file.metadata() {
        Ok(meta) if meta.is_file() => meta.len(),
        // A directory or special file is no scan.
        _ => return Probe::default(),
    };
    let mut head = [0u8; 3];
    let is_jpeg = file.read_exact(&mut head).is_ok() && head == [0xFF, 0xD8, 0xFF];
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
}
