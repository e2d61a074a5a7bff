//! Writing files: atomically, and never over an existing file unless asked.
//!
//! The bytes go to a temporary file in the target's directory, which is then
//! renamed over the target: a reader (or a crash, or Ctrl-C) sees the old
//! file or the new one, never half of one.

use std::io::Write;
use std::path::Path;

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail with `AlreadyExists` if the target exists.
    Never,
    /// Replace it.
    Allow,
}

/// Writes `bytes` to `path` atomically.
pub fn atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".icp-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    match overwrite {
        Overwrite::Never => temp.persist_noclobber(path).map(drop).map_err(|e| e.error),
        Overwrite::Allow => temp.persist(path).map(drop).map_err(|e| e.error),
    }
}

/// Replaces an existing file's content atomically, keeping its permissions
/// and owner: the temporary file gets them before it is renamed over the
/// file. When the owner cannot be kept (another user's file), nothing is
/// replaced and the error says why.
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".icp-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().set_permissions(meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let own = temp.as_file().metadata()?;
        if (own.uid(), own.gid()) != (meta.uid(), meta.gid()) {
            std::os::unix::fs::fchown(temp.as_file(), Some(meta.uid()), Some(meta.gid()))?;
        }
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_unless_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        atomically(&path, b"one", Overwrite::Never).unwrap();
        let err = atomically(&path, b"two", Overwrite::Never).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        atomically(&path, b"three", Overwrite::Allow).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn replace_keeps_the_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "one").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
