//! Writes N filings for the benchmark: `cargo run --release --example
//! generate-filings -- DIR N`. Half are the enterprise example, half the
//! personal one, each with its own website name, in 100 files per directory.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench-filings".into()));
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| {
        std::fs::read_to_string(format!("{root}/examples/{name}.filing.toml"))
            .unwrap_or_else(|e| panic!("examples/{name}.filing.toml: {e}"))
    };
    let (enterprise, personal) = (read("enterprise-gd"), read("personal-sc"));
    for i in 0..n {
        let sub = dir
            .join(format!("c{:03}", i / 100))
            .join(format!("client{i:05}"));
        std::fs::create_dir_all(&sub).expect("create the benchmark directory");
        let text = if i % 2 == 0 {
            enterprise.replace("name = \"示例科技\"", &format!("name = \"示例科技{i}\""))
        } else {
            personal.replace(
                "name = \"李四的编程笔记\"",
                &format!("name = \"李四的编程笔记{i}\""),
            )
        };
        std::fs::write(sub.join("filing.toml"), text).expect("write a filing");
    }
    println!("{n} filings in {}", dir.display());
}
