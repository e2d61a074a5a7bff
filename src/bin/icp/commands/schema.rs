//! `icp schema`: the JSON Schema of the filing format, for editors.

use icp::rules::RuleSet;

use super::{OK, emit};

pub fn run(rules: &RuleSet) -> u8 {
    // The document kinds and rule ids of a `--rules` directory are included,
    // so a project with its own rules can generate its own schema.
    emit(&icp::schema::render(rules));
    OK
}
