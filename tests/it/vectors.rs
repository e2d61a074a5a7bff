//! Every row of `tests/data/test_vectors.csv` (a copy of the project's
//! reference vectors; sources in `rules/data/README.md`) through the public API.
//!
//! Each row is asserted exactly once; the test fails on an unknown kind or
//! expectation, and the per-kind counts at the end make sure no row was
//! skipped.

use std::collections::BTreeMap;

use icp::checks::{chars, phone, resident_id, uscc};
use icp::data::address_code_in_use;
use jiff::civil::{Date, date};

const VECTORS: &str = include_str!("../data/test_vectors.csv");
const TODAY: Date = date(2026, 11, 28);

struct Row {
    line: usize,
    kind: String,
    input: String,
    expected: String,
    detail: String,
}

fn rows() -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(VECTORS.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["kind", "input", "expected", "detail", "source"]
    );
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.unwrap_or_else(|e| panic!("row {}: {e}", i + 2));
            let get = |n: usize| {
                r.get(n)
                    .unwrap_or_else(|| panic!("row {}: column {n}", i + 2))
                    .to_owned()
            };
            Row {
                line: i + 2,
                kind: get(0),
                input: get(1),
                expected: get(2),
                detail: get(3),
            }
        })
        .collect()
}

/// The check character named in a detail such as "check char should be 3".
fn expected_check_char(detail: &str) -> Option<char> {
    let (_, rest) = detail.split_once("check char should be ")?;
    rest.chars().next()
}

fn id_kind(number: &str) -> resident_id::IdKind {
    if ["81", "82", "83"].iter().any(|p| number.starts_with(p)) {
        resident_id::IdKind::HmtResidencePermit
    } else {
        resident_id::IdKind::Citizen
    }
}

fn ric18(row: &Row) {
    let number = chars::clean(&row.input).value;
    let (id, problems) = resident_id::check(&number, TODAY, id_kind(&number));
    match row.expected.as_str() {
        "valid" => {
            assert!(
                problems.is_empty(),
                "line {}: {} → {problems:?}",
                row.line,
                row.input
            );
            let id = id.unwrap_or_else(|| panic!("line {}: no ResidentId", row.line));
            assert_eq!(
                id.lowercase_x,
                row.input.ends_with('x'),
                "line {}",
                row.line
            );
        }
        // Lenient by design: the region code existed, just not in the birth
        // year. Accepted, and the strict question has the answer "no".
        "invalid_strict" => {
            assert!(
                problems.is_empty(),
                "line {}: {} → {problems:?}",
                row.line,
                row.input
            );
            let id = id.unwrap_or_else(|| panic!("line {}: no ResidentId", row.line));
            assert_eq!(
                address_code_in_use(id.region, id.birth.year()),
                Some(false),
                "line {}: {} should not be in use in {}",
                row.line,
                id.region,
                id.birth.year()
            );
        }
        "invalid" => {
            assert!(
                !problems.is_empty(),
                "line {}: {} accepted",
                row.line,
                row.input
            );
            if let Some(expected) = expected_check_char(&row.detail) {
                assert!(
                    problems.contains(&resident_id::IdProblem::Checksum { expected }),
                    "line {}: {problems:?}",
                    row.line
                );
            }
        }
        other => panic!("line {}: unknown expectation {other}", row.line),
    }
}

fn ric15(row: &Row) {
    let (id, problems) = resident_id::check(&row.input, TODAY, resident_id::IdKind::Citizen);
    assert!(id.is_none(), "line {}", row.line);
    match row.expected.as_str() {
        "valid" => assert_eq!(
            problems,
            [resident_id::IdProblem::Legacy15],
            "line {}",
            row.line
        ),
        "invalid" => {
            assert!(!problems.is_empty(), "line {}", row.line);
            assert!(
                !problems.contains(&resident_id::IdProblem::Legacy15),
                "line {}",
                row.line
            );
        }
        other => panic!("line {}: unknown expectation {other}", row.line),
    }
}

fn ric15_to_18(row: &Row) {
    let upgraded = resident_id::upgrade15(&row.input);
    assert_eq!(
        upgraded.as_deref(),
        Some(row.expected.as_str()),
        "line {}",
        row.line
    );
    let (_, problems) = resident_id::check(&row.expected, TODAY, resident_id::IdKind::Citizen);
    assert!(problems.is_empty(), "line {}: {problems:?}", row.line);
}

fn uscc_row(row: &Row) {
    let code = chars::clean(&row.input).value;
    let (parsed, problems) = uscc::check(&code);
    match row.expected.as_str() {
        "valid" => {
            assert!(
                problems.is_empty(),
                "line {}: {} → {problems:?}",
                row.line,
                row.input
            );
            let parsed = parsed.unwrap_or_else(|| panic!("line {}: no Uscc", row.line));
            assert_eq!(
                code.get(2..8).and_then(|r| r.parse().ok()),
                Some(parsed.region)
            );
            // The embedded organization code is valid on its own too.
            assert!(uscc::org_code_valid(&code[8..17]), "line {}", row.line);
        }
        "invalid" => {
            assert!(
                !problems.is_empty(),
                "line {}: {} accepted",
                row.line,
                row.input
            );
            if let Some(expected) = expected_check_char(&row.detail) {
                assert!(
                    problems.contains(&uscc::UsccProblem::Checksum { expected }),
                    "line {}: {problems:?}",
                    row.line
                );
            }
        }
        other => panic!("line {}: unknown expectation {other}", row.line),
    }
}

fn expect_bool(row: &Row, ok: bool) {
    match row.expected.as_str() {
        "valid" => assert!(ok, "line {}: {} rejected", row.line, row.input),
        "invalid" => assert!(!ok, "line {}: {} accepted", row.line, row.input),
        other => panic!("line {}: unknown expectation {other}", row.line),
    }
}

fn landline(row: &Row) {
    // The vectors are national numbers (0755-23456789); filings write them
    // in office form (086-0755-23456789).
    let office = format!("086-{}", row.input);
    let result = phone::office_phone(&office);
    expect_bool(row, result.is_ok());
    if let Ok(l) = result {
        assert_eq!(
            format!("{}-{}", l.area_code, l.local),
            row.input,
            "line {}",
            row.line
        );
        assert_eq!(
            phone::suggest_office(&row.input),
            Some(office),
            "line {}",
            row.line
        );
    } else {
        assert_eq!(phone::suggest_office(&row.input), None, "line {}", row.line);
    }
}

#[test]
fn every_vector() {
    let rows = rows();
    let mut done: BTreeMap<String, usize> = BTreeMap::new();
    for row in &rows {
        match row.kind.as_str() {
            "ric18" => ric18(row),
            "ric15" => ric15(row),
            "ric15_to_18" => ric15_to_18(row),
            "uscc" => uscc_row(row),
            "orgcode" => expect_bool(row, uscc::org_code_valid(&row.input)),
            "regno15" => expect_bool(row, uscc::registration_number_valid(&row.input)),
            "mobile" => expect_bool(row, phone::mobile(&row.input).is_ok()),
            "landline" => landline(row),
            other => panic!("line {}: unknown kind {other}", row.line),
        }
        *done.entry(row.kind.clone()).or_default() += 1;
    }
    assert_eq!(done.values().sum::<usize>(), rows.len());
    let expected: BTreeMap<String, usize> = [
        ("landline", 12),
        ("mobile", 14),
        ("orgcode", 6),
        ("regno15", 3),
        ("ric15", 5),
        ("ric15_to_18", 2),
        ("ric18", 38),
        ("uscc", 212),
    ]
    .into_iter()
    .map(|(k, n)| (k.to_owned(), n))
    .collect();
    assert_eq!(
        done, expected,
        "rows per kind (a changed file must update this list)"
    );
}
