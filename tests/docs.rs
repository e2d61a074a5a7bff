//! README is the user's first page: it must name every fact, algorithm and
//! rule kind the rule files may use, so a rule author never has to read Rust.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn every_fact_is_documented() {
    let readme = readme();
    let mut missing = Vec::new();
    for name in icp::facts::Fact::names() {
        // The table lists `principal.*` once for its three prefixes.
        if name.starts_with("subject.principal.") || name.starts_with("website.principal.") {
            continue;
        }
        let (prefix, key) = name.rsplit_once('.').unwrap();
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{prefix}.*` |")))
            .unwrap_or("");
        if !row.contains(&format!("`{key}`")) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "README lacks the facts {missing:?}");
}

#[test]
fn every_algorithm_and_outcome_is_documented() {
    let readme = readme();
    for (name, algorithm) in icp::rules::algorithm::Algorithm::ALL {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README lacks the algorithm {name}"
        );
        for outcome in algorithm.outcomes() {
            assert!(
                readme.contains(outcome),
                "README lacks the outcome {outcome} of {name}"
            );
        }
    }
}

#[test]
fn every_kind_is_documented() {
    let readme = readme();
    for kind in [
        "assert", "require", "forbid", "note", "words", "limit", "check", "document", "load",
        "step",
    ] {
        assert!(
            readme.contains(&format!("`{kind}")),
            "README lacks the kind {kind}"
        );
    }
}
