//! Build script: compiles the rule files and reference tables into the
//! binary. Each part lives in `build/`.

#[path = "build/data.rs"]
mod data;
#[path = "build/rules.rs"]
mod rules;

fn main() {
    rules::generate();
    data::generate();
}
