//! E-mail addresses, by RFC 5322/5321 syntax (the `email_address` crate).

use email_address::{EmailAddress, Options};

/// Whether `s` is a bare e-mail address with a dotted domain.
///
/// A display name (`Zhang <a@b.cn>`) or an address literal (`a@[1.2.3.4]`)
/// is not accepted.
pub fn valid(s: &str) -> bool {
    let options = Options {
        minimum_sub_domains: 2,
        allow_domain_literal: false,
        allow_display_text: false,
        ..Options::default()
    };
    EmailAddress::parse_with_options(s, options).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        for s in [
            "zhangsan@example.com",
            "a.b+c@mail.example.com.cn",
            "张三@例子.中国",
            "x@xn--fiqs8s.cn",
        ] {
            assert!(valid(s), "{s}");
        }
        for s in [
            "",
            "zhangsan",
            "a@b",
            "a@b.",
            "@example.com",
            "a@.com",
            "a@@example.com",
            "Zhang <a@example.com>",
            "a@[1.2.3.4]",
            "a b@example.com",
            "a@exa mple.com",
            "a@example..com",
        ] {
            assert!(!valid(s), "{s}");
        }
    }
}
