//! Reference tables compiled in from `rules/data/*.csv`.
