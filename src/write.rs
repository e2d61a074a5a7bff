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
    let mut file = Atomic::create(path, overwrite)?;
    file.write_all(bytes)?;
    file.finish()
}

/// A file being written [`atomically`], in parts: what is written goes to a
/// temporary file beside the target (or straight through to a device or a
/// pipe), and [`Atomic::finish`] puts it in place. A report of any size is
/// written as it is made, never held whole in memory. Dropped unfinished,
/// the temporary file is removed and the target left as it was.
pub struct Atomic {
    inner: Inner,
}

enum Inner {
    /// A device or a pipe, written through.
    Through(std::fs::File),
    /// A regular file: the temporary file, where it goes, and whether an
    /// existing file there may be replaced.
    Temp {
        temp: tempfile::NamedTempFile,
        target: PathBuf,
        overwrite: Overwrite,
    },
}

impl Atomic {
    /// Starts writing `path`: checks what is there (a directory, an
    /// existing file under [`Overwrite::Never`], a link to nothing are
    /// errors) and creates the temporary file.
    pub fn create(path: &Path, overwrite: Overwrite) -> std::io::Result<Atomic> {
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
                let file = std::fs::OpenOptions::new().write(true).open(path)?;
                return Ok(Atomic {
                    inner: Inner::Through(file),
                });
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
        let temp = builder.tempfile_in(&dir)?;
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
        Ok(Atomic {
            inner: Inner::Temp {
                temp,
                target,
                overwrite,
            },
        })
    }

    /// The temporary file, while there is one: what to remove if the
    /// process is stopped before [`Atomic::finish`].
    pub fn temp_path(&self) -> Option<&Path> {
        match &self.inner {
            Inner::Through(_) => None,
            Inner::Temp { temp, .. } => Some(temp.path()),
        }
    }

    /// Puts what was written in place: the temporary file, synced, renamed
    /// over the target (or, under [`Overwrite::Never`], to it only if it is
    /// still absent).
    pub fn finish(self) -> std::io::Result<()> {
        match self.inner {
            Inner::Through(mut file) => file.flush(),
            Inner::Temp {
                temp,
                target,
                overwrite,
            } => {
                temp.as_file().sync_all()?;
                match overwrite {
                    Overwrite::Never => temp
                        .persist_noclobber(&target)
                        .map(drop)
                        .map_err(|e| e.error),
                    Overwrite::Allow => temp.persist(&target).map(drop).map_err(|e| e.error),
                }
            }
        }
    }
}

impl Write for Atomic {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.inner {
            Inner::Through(file) => file.write(buf),
            Inner::Temp { temp, .. } => temp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.inner {
            Inner::Through(file) => file.write_all(buf),
            Inner::Temp { temp, .. } => temp.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.inner {
            Inner::Through(file) => file.flush(),
            Inner::Temp { temp, .. } => temp.flush(),
        }
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

    #[test]
    fn a_file_written_in_parts_appears_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let mut file = Atomic::create(&path, Overwrite::Allow).unwrap();
        file.write_all(b"one, ").unwrap();
        let temp = file.temp_path().unwrap().to_path_buf();
        assert!(temp.exists());
        // Until it is finished, the target is what it was.
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        file.write_all(b"two").unwrap();
        file.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one, two");
        assert!(!temp.exists());
        // Dropped unfinished: nothing changes, nothing is left behind.
        let mut file = Atomic::create(&path, Overwrite::Allow).unwrap();
        file.write_all(b"three").unwrap();
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"one, two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_through() {
        atomically(Path::new("/dev/null"), b"x", Overwrite::Never).unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file());
    }
}
