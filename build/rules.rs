//! The built-in rule files: `rules/national.yaml` and every
//! `rules/provinces/*.yaml`, compiled into the binary.
//!
//! Each file is embedded twice: as YAML, the text errors are shown against,
//! and as JSON converted here, which is what `icp` parses at start-up (a JSON
//! parser reads it several times faster than YAML, and start-up time is
//! pre-commit latency). The JSON carries each rule's line in the YAML as
//! `_line`, so messages can still cite `rules/national.yaml:120`. It comes in
//! two parts, the file without its rules and the rules, so that `icp` reads
//! the rules of a province file only when it needs them. When a file is not
//! valid YAML, no JSON is written and `icp` parses the YAML itself, reporting
//! the error with its span.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Writes `builtin_rules.rs` and the JSON files into `OUT_DIR`.
pub fn generate() {
    println!("cargo:rerun-if-changed=rules/national.yaml");
    println!("cargo:rerun-if-changed=rules/provinces");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let json_dir = out_dir.join("rules_json");
    std::fs::create_dir_all(&json_dir).expect("OUT_DIR is writable");

    let mut files = vec!["rules/national.yaml".to_owned()];
    let mut provinces: Vec<String> = std::fs::read_dir("rules/provinces")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml"))
                .map(|n| format!("rules/provinces/{n}"))
                .collect()
        })
        .unwrap_or_default();
    provinces.sort();
    files.extend(provinces);

    let mut out = String::from(
        "/// Built-in rule files: (path, YAML, and the JSON converted at build time\n\
         /// without the rules and of the rules, or \"\" twice).\n\
         const BUILTIN_RULES: &[(&str, &str, &str, &str)] = &[\n",
    );
    for (i, name) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={name}");
        let yaml = std::fs::read_to_string(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (header, rules) = match to_json(&yaml) {
            Ok(parts) => parts,
            Err(e) => {
                println!("cargo:warning={name} is not valid YAML ({e}); icp will report it");
                Default::default()
            }
        };
        let header_path = json_dir.join(format!("{i}.json"));
        let rules_path = json_dir.join(format!("{i}.rules.json"));
        std::fs::write(&header_path, header).expect("OUT_DIR is writable");
        std::fs::write(&rules_path, rules).expect("OUT_DIR is writable");
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{name}\")), include_str!({:?}), include_str!({:?})),",
            header_path.display().to_string(),
            rules_path.display().to_string()
        );
    }
    out.push_str("];\n");

    // The rule cases (rules/cases/*.toml): the tests of every rule, and the
    // examples `icp explain` shows.
    println!("cargo:rerun-if-changed=rules/cases");
    let mut cases: Vec<String> = std::fs::read_dir("rules/cases")
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    out.push_str("/// Rule cases (path, TOML), for the examples of `icp explain`.\nconst RULE_CASES: &[(&str, &str)] = &[\n");
    for name in cases {
        let path = format!("rules/cases/{name}");
        println!("cargo:rerun-if-changed={path}");
        let _ = writeln!(
            out,
            "    ({path:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\"))),"
        );
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).expect("OUT_DIR is writable");
}

/// The YAML as JSON, with `_line` added to every rule: the file without
/// its rules, and the rules (an array). The YAML is read into the rule-file
/// types first, so every value gets the type `icp` gives it (YAML alone
/// would read `severity: off` as the boolean false).
fn to_json(yaml: &str) -> Result<(String, String), String> {
    let typed: crate::rule_file::FileDef =
        serde_saphyr::from_str(yaml).map_err(|e| e.to_string())?;
    let mut value = serde_json::to_value(&typed).map_err(|e| e.to_string())?;
    if let Some(rules) = value.get_mut("rules").and_then(|r| r.as_array_mut()) {
        let lines: Vec<&str> = yaml.lines().collect();
        let mut from = 0;
        for rule in rules.iter_mut() {
            let Some(id) = rule.get("id").and_then(|i| i.as_str()).map(str::to_owned) else {
                continue;
            };
            // The first line after the previous rule that names this id.
            if let Some(offset) = lines[from..].iter().position(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                l.strip_prefix("id:")
                    .is_some_and(|v| v.trim().trim_matches('"') == id)
            }) {
                from += offset;
                if let Some(obj) = rule.as_object_mut() {
                    obj.insert("_line".into(), serde_json::Value::from(from + 1));
                }
                from += 1;
            }
        }
    }
    drop_nulls(&mut value);
    let rules = value
        .as_object_mut()
        .and_then(|file| file.remove("rules"))
        .unwrap_or_else(|| serde_json::Value::Array(Vec::new()));
    let text = |v: &serde_json::Value| serde_json::to_string(v).map_err(|e| e.to_string());
    Ok((text(&value)?, text(&rules)?))
}

/// Leaves out the absent optional fields (`null`), which are most of a
/// rule's fields: they are absent to the reader too, and skipping them is
/// most of what makes the built-in files quick to load.
fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
