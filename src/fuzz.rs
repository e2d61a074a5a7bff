//! What the fuzz targets (`fuzz/`) run, and what `cargo test` replays on
//! the inputs that once broke them (`tests/fuzz/`): arbitrary bytes through
//! the loader, the rules and every renderer; through the rule-file loader;
//! through the configuration loader. Each function returns normally for any
//! input: a panic is the bug the fuzzer looks for.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::Lang;
use crate::report::human::Style;
use crate::rules::engine::Dates;
use crate::rules::{RuleSet, RuleText};
use crate::validate::FileReport;

/// The built-in rules, loaded once.
fn builtin() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().expect("the built-in rules load"))
}

fn dates() -> Dates {
    Dates {
        today: jiff::civil::date(2026, 11, 28),
        forced: None,
    }
}

fn styles() -> [Style; 2] {
    [
        Style {
            lang: Lang::En,
            color: false,
            width: Some(100),
            batch: Default::default(),
        },
        Style {
            lang: Lang::Zh,
            color: true,
            width: Some(80),
            batch: Default::default(),
        },
    ]
}

/// A filing's bytes: loaded, checked with the built-in rules, rendered in
/// every format and as a checklist, redacted and rendered again.
pub fn filing(bytes: &[u8]) {
    let rules = builtin();
    let (loaded, findings) = crate::validate::bytes_report(rules, bytes, dates());
    let report = FileReport {
        path: PathBuf::from("fuzz/filing.toml"),
        province: loaded.filing.province().map(|p| p.code),
        nature: loaded.filing.nature(),
        text: loaded.text.clone(),
        findings,
        across: None,
    };
    let reports = [report];
    render_all(&reports, rules);
    let list = crate::checklist::for_loaded(
        rules,
        PathBuf::from("fuzz/filing.toml"),
        loaded,
        Path::new("/nonexistent-fuzz-dir"),
        dates(),
    );
    let list = crate::redact::checklist(list);
    for lang in [Lang::En, Lang::Zh] {
        let _ = crate::report::checklist::table(rules, &list, lang, 80);
        let _ = crate::report::checklist::markdown(rules, &list, lang);
        let _ = crate::report::checklist::json(rules, &list, lang);
    }
    let [report] = reports;
    render_all(&[crate::redact::file_report(report)], rules);
}

fn render_all(reports: &[FileReport], rules: &RuleSet) {
    for style in styles() {
        let _ = crate::report::human::render(reports, style);
        let _ = crate::report::json::render(reports, style.lang);
        let _ = crate::report::concise::render(reports, style.lang);
        let _ = crate::report::github::render(reports, style.lang);
        let _ = crate::report::sarif::render(reports, rules, style.lang);
    }
}

/// A rule file's bytes, added to the built-in rules as `--rules` would;
/// its errors rendered, or, when it loads, an example filing checked with it.
pub fn rule_file(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let file = RuleText {
        name: "fuzz/agency.yaml".to_owned(),
        text: text.to_owned().into(),
        json: None,
    };
    match RuleSet::with_files(vec![file]) {
        Err(e) => {
            for style in styles() {
                let _ = crate::report::human::rule_errors(&e, style);
            }
        }
        Ok(rules) => {
            let example = include_str!("../examples/enterprise-gd.filing.toml");
            let (loaded, findings) = crate::validate::bytes_report(&rules, example, dates());
            let reports = [FileReport {
                path: PathBuf::from("fuzz/filing.toml"),
                province: loaded.filing.province().map(|p| p.code),
                nature: loaded.filing.nature(),
                text: loaded.text,
                findings,
                across: None,
            }];
            render_all(&reports, &rules);
        }
    }
}

/// An `icp.toml`'s bytes: parsed, its errors rendered, or its `[severity]`
/// applied to the built-in rules.
pub fn config(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let path = Path::new("/fuzz/icp.toml");
    match crate::config::parse(path, text.to_owned()) {
        Err(e) => {
            for style in styles() {
                let _ = crate::report::config::errors(&e, style);
            }
        }
        Ok(file) => {
            let _ = file.excludes(Path::new("/fuzz/a/b.filing.toml"), Path::new("/fuzz"));
            if !file.severity.is_empty() || !file.evidence.is_empty() {
                let Ok(mut rules) = RuleSet::builtin() else {
                    return;
                };
                if let Err(e) = file.apply_severity(&mut rules) {
                    for style in styles() {
                        let _ = crate::report::config::errors(&e, style);
                    }
                }
            }
        }
    }
}
