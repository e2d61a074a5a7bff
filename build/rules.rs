//! Lists the province rule files so they are compiled into the binary
//! (`include_str!` needs literal paths; a new file under rules/provinces/ is
//! picked up without editing code).

use std::fmt::Write as _;
use std::path::Path;

/// Writes `province_rules.rs` into `OUT_DIR`.
pub fn generate() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new("rules/provinces");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// Province rule files compiled into the binary.\nconst PROVINCE_RULES: &[(&str, &str)] = &[\n",
    );
    for name in names {
        let _ = writeln!(
            out,
            "    (\"rules/provinces/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/provinces/{name}\"))),"
        );
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("province_rules.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
