//! The pre-commit hook of `.pre-commit-hooks.yaml`: its fields, and the
//! real `pre-commit` (from PyPI; `.ci/run` installs it) running it in a
//! temporary git repository. The hook there is a `repo: local` one built
//! from the manifest's own fields, with `language: system` and the built
//! binary in `entry`, so nothing is fetched.
//!
//! Without `pre-commit` the end-to-end test prints why and passes, except
//! under `CI=true`, where it fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ICP: &str = env!("CARGO_BIN_EXE_icp");

type Hook = BTreeMap<String, Value>;

/// The hooks of the manifest at the repository root.
fn manifest() -> Vec<Hook> {
    let text = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn field<'a>(hook: &'a Hook, key: &str) -> &'a str {
    hook.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("the hook has no {key}: {hook:?}"))
}

#[test]
fn the_manifest_offers_the_fix_hook() {
    let hooks = manifest();
    let hook = hooks
        .iter()
        .find(|h| field(h, "id") == "icp-fix")
        .expect("an icp-fix hook");
    assert!(!field(hook, "name").is_empty());
    assert!(!field(hook, "description").is_empty());
    assert_eq!(field(hook, "language"), "rust");
    assert_eq!(hook.get("require_serial"), Some(&Value::Bool(true)));
    // Filings only: a scan has nothing to repair.
    let files = regex::Regex::new(field(hook, "files")).unwrap();
    for path in ["filing.toml", "a/b/x.filing.toml"] {
        assert!(files.is_match(path), "{path} should match");
    }
    for path in ["x.toml", "scans/license.jpg", "filing.toml.bak"] {
        assert!(!files.is_match(path), "{path} should not match");
    }
    let entry: Vec<&str> = field(hook, "entry").split_whitespace().collect();
    assert_eq!(entry[..2], ["icp", "fix"]);
    let help = Command::new(ICP)
        .args(&entry[1..])
        .arg("--help")
        .output()
        .unwrap();
    assert!(help.status.success(), "{help:?}");
}

#[test]
fn the_manifest_offers_the_validate_hook() {
    let hooks = manifest();
    let ids: Vec<&str> = hooks.iter().map(|h| field(h, "id")).collect();
    assert_eq!(ids, ["icp-validate", "icp-fix"]);
    let hook = &hooks[0];
    assert!(!field(hook, "name").is_empty());
    assert!(!field(hook, "description").is_empty());
    assert_eq!(field(hook, "language"), "rust");
    // pre-commit passes the file names, all of them to one process.
    assert_eq!(hook.get("pass_filenames"), None);
    assert_eq!(hook.get("require_serial"), Some(&Value::Bool(true)));

    // pre-commit searches the pattern in each path (Python's re.search; the
    // pattern uses nothing that Rust's regex reads differently).
    let files = regex::Regex::new(field(hook, "files")).unwrap();
    for path in [
        "filing.toml",
        "x.filing.toml",
        "a/b/x.filing.toml",
        "clients/acme/filing.toml",
        "clients/acme/scans/license.jpg",
        "clients/acme/scans/IMG_0001.JPG",
        "scan.jpeg",
    ] {
        assert!(files.is_match(path), "{path} should match");
    }
    for path in [
        "x.toml",
        "Cargo.toml",
        ".filing.toml",
        "afiling.toml",
        "filing.toml.bak",
        "a/filing.toml/readme.md",
        "scan.png",
        "jpg",
    ] {
        assert!(!files.is_match(path), "{path} should not match");
    }

    // README's local hook is this one.
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    for key in ["name", "entry", "files"] {
        let line = format!("        {key}: {}\n", field(hook, key));
        assert!(readme.contains(&line), "README's local hook lacks {line:?}");
    }

    // The entry runs the crate's binary with arguments it accepts.
    let entry: Vec<&str> = field(hook, "entry").split_whitespace().collect();
    assert_eq!(entry[..2], ["icp", "validate"]);
    let help = Command::new(ICP)
        .args(&entry[1..])
        .arg("--help")
        .output()
        .unwrap();
    assert!(help.status.success(), "{help:?}");
}

#[test]
fn a_scan_stands_for_the_filings_that_declare_it() {
    let dir = tempfile::tempdir().unwrap();
    let acme = dir.path().join("clients/acme");
    place_filing(&acme, &good_filing());
    std::fs::write(acme.join("scans/license.jpg"), b"\x89PNG\r\n\x1a\n").unwrap();
    let out = Command::new(ICP)
        .args(["validate", "--lang", "en", "--color", "never"])
        .args(["clients/acme/scans/license.jpg", "clients/acme/filing.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The filing, checked once, and its scan that is not a JPEG.
    assert!(stdout.contains("document-not-jpeg"), "{stdout}");
    assert!(stdout.ends_with("in 1 file\n"), "{stdout}");
    assert_eq!(out.status.code(), Some(0), "a warning does not fail");

    // A scan that no filing declares re-checks nothing.
    std::fs::write(acme.join("scans/unlisted.jpg"), b"\xFF\xD8\xFF").unwrap();
    let out = Command::new(ICP)
        .args([
            "validate",
            "--lang",
            "en",
            "clients/acme/scans/unlisted.jpg",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no filing files found"),
        "{out:?}"
    );
}

/// The example filing of an enterprise in Guangdong, with every scan it
/// declares: it passes without a warning.
fn good_filing() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("examples/enterprise-gd.filing.toml")).unwrap()
}

/// The same filing with a typo in the principal's ID number (an error).
fn broken_filing() -> String {
    let good = good_filing();
    let broken = good.replace("440305199003074437", "440305199003074438");
    assert_ne!(
        good, broken,
        "the example's ID number changed; update this test"
    );
    broken
}

/// Writes a filing and copies the example scans beside it.
fn place_filing(dir: &Path, text: &str) {
    std::fs::create_dir_all(dir.join("scans")).unwrap();
    std::fs::write(dir.join("filing.toml"), text).unwrap();
    for entry in std::fs::read_dir(Path::new(ROOT).join("examples/scans")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("scans").join(entry.file_name())).unwrap();
    }
}

/// How to run pre-commit: on PATH, or where `pip install --user` puts it.
fn pre_commit() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let candidates = std::iter::once(PathBuf::from("pre-commit"))
        .chain(home.map(|h| h.join(".local/bin/pre-commit")));
    for candidate in candidates {
        let ok = Command::new(&candidate)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(candidate);
        }
    }
    None
}

/// The `.pre-commit-config.yaml` of a repository that uses the manifest's
/// hook as a local one: its own fields, `language: system`, and the binary
/// just built in place of `icp`. JSON is YAML, so it is written as JSON.
fn local_config(extra_args: &[&str]) -> String {
    let mut hooks = Vec::new();
    for mut hook in manifest() {
        let entry = field(&hook, "entry").to_owned();
        let rest = entry
            .strip_prefix("icp")
            .filter(|r| r.starts_with(' '))
            .unwrap_or_else(|| panic!("the entry does not run icp: {entry}"));
        hook.insert("entry".into(), format!("{}{rest}", quoted(ICP)).into());
        hook.insert("language".into(), "system".into());
        if !extra_args.is_empty() {
            hook.insert("args".into(), extra_args.into());
        }
        hooks.push(hook);
    }
    let config = serde_json::json!({ "repos": [{ "repo": "local", "hooks": hooks }] });
    serde_json::to_string_pretty(&config).unwrap()
}

/// A path as one word of a command line (pre-commit splits `entry` as a
/// POSIX shell would).
fn quoted(path: &str) -> String {
    if path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

/// A git repository with the hook installed, isolated from the user's git
/// configuration and pre-commit cache.
struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Repo {
    fn new(pre_commit: &Path) -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        std::fs::write(repo.home.path().join("gitconfig"), "").unwrap();
        repo.ok(repo.git(&["init", "-q"]));
        repo.ok(repo.git(&["config", "user.name", "icp test"]));
        repo.ok(repo.git(&["config", "user.email", "icp-test@example.invalid"]));
        repo.ok(repo.git(&["config", "commit.gpgsign", "false"]));
        repo.set_config(&[]);
        repo.ok(repo.run(Command::new(pre_commit).arg("install")));
        repo
    }

    fn set_config(&self, extra_args: &[&str]) {
        std::fs::write(
            self.dir.path().join(".pre-commit-config.yaml"),
            local_config(extra_args),
        )
        .unwrap();
        // pre-commit refuses to run while its configuration is unstaged.
        self.ok(self.git(&["add", ".pre-commit-config.yaml"]));
    }

    fn run(&self, cmd: &mut Command) -> Output {
        cmd.current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", self.home.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PRE_COMMIT_HOME", self.home.path().join("pre-commit"))
            .env("ICP_LANG", "en")
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        self.run(Command::new("git").args(args))
    }

    fn ok(&self, out: Output) -> Output {
        assert!(out.status.success(), "{}", text(&out));
        out
    }

    /// Stages everything and commits; the output of git and the hook.
    fn commit(&self, message: &str) -> Output {
        self.ok(self.git(&["add", "-A"]));
        self.git(&["commit", "-q", "-m", message])
    }

    fn commits(&self) -> usize {
        let out = self.git(&["rev-list", "--count", "HEAD"]);
        if out.status.success() {
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        } else {
            0
        }
    }
}

fn text(out: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// pre-commit, or why the test is skipped (a failure under `CI=true`).
fn pre_commit_or_skip() -> Option<PathBuf> {
    let found = pre_commit();
    if found.is_none() {
        let why = "pre-commit is not installed (python3 -m pip install --user pre-commit)";
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{why}: CI must install it (.ci/run)"
        );
        println!("skipped: {why}");
    }
    found
}

#[test]
fn the_fix_hook_repairs_a_filing_and_stops_the_commit() {
    let Some(pre_commit) = pre_commit_or_skip() else {
        return;
    };
    let repo = Repo::new(&pre_commit);
    let acme = repo.dir.path().join("clients/acme");
    let good = good_filing();
    let sloppy = good
        .replace("\"086-0755-86013388\"", "\"0755-86013388\"  # 办公电话")
        .replace("name = \"example.com\"", "name = \"Example.com.\"");
    assert_ne!(sloppy, good, "the example changed; update this test");
    place_filing(&acme, &sloppy);
    let out = repo.commit("acme: first filing");
    let log = text(&out);
    assert!(!out.status.success(), "the commit should stop:\n{log}");
    assert!(log.contains("icp fix (ICP filings)"), "{log}");
    assert!(log.contains("files were modified by this hook"), "{log}");
    assert!(log.contains("office-phone-format"), "{log}");
    assert_eq!(repo.commits(), 0);
    // The file is repaired on disk, its comment kept; staged, it goes in.
    let repaired = std::fs::read_to_string(acme.join("filing.toml")).unwrap();
    assert_eq!(
        repaired,
        good.replace("\"086-0755-86013388\"", "\"086-0755-86013388\"  # 办公电话")
    );
    let out = repo.commit("acme: first filing");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.commits(), 1);
}

#[test]
fn pre_commit_refuses_a_broken_filing_and_takes_a_fixed_one() {
    let Some(pre_commit) = pre_commit() else {
        let why = "pre-commit is not installed (python3 -m pip install --user pre-commit)";
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{why}: CI must install it (.ci/run)"
        );
        println!("skipped: {why}");
        return;
    };
    // pre-commit's own schema check of the manifest.
    let check = Command::new(&pre_commit)
        .arg("validate-manifest")
        .arg(Path::new(ROOT).join(".pre-commit-hooks.yaml"))
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check));

    let repo = Repo::new(&pre_commit);
    let acme = repo.dir.path().join("clients/acme");

    // A broken filing: refused, with the finding in pre-commit's log.
    place_filing(&acme, &broken_filing());
    let out = repo.commit("acme: first filing");
    let log = text(&out);
    assert!(
        !out.status.success(),
        "the commit should be refused:\n{log}"
    );
    assert!(log.contains("icp validate (ICP filings)"), "{log}");
    assert!(log.contains("Failed"), "{log}");
    assert!(log.contains("resident-id-checksum"), "{log}");
    assert!(log.contains("clients/acme/filing.toml"), "{log}");
    assert_eq!(repo.commits(), 0);

    // Fixed: the commit goes through.
    place_filing(&acme, &good_filing());
    let out = repo.commit("acme: first filing");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.commits(), 1);

    // A scan replaced by one that is not a JPEG: the hook runs for the
    // scan (it re-checks the filing that declares it) and, as a document
    // problem is a warning, lets the commit through…
    std::fs::write(acme.join("scans/license.jpg"), b"\x89PNG\r\n\x1a\n").unwrap();
    let out = repo.commit("acme: new licence scan");
    let log = text(&out);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("icp validate (ICP filings)"), "{log}");
    assert!(log.contains("Passed"), "the hook should have run:\n{log}");
    assert_eq!(repo.commits(), 2);

    // …unless the repository asks for complete filings.
    repo.set_config(&["--deny-warnings"]);
    let out = repo.commit("strict");
    assert!(out.status.success(), "{}", text(&out));
    std::fs::write(acme.join("scans/sheet.jpg"), b"not a jpeg").unwrap();
    let out = repo.commit("acme: new sheet scan");
    let log = text(&out);
    assert!(
        !out.status.success(),
        "the commit should be refused:\n{log}"
    );
    assert!(log.contains("document-not-jpeg"), "{log}");
    assert!(log.contains("scans/sheet.jpg"), "{log}");
    assert_eq!(repo.commits(), 3);
}
