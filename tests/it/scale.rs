//! Cost linear in the size of a filing: a filing of any shape near the 1 MiB
//! limit — thousands of websites, of domains, of unknown keys, of documents,
//! one huge string, one huge line — is checked in under a second by the
//! release build, in every format. A debug build is many times slower, so
//! there the test compares a filing with half as many parts: linear cost
//! about doubles, a cost that grows with the square quadruples.

use std::time::{Duration, Instant};

/// The start of a filing: the example's subject, no website yet.
fn head() -> String {
    let example = crate::common::example("enterprise-gd");
    example
        .split("[[websites]]")
        .next()
        .unwrap_or_default()
        .to_owned()
}

const SITE: &str = r#"name = "示例科技{i}"
domains = [{ name = "example{i}.com", holder = "深圳市示例科技有限公司", expires = 2028-03-01 }]
homepages = ["www.example{i}.com"]
service = "enterprise-portal"
languages = ["zh-CN"]
hosting = { type = "cloud-server", ips = ["119.29.168.10"] }
documents = [{ kind = "verification-sheet", file = "scans/sheet{i}.jpg" }]
"#;

/// A filing of one shape, `size` bytes or a little less: a start, parts
/// numbered from 0 while they fit, an end.
fn shape(name: &str, size: usize) -> String {
    let site = "[[websites]]\nname = \"x\"\n";
    let (start, part, end): (String, fn(usize) -> String, &str) = match name {
        "websites" => (
            head(),
            |i| format!("[[websites]]\n{}", SITE.replace("{i}", &i.to_string())),
            "",
        ),
        "same-websites" => (
            head(),
            |_| format!("[[websites]]\n{}", SITE.replace("{i}", "")),
            "",
        ),
        "domains" => (
            format!("{}{site}domains = [\n", head()),
            |i| {
                format!("  {{ name = \"example{i}.com\", holder = \"深圳市示例科技有限公司\" }},\n")
            },
            "]\n",
        ),
        "one-line" => (
            format!("{}{site}domains = [", head()),
            |i| format!("{{ name = \"ex{i}.com\" }}, "),
            "]\n",
        ),
        "documents" => (
            format!(
                "{}{site}domains = [\"example.com\"]\ndocuments = [\n",
                head()
            ),
            |i| format!("  {{ kind = \"verification-sheet\", file = \"scans/s{i}.jpg\" }},\n"),
            "]\n",
        ),
        "unknown-keys" => (
            format!("{}{site}domains = [\"example.com\"]\n", head()),
            |i| format!("key_{i} = \"x\"\n"),
            "",
        ),
        "one-string" => (
            format!("{}{site}domains = [\"example.com\"]\nnote = \"", head()),
            |i| {
                if i % 4 == 0 {
                    "电话 13800138000 ".to_owned()
                } else {
                    "备案".to_owned()
                }
            },
            "\"\n",
        ),
        other => panic!("no shape {other}"),
    };
    let mut text = start;
    let budget = size - end.len();
    for i in 0.. {
        let p = part(i);
        if text.len() + p.len() > budget {
            break;
        }
        text.push_str(&p);
    }
    text.push_str(end);
    text
}

const SHAPES: &[&str] = &[
    "websites",
    "same-websites",
    "domains",
    "one-line",
    "documents",
    "unknown-keys",
    "one-string",
];

/// The fastest of `runs` checks of a file, in a format.
fn fastest(path: &std::path::Path, format: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = crate::common::icp()
                .args(["validate", "--today", "2026-11-28", "--format", format])
                .arg(path)
                .output()
                .unwrap();
            let elapsed = start.elapsed();
            // Findings (1) are expected; a crash or a usage error is not.
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}: {out:?}",
                path.display()
            );
            elapsed
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn a_filing_near_the_size_limit_is_checked_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let release = !cfg!(debug_assertions);
    // Just under the limit of 1 MiB a filing may have.
    let full = 1024 * 1024 - 64;
    for name in SHAPES {
        let big = dir.path().join(format!("{name}.filing.toml"));
        std::fs::write(&big, shape(name, full)).unwrap();
        if release {
            for format in ["human", "json", "sarif", "concise", "github"] {
                let took = fastest(&big, format, 1);
                assert!(
                    took < Duration::from_secs(1),
                    "{name} ({full} bytes), --format {format}: {took:?}"
                );
            }
            continue;
        }
        // Debug: a quarter and half of the size; the best of two runs each.
        let (quarter, half) = (dir.path().join("q.toml"), dir.path().join("h.toml"));
        std::fs::write(&quarter, shape(name, full / 4)).unwrap();
        std::fs::write(&half, shape(name, full / 2)).unwrap();
        for format in ["human", "json"] {
            // One line of a megabyte: the human report quotes the line of
            // each finding, which long lines must be shortened for.
            if *name == "one-line" && format == "human" {
                continue;
            }
            let small = fastest(&quarter, format, 2);
            let large = fastest(&half, format, 2);
            // Twice the size: twice the time, plus room for a shared,
            // busy machine; the square would be four times.
            let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
            assert!(
                ratio < 3.2 || large < Duration::from_millis(300),
                "{name}, --format {format}: {small:?} for {} bytes, {large:?} for twice as many",
                full / 4
            );
        }
    }
}
