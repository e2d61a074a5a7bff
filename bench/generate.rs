//! Writes N filings for the benchmark: `generate-filings DIR [N]
//! [--no-scans | --empty]` (N: 10,000 unless given), or with `--one-big`
//! one filing of as many websites as fit in 1 MiB; bash bench/run.sh builds and runs
//! it. Half are the enterprise example,
//! half the personal one, each with its own website name, one client per
//! directory, 100 clients per parent directory. Each client directory gets
//! the scans its filing declares, so the filings are complete (the state of
//! a repository just before submission); `--no-scans` leaves them out (a
//! public repository that keeps scans out of git: each filing then has a
//! warning per declared scan).

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scans = !args.iter().any(|a| a == "--no-scans");
    // Empty filings: the most findings per byte (memory of a streamed report).
    let empty = args.iter().any(|a| a == "--empty");
    // One filing of thousands of websites, just under the 1 MiB limit.
    let one_big = args.iter().any(|a| a == "--one-big");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    // `cargo bench` runs every bench target with `--bench` and no directory:
    // write nothing then.
    let Some(dir) = positional.next().map(PathBuf::from) else {
        println!("usage: generate-filings DIR [N] [--no-scans] (see bash bench/run.sh)");
        return;
    };
    let n: usize = positional
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let read = |name: &str| {
        std::fs::read_to_string(root.join(format!("{name}.filing.toml")))
            .unwrap_or_else(|e| panic!("examples/{name}.filing.toml: {e}"))
    };
    let (enterprise, personal) = (read("enterprise-gd"), read("personal-sc"));
    if one_big {
        let (head, site) = enterprise
            .split_once("[[websites]]")
            .expect("the example has a website");
        let mut text = head.to_owned();
        for i in 0.. {
            let next = format!(
                "[[websites]]{}",
                site.replace("example.com", &format!("example{i}.com"))
                    .replace("示例科技", &format!("示例科技{i}"))
            );
            if text.len() + next.len() > 1024 * 1024 - 1 {
                break;
            }
            text.push_str(&next);
        }
        std::fs::create_dir_all(&dir).expect("create the benchmark directory");
        std::fs::write(dir.join("big.filing.toml"), &text).expect("write a filing");
        println!(
            "{} bytes in {}",
            text.len(),
            dir.join("big.filing.toml").display()
        );
        return;
    }
    for i in 0..n {
        let sub = dir
            .join(format!("c{:03}", i / 100))
            .join(format!("client{i:05}"));
        std::fs::create_dir_all(&sub).expect("create the benchmark directory");
        let text = if empty {
            String::new()
        } else if i % 2 == 0 {
            // Each filing its own domain: one domain in two filings is an
            // error across filings, which real repositories do not have
            // thousands of.
            enterprise
                .replace("name = \"示例科技\"", &format!("name = \"示例科技{i}\""))
                .replace("example.com", &format!("example{i}.com"))
        } else {
            personal
                .replace(
                    "name = \"李四的编程笔记\"",
                    &format!("name = \"李四的编程笔记{i}\""),
                )
                .replace("lisi-notes.cn", &format!("lisi-notes{i}.cn"))
        };
        if scans && !empty {
            copy_declared_scans(&text, &root, &sub);
        }
        std::fs::write(sub.join("filing.toml"), text).expect("write a filing");
    }
    println!("{n} filings in {}", dir.display());
}

/// Copies the files a filing declares (`file = "scans/…"`) from the examples.
fn copy_declared_scans(text: &str, from: &Path, to: &Path) {
    for line in text.lines() {
        let Some(rest) = line.split("file = \"").nth(1) else {
            continue;
        };
        let Some(file) = rest.split('"').next() else {
            continue;
        };
        let target = to.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create the scans directory");
        }
        std::fs::copy(from.join(file), &target)
            .unwrap_or_else(|e| panic!("copy examples/{file}: {e}"));
    }
}
