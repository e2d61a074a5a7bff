//! The committed `completions/` (scripts for five shells and the man pages)
//! are what `icp completions` generates, and they complete what they should
//! in a real bash.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;

use crate::common::icp;

const DIR: &str = "completions";
const REGENERATE: &str = "cargo run -- completions --dir completions";

fn committed() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/completions"))
}

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn the_committed_files_are_what_icp_generates() {
    let out = tempfile::tempdir().unwrap();
    // A directory that does not exist yet is created.
    let dir = out.path().join("new");
    icp()
        .args(["completions", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    let generated = names(&dir);
    for expected in [
        "icp.bash",
        "_icp",
        "icp.fish",
        "_icp.ps1",
        "icp.elv",
        "icp.1",
        "icp-validate.1",
        "icp-rules-show.1",
    ] {
        assert!(generated.contains(expected), "{expected} not generated");
    }
    let stale = format!("run `{REGENERATE}` and commit {DIR}/");
    assert_eq!(
        generated,
        names(committed()),
        "{DIR}/ lists other files: {stale}"
    );
    for name in &generated {
        let new = std::fs::read(dir.join(name)).unwrap();
        let old = std::fs::read(committed().join(name)).unwrap();
        assert!(new == old, "{DIR}/{name} is out of date: {stale}");
    }
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_everyone() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().unwrap();
    icp()
        .args(["completions", "--dir"])
        .arg(out.path())
        .assert()
        .success();
    for name in names(out.path()) {
        let mode = std::fs::metadata(out.path().join(&name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o644, 0o644, "{name}: {mode:o}");
    }
}

#[test]
fn one_shell_prints_its_committed_script() {
    for (shell, file) in [
        ("bash", "icp.bash"),
        ("zsh", "_icp"),
        ("fish", "icp.fish"),
        ("powershell", "_icp.ps1"),
        ("elvish", "icp.elv"),
    ] {
        let out = icp().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let committed = std::fs::read(committed().join(file)).unwrap();
        assert!(
            out.stdout == committed,
            "{DIR}/{file} differs from `icp completions {shell}`: run `{REGENERATE}`"
        );
    }
}

#[test]
fn an_unwritable_directory_is_an_error() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    icp()
        .args(["completions", "--lang", "en", "--dir"])
        .arg(file.join("sub"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write"));
}

#[test]
fn long_value_lists_stay_out_of_help() {
    for args in [
        &["rules", "list", "--help"][..],
        &["rules", "show", "--help"],
        &["explain", "--help"],
        &["checklist", "--help"],
    ] {
        let out = icp().args(args).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(!help.contains("possible values: bj"), "{args:?}: {help}");
        assert!(!help.contains("address-house-number"), "{args:?}: {help}");
    }
}

#[test]
fn provinces_are_still_accepted_by_name_and_abbreviation() {
    for province in ["gd", "GD", "广东省", "广东", "粤", "guangdong"] {
        icp().args(["rules", "show", province]).assert().success();
    }
    icp().args(["rules", "show", "xx"]).assert().code(2);
}

/// What the committed bash script completes for a command line whose last
/// word is being typed.
fn bash_complete(words: &[&str]) -> Option<Vec<String>> {
    let script = committed().join("icp.bash");
    let array = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let program = format!(
        "source '{}'\nCOMP_WORDS=({array})\nCOMP_CWORD={}\n_icp icp \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        words.len() - 1,
    );
    let out = Process::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn bash_completes_provinces_rule_ids_and_values() {
    let Some(subcommands) = bash_complete(&["icp", "ch"]) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "bash is not installed"
        );
        eprintln!("skipped: bash is not installed");
        return;
    };
    assert_eq!(subcommands, ["checklist"]);

    let mut g = bash_complete(&["icp", "rules", "show", "g"]).unwrap();
    g.sort();
    assert_eq!(g, ["gd", "gs", "gx", "gz"]);

    let all = bash_complete(&["icp", "checklist", "--province", ""]).unwrap();
    assert_eq!(all.len(), 31, "{all:?}");
    let s = bash_complete(&["icp", "rules", "list", "--province", "s"]).unwrap();
    assert!(
        s.contains(&"sc".to_owned()) && s.contains(&"sh".to_owned()),
        "{s:?}"
    );

    let rules = bash_complete(&["icp", "explain", "phone-area"]).unwrap();
    assert!(
        rules.contains(&"phone-area-mismatch".to_owned()),
        "{rules:?}"
    );

    let natures = bash_complete(&["icp", "rules", "list", "--nature", "pe"]).unwrap();
    assert_eq!(natures, ["personal"]);
    let types = bash_complete(&["icp", "new", "--template", "--type", "a"]).unwrap();
    let types: BTreeSet<String> = types.into_iter().collect();
    assert_eq!(
        types,
        BTreeSet::from(["access".into(), "add-website".into()])
    );
    let shells = bash_complete(&["icp", "completions", "f"]).unwrap();
    assert_eq!(shells, ["fish"]);
}

#[test]
fn the_man_page_lists_every_subcommand() {
    let page = std::fs::read_to_string(committed().join("icp.1")).unwrap();
    assert!(page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH icp 1"));
    for sub in [
        "validate",
        "rules",
        "explain",
        "checklist",
        "new",
        "schema",
        "completions",
    ] {
        assert!(page.contains(&format!("icp\\-{sub}(1)")), "{sub}");
        assert!(
            committed().join(format!("icp-{sub}.1")).is_file(),
            "icp-{sub}.1"
        );
    }
}
