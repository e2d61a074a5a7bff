//! The benchmark's baseline: find, read and parse the same filings as `icp
//! validate DIR` does (same walk, same TOML parser, same parallelism), and
//! nothing else. `parse-only DIR`; bash bench/run.sh builds and times it.

use rayon::prelude::*;

fn main() {
    // `cargo bench` runs every bench target with `--bench` and no directory:
    // there is nothing to time then.
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        println!("usage: parse-only DIR (bash bench/run.sh times it against icp validate)");
        return;
    };
    let files: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() == "filing.toml")
        .map(walkdir::DirEntry::into_path)
        .collect();
    let keys: usize = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap_or_default();
            let text = std::str::from_utf8(&bytes).unwrap_or_default();
            toml::de::DeTable::parse(text).map_or(0, |t| t.get_ref().len())
        })
        .sum();
    println!("{} files, {keys} top-level keys", files.len());
}
