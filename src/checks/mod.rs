//! Algorithms that rules call by name.
//!
//! Pure functions, one module per concept: they take a value and return what
//! it is and what is wrong with it, as typed data. They do no I/O and never
//! print; turning a problem into a finding with a message is the rules'
//! business. Inputs are untrusted and nothing here panics on any input.
//!
//! Most checks expect a value that went through [`chars::clean`] first, so
//! that full-width digits, stray spaces and zero-width characters are
//! reported once, as such, rather than as a bad checksum.

pub mod address;
pub mod chars;
pub mod domain;
pub mod email;
pub mod foreign_permanent_id;
pub mod icp_number;
pub mod ip;
pub mod phone;
pub mod resident_id;
pub mod site_name;
pub mod uscc;

#[cfg(test)]
mod robustness {
    //! No check may panic, whatever the input.

    use super::*;
    use jiff::civil::date;

    /// Deterministic pseudo-random strings over characters that stress
    /// byte/char boundaries and the parsers' special cases.
    fn inputs() -> Vec<String> {
        const POOL: &[char] = &[
            '0', '1', '8', '9', 'X', 'x', 'A', 'Z', '-', '.', '+', '(', ')', ':', '/', '@', ' ',
            '号', '备', '粤', '中', '国', 'я', 'β', '０', '\u{200B}', '\u{3000}', '\u{FEFF}', '🙂',
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        let mut out: Vec<String> = [
            "",
            "0",
            "086-",
            "086--",
            "ICP备号",
            "xn--",
            "xn--a.com",
            "..",
            "9",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for _ in 0..4000 {
            let len = next() % 24;
            out.push((0..len).map(|_| POOL[next() % POOL.len()]).collect());
        }
        // Right lengths with a multi-byte character in various places.
        for pos in 0..18 {
            let mut s: Vec<char> = "440308199901101512".chars().collect();
            s[pos] = '粤';
            out.push(s.into_iter().collect());
        }
        out
    }

    #[test]
    fn nothing_panics() {
        let today = date(2026, 11, 28);
        for s in inputs() {
            let c = chars::clean(&s);
            for v in [s.as_str(), c.value.as_ref()] {
                let _ = resident_id::check(v, today, resident_id::IdKind::Citizen);
                let _ = resident_id::check(v, today, resident_id::IdKind::HmtResidencePermit);
                let _ = resident_id::upgrade15(v);
                let _ = foreign_permanent_id::check(v);
                let _ = uscc::check(v);
                let _ = uscc::org_code_valid(v);
                let _ = uscc::registration_number_valid(v);
                let _ = phone::office_phone(v);
                let _ = phone::suggest_office(v);
                let _ = phone::mobile(v);
                let _ = phone::is_mobile_shaped(v);
                if let (Some(d), _) = domain::check(v) {
                    let _ = domain::host_in_domain(v, &d);
                    let _ = domain::suffix_match(&d, [v, "com", ""]);
                }
                let _ = ip::check(v);
                let _ = icp_number::parse(v);
                let _ = email::valid(v);
                let _ = site_name::counted_length(v);
                let _ = site_name::han_count(v);
                let _ = crate::data::find_province(v);
                for (p, c) in [("gd", 440300), ("bj", 110000), ("xj", 659002)] {
                    let (Some(p), Some(c)) = (crate::data::province(p), crate::data::city(c))
                    else {
                        continue;
                    };
                    let _ = address::in_city(p, c, v);
                }
                let _ = crate::data::find_city(v);
                let _ = crate::data::area_code(v);
                let _ = crate::data::area_code_cities(v);
                let _ = crate::data::mobile_block_known(v);
                let _ = crate::data::domain_suffix(v);
            }
        }
    }
}
