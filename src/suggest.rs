//! "Did you mean" suggestions for unknown keys, values and rule ids.

/// The candidate closest to `input`, when it is close enough to be a likely
/// typo (case-insensitive; similarity by Jaro-Winkler, which favours a shared
/// beginning, the way people mistype keys).
pub fn closest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let needle = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&needle, &candidate.to_lowercase());
        if score > best.map_or(0.0, |(s, _)| s) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.8).map(|(_, c)| c)
}

/// The candidates within a small edit distance, nearest first (for listing
/// several rule ids).
pub fn nearest<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
    max: usize,
) -> Vec<&'c str> {
    let needle = input.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&needle, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_key() {
        let keys = ["province", "city", "district", "nature"];
        assert_eq!(closest("provice", keys), Some("province"));
        assert_eq!(closest("natur", keys), Some("nature"));
        assert_eq!(closest("zzzzzz", keys), None);
    }
}
