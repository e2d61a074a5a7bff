//! Writing files: atomically, and never over an existing file unless asked.
//!
//! A regular file is written to a temporary file in the target's directory,
//! which is then renamed over the target: a reader (or a crash, or Ctrl-C)
//! sees the old file or the new one, never half of one. A file that is
//! replaced keeps its permissions and owner; a new one gets those the umask leaves
//! (`0666` less the umask, as any program's new file). What is not a
//! regular file — a device such as `/dev/null` or `/dev/stdout`, a named
//! pipe — is written through, never replaced. A symbolic link is followed:
//! the file it points to is written, the link stays.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail with `AlreadyExists` if the target exists.
    Never,
    /// Replace it.
    Allow,
}

/// Writes `bytes` to `path`: atomically when it is (or will be) a regular
/// file, through it when it is a device or a pipe.
pub fn atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> std::io::Result<()> {
    let existing = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let target = match &existing {
        Some(meta) if meta.is_dir() => {
            return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
        }
        // A device or a pipe: written through (`/dev/null` stays a device).
        Some(meta) if !meta.is_file() => {
            let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
            return file.write_all(bytes).and_then(|()| file.flush());
        }
        Some(_) if overwrite == Overwrite::Never => {
            return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
        }
        // The file a link points to is replaced, not the link.
        Some(_) => std::fs::canonicalize(path)?,
        None if std::fs::symlink_metadata(path).is_ok() => {
            // A link to nothing: writing "through" it would create a file
            // somewhere the user did not name.
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "a symbolic link to a file that does not exist",
            ));
        }
        None => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".icp-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file: what the umask leaves of 0666 (the kernel applies it).
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir)?;
    if let Some(meta) = &existing {
        // A replaced file keeps its permissions and its owner; when the
        // owner cannot be kept (another user's file), nothing is replaced
        // and the error says why.
        temp.as_file().set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let own = temp.as_file().metadata()?;
            if (own.uid(), own.gid()) != (meta.uid(), meta.gid()) {
                std::os::unix::fs::fchown(temp.as_file(), Some(meta.uid()), Some(meta.gid()))?;
            }
        }
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    match overwrite {
        Overwrite::Never => temp
            .persist_noclobber(&target)
            .map(drop)
            .map_err(|e| e.error),
        Overwrite::Allow => temp.persist(&target).map(drop).map_err(|e| e.error),
    }
}

/// Whether `path` can be written as [`atomically`] would, checked before
/// any work is done (the wizard's questions): its directory exists and a
/// file can be created in it (a temporary one, removed at once: permission
/// bits say nothing of a read-only mount, nor of root), and it is not a
/// symbolic link to nothing. An existing file is not an error here.
pub fn check_writable(path: &Path) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
        }
        // A device or a pipe is written through; nothing to create.
        Ok(meta) if !meta.is_file() => return Ok(()),
        Ok(_) => {}
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "a symbolic link to a file that does not exist",
            ));
        }
        Err(_) => {}
    }
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !std::fs::metadata(&dir)?.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::NotADirectory));
    }
    tempfile::Builder::new()
        .prefix(".icp-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map(drop)
}

/// Whether two paths name the same file (the same inode, on Unix; the
/// same canonical path elsewhere). Paths that do not exist are not the same.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Replaces an existing file's content: [`atomically`], for a file that
/// must be there (a filing `icp fix` repairs).
pub fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::metadata(path)?;
    atomically(path, bytes, Overwrite::Allow)
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

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_link_stays_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        atomically(&link, b"new", Overwrite::Allow).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        // A link to nothing is refused.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(atomically(&dangling, b"x", Overwrite::Allow).is_err());
        assert!(!dir.path().join("nowhere").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_through() {
        atomically(Path::new("/dev/null"), b"x", Overwrite::Never).unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file());
    }
}
