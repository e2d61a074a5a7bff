//! E-mail addresses, by RFC 5322/5321 syntax (the `email_address` crate),
//! with a domain that is a host name.

use email_address::{EmailAddress, Options};

use super::domain::{self, DomainProblem};

/// Whether `s` is a bare e-mail address with a dotted domain.
///
/// A display name (`Zhang <a@b.cn>`) or an address literal (`a@[1.2.3.4]`)
/// is not accepted, nor a domain the mail system cannot resolve as a host
/// name: an IP address written as a domain (`a@192.168.0.1`), an underscore
/// (`a@my_host.cn`), a bare public suffix (`a@com.cn`). The RFC grammar
/// allows them; mail to them does not arrive.
pub fn valid(s: &str) -> bool {
    let options = Options {
        minimum_sub_domains: 2,
        allow_domain_literal: false,
        allow_display_text: false,
        ..Options::default()
    };
    if EmailAddress::parse_with_options(s, options).is_err() {
        return false;
    }
    let Some((_, host)) = s.rsplit_once('@') else {
        return false;
    };
    let (_, problems) = domain::check(&host.to_lowercase());
    !problems
        .iter()
        .any(|p| matches!(p, DomainProblem::Syntax | DomainProblem::PublicSuffix))
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
            "Li.Si@Mail.Example.CN",
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
            // Not host names, though the RFC grammar allows them.
            "user@192.168.0.1",
            "lisi@my_host.example.cn",
            "a@com.cn",
            "a@-example.com",
        ] {
            assert!(!valid(s), "{s}");
        }
    }
}
