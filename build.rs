//! Build script: compiles the rule files and reference tables into the
//! binary. Each part lives in `build/`.

#[path = "build/data.rs"]
mod data;
#[path = "build/rules.rs"]
mod rules;

// The rule-file types, shared with the library so the built-in files are
// read exactly as `icp` reads any rule file. Only their serde
// implementations are used here.
#[allow(dead_code)]
#[path = "src/lang.rs"]
mod lang;
#[allow(dead_code)]
#[path = "src/rules/file.rs"]
mod rule_file;

fn main() {
    rules::generate();
    data::generate();
}
