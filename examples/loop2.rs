use std::time::Instant;
fn main() {
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let dates = icp::rules::engine::Dates {
        today: jiff::civil::Date::new(2026, 11, 28).unwrap(),
        forced: None,
    };
    for name in ["enterprise-gd", "personal-sc"] {
        let text = std::fs::read(format!("examples/{name}.filing.toml")).unwrap();
        let loaded = icp::filing::load(text.clone());
        let n: u32 = std::env::var("N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200000);
        let t = Instant::now();
        for _ in 0..n {
            let _ = rules.check(&loaded, dates);
        }
        eprintln!("{name}: check {:?}", t.elapsed() / n);
    }
}
