//! Algorithms that rules call by name.
