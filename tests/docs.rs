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
        for (outcome, _) in algorithm.outcomes() {
            let outcome = outcome.key();
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
    for kind in icp::finding::KindName::ALL.map(|k| k.key()) {
        assert!(
            readme.contains(&format!("`{kind}")),
            "README lacks the kind {kind}"
        );
    }
}

/// README's table of provinces counts each province file's own rules and the
/// national rules it changes; it is kept in step with the files here. On a
/// mismatch the test prints the table to paste.
#[test]
fn the_province_table_is_current() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let mut table = String::from(
        "| code | province | abbreviations | own rules | national rules changed |\n\
         | --- | --- | --- | ---: | ---: |\n",
    );
    let (mut own_total, mut changed_total) = (0, 0);
    for p in icp::data::provinces().iter().filter(|p| p.mainland) {
        let own = rules
            .origins()
            .filter(|(_, origin)| *origin == Some(p))
            .count();
        let changed = rules
            .origins()
            .filter(|(id, origin)| {
                origin.is_none() && rules.overrides(id).iter().any(|o| o.province == Some(p))
            })
            .count();
        own_total += own;
        changed_total += changed;
        table.push_str(&format!(
            "| `{}` | {} | {} | {own} | {changed} |\n",
            p.code,
            p.name,
            p.abbrs.join(" ")
        ));
    }
    table.push_str(&format!(
        "| | **31 provinces** | | **{own_total}** | **{changed_total}** |\n"
    ));
    assert!(
        readme().contains(&table),
        "README's province table is out of date; it should read:\n\n{table}"
    );
}
