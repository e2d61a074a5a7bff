//! `icp config`: the configuration in force and where each value came from.

use icp::report;

use super::{Context, OK, emit};

pub fn run(ctx: &Context) -> u8 {
    emit(&report::config::render(&ctx.settings, ctx.lang));
    OK
}
