//! Domain names: syntax (IDNA, UTS #46), the registrable part, look-alike
//! labels, and suffix matching.
//!
//! A filing names registrable domains (`example.com`, `示例.中国`), never
//! subdomains. The public suffix comes from the compiled-in Public Suffix List
//! (ICANN section only: a private entry such as `github.io` is not a registry)
//! extended with the suffixes of [`crate::data::domain_suffixes`], which
//! include registry levels the list lacks (`政务.cn`, `公益.cn`).
//!
//! Input is expected to be cleaned already ([`super::chars::clean`]).

use idna::AsciiDenyList;
use idna::uts46::{DnsLength, Hyphens, Uts46};
use psl::{Psl, Type};
use unicode_script::{Script, UnicodeScript};

use crate::data::domain_suffix;

/// A syntactically valid domain name and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// The whole name in ASCII (punycode), lower case: `xn--fsq092h.xn--fiqs8s`.
    pub ascii: String,
    /// The whole name in Unicode, lower case: `示例.中国`.
    pub unicode: String,
    /// The public suffix, in Unicode: `中国`, `com.cn`.
    pub suffix: String,
    /// The registrable domain (suffix plus one label), in Unicode: `示例.中国`.
    pub registrable: String,
    /// The label left of the suffix, in Unicode: `示例`.
    pub prefix: String,
}

/// One thing wrong with a domain name. A name can have several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainProblem {
    /// Not a valid host name.
    ///
    /// Bad characters, empty or over-long labels, a hyphen at either end of a
    /// label, an all-numeric top level, or a single label.
    Syntax,
    /// A subdomain was given; only the registrable domain is filed.
    NotRegistrable {
        /// The registrable domain it belongs to, in Unicode.
        registrable: String,
    },
    /// The name is itself a public suffix (`com.cn`).
    PublicSuffix,
    /// A label mixes Latin with Cyrillic or Greek letters, or Cyrillic with Greek.
    MixedScript {
        /// The offending label, in Unicode.
        label: String,
    },
    /// Written with capital letters (domains are filed in lower case).
    Uppercase,
    /// Written with a trailing dot.
    TrailingDot,
}

/// UTS #46 ToASCII with the rules of host names: letters, digits and hyphens
/// only, no hyphen at either end of a label, DNS length limits. A domain to
/// be registered also has no `--` in positions 3–4 of a label unless it is
/// an A-label (`xn--`): IDNA 2008 reserves them (RFC 5891 §4.2.3.1), so
/// registries refuse `ab--cd.com`. A host under a domain (a homepage) is only
/// held to the first and last positions.
fn to_ascii(name: &str, hyphens: Hyphens) -> Option<String> {
    Uts46::new()
        .to_ascii(
            name.as_bytes(),
            AsciiDenyList::STD3,
            hyphens,
            DnsLength::Verify,
        )
        .ok()
        .map(|c| c.into_owned())
}

/// UTS #46 ToUnicode of a name that already passed [`to_ascii`].
fn to_unicode(ascii: &str) -> Option<String> {
    let (name, result) =
        Uts46::new().to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Check);
    result.ok().map(|()| name.into_owned())
}

/// Number of labels of the ICANN public suffix of an ASCII name (0 if none).
fn icann_suffix_labels(ascii: &str) -> usize {
    let mut name = ascii;
    loop {
        let Some(suffix) = psl::List.suffix(name.as_bytes()) else {
            return 0;
        };
        let text = std::str::from_utf8(suffix.as_bytes()).unwrap_or("");
        if suffix.typ() != Some(Type::Private) {
            return text.split('.').count();
        }
        // A private entry (github.io): the ICANN suffix lies inside it.
        match text.split_once('.') {
            Some((_, rest)) if !rest.is_empty() => name = rest,
            _ => return 1,
        }
    }
}

/// Number of labels of the longest suffix of `labels` listed in the data table.
fn table_suffix_labels(labels: &[&str]) -> usize {
    (1..=labels.len())
        .rev()
        .find(|&n| {
            labels
                .get(labels.len() - n..)
                .is_some_and(|tail| domain_suffix(&tail.join(".")).is_some())
        })
        .unwrap_or(0)
}

/// Whether a label mixes scripts that are used for look-alike names.
fn mixed_script(label: &str) -> bool {
    let (mut latin, mut cyrillic, mut greek) = (false, false, false);
    for c in label.chars() {
        match c.script() {
            Script::Latin => latin = true,
            Script::Cyrillic => cyrillic = true,
            Script::Greek => greek = true,
            _ => {}
        }
    }
    (latin && (cyrillic || greek)) || (cyrillic && greek)
}

/// Checks a domain name; it is acceptable for a filing when the problem list is empty.
///
/// The [`Domain`] is returned whenever the name is syntactically valid and
/// longer than its public suffix, even with other problems.
pub fn check(s: &str) -> (Option<Domain>, Vec<DomainProblem>) {
    let mut problems = Vec::new();
    let mut name = s;
    if let Some(stripped) = name.strip_suffix('.') {
        problems.push(DomainProblem::TrailingDot);
        name = stripped;
    }
    if name.chars().any(char::is_uppercase) {
        problems.push(DomainProblem::Uppercase);
    }
    let parsed = to_ascii(name, Hyphens::Check).and_then(|ascii| {
        let unicode = to_unicode(&ascii)?;
        // An all-numeric top level is an IP address or nonsense; one label is
        // no domain.
        let tld = ascii.rsplit('.').next().unwrap_or("");
        let syntax_ok = ascii.contains('.') && !tld.bytes().all(|b| b.is_ascii_digit());
        syntax_ok.then_some((ascii, unicode))
    });
    let Some((ascii, unicode)) = parsed else {
        // A single known suffix (`com`, `中国`) is reported as such.
        let single_suffix = !name.is_empty()
            && !name.contains('.')
            && to_ascii(name, Hyphens::Check).is_some_and(|a| {
                psl::List
                    .suffix(a.as_bytes())
                    .is_some_and(|s| s.typ().is_some())
            });
        problems.push(if single_suffix {
            DomainProblem::PublicSuffix
        } else {
            DomainProblem::Syntax
        });
        return (None, problems);
    };
    let labels: Vec<&str> = unicode.split('.').collect();
    let suffix_labels = icann_suffix_labels(&ascii).max(table_suffix_labels(&labels));
    if suffix_labels >= labels.len() || suffix_labels == 0 {
        problems.push(DomainProblem::PublicSuffix);
        return (None, problems);
    }
    let split = labels.len() - suffix_labels;
    let suffix = labels.get(split..).unwrap_or_default().join(".");
    let registrable = labels.get(split - 1..).unwrap_or_default().join(".");
    let prefix = labels
        .get(split - 1)
        .copied()
        .unwrap_or_default()
        .to_owned();
    if split > 1 {
        problems.push(DomainProblem::NotRegistrable {
            registrable: registrable.clone(),
        });
    }
    for label in &labels {
        if mixed_script(label) {
            problems.push(DomainProblem::MixedScript {
                label: (*label).to_owned(),
            });
        }
    }
    let domain = Domain {
        ascii,
        unicode,
        suffix,
        registrable,
        prefix,
    };
    (Some(domain), problems)
}

/// Whether `name` equals `suffix` or ends with `.suffix` (ASCII case-insensitive).
fn ends_with_labels(name: &str, suffix: &str) -> bool {
    let (n, s) = (name.as_bytes(), suffix.as_bytes());
    if n.len() < s.len() {
        return false;
    }
    let start = n.len() - s.len();
    n.get(start..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(s))
        && (start == 0 || n.get(start - 1) == Some(&b'.'))
}

/// The longest of `suffixes` that `d` ends with, by whole labels.
///
/// Suffixes may be Unicode (`中国`) or punycode (`xn--fiqs8s`), with or
/// without a leading dot; ASCII ones compare case-insensitively.
pub fn suffix_match<'a>(
    d: &Domain,
    suffixes: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    suffixes
        .into_iter()
        .filter(|raw| {
            let s = raw.trim_start_matches('.').trim_end_matches('.');
            !s.is_empty()
                && if s.is_ascii() {
                    ends_with_labels(&d.ascii, s)
                } else {
                    ends_with_labels(&d.unicode, s)
                }
        })
        .max_by_key(|raw| {
            raw.trim_start_matches('.')
                .trim_end_matches('.')
                .split('.')
                .count()
        })
}

/// The host of a homepage written as a host (`www.example.com`) or a URL
/// (`http://www.example.com:8080/path`), in ASCII, if it is a valid host name.
fn homepage_host(homepage: &str) -> Option<String> {
    let rest = match homepage.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            rest
        }
        Some(_) => return None,
        None => homepage,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return None,
        None => host_port,
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    to_ascii(host, Hyphens::CheckFirstLast)
}

/// Whether a homepage (`www.example.com`, `http://www.example.com/path`) lies in `domain`.
///
/// The host may be the domain itself or any subdomain of it; scheme, user,
/// port, path, query and fragment are ignored.
pub fn host_in_domain(host: &str, domain: &Domain) -> bool {
    homepage_host(host).is_some_and(|h| ends_with_labels(&h, &domain.ascii))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Domain {
        let (d, p) = check(s);
        assert!(p.is_empty(), "{s}: {p:?}");
        d.unwrap()
    }

    #[test]
    fn plain_domains() {
        let d = ok("example.com");
        assert_eq!(
            (
                d.ascii.as_str(),
                d.suffix.as_str(),
                d.registrable.as_str(),
                d.prefix.as_str()
            ),
            ("example.com", "com", "example.com", "example")
        );
        let d = ok("example.com.cn");
        assert_eq!(
            (d.suffix.as_str(), d.prefix.as_str()),
            ("com.cn", "example")
        );
        let d = ok("my-site.gd.cn");
        assert_eq!(d.suffix, "gd.cn");
        ok("123.com");
        // An A-label has its -- in positions 3-4 by design.
        ok("xn--fsq092h.xn--fiqs8s");
        ok("a-b-c.com");
    }

    #[test]
    fn idn_domains() {
        let d = ok("示例.中国");
        assert_eq!(d.ascii, "xn--fsq092h.xn--fiqs8s");
        assert_eq!((d.suffix.as_str(), d.prefix.as_str()), ("中国", "示例"));
        let d = ok("xn--fsq092h.xn--fiqs8s");
        assert_eq!(d.unicode, "示例.中国");
        let d = ok("示例.公司");
        assert_eq!(d.suffix, "公司");
        let d = ok("例子.com");
        assert_eq!(d.registrable, "例子.com");
        // Han mixed with Latin letters and digits is normal.
        ok("abc中文123.cn");
    }

    #[test]
    fn table_suffixes_extend_the_psl() {
        // 政务.cn is a registry level missing from the Public Suffix List.
        let d = ok("某市.政务.cn");
        assert_eq!(
            (d.suffix.as_str(), d.registrable.as_str()),
            ("政务.cn", "某市.政务.cn")
        );
        assert_eq!(check("政务.cn").1, vec![DomainProblem::PublicSuffix]);
    }

    #[test]
    fn subdomains_are_not_registrable() {
        let (d, p) = check("www.example.com");
        assert_eq!(
            p,
            vec![DomainProblem::NotRegistrable {
                registrable: "example.com".into()
            }]
        );
        let d = d.unwrap();
        assert_eq!(
            (d.registrable.as_str(), d.prefix.as_str()),
            ("example.com", "example")
        );
        // A private PSL entry is no registry: foo.github.io belongs to github.io.
        let (_, p) = check("foo.github.io");
        assert_eq!(
            p,
            vec![DomainProblem::NotRegistrable {
                registrable: "github.io".into()
            }]
        );
    }

    #[test]
    fn public_suffixes() {
        for s in ["com", "com.cn", "中国", "co.uk"] {
            assert_eq!(check(s), (None, vec![DomainProblem::PublicSuffix]), "{s}");
        }
    }

    #[test]
    fn syntax_errors() {
        for s in [
            "",
            ".",
            "exa mple.com",
            "a_b.com",
            "-a.com",
            "a-.com",
            // Positions 3-4 are reserved by IDNA 2008 (RFC 5891 §4.2.3.1).
            "ab--cd.com",
            "ab--.cn",
            "xn--zz.com",
            "a..com",
            "localhost",
            "1.2.3.4",
            "http://example.com",
            "example.com/",
            "例子。",
            "a.b.c.d..",
            &"a".repeat(64),
        ] {
            let (d, p) = check(s);
            assert!(d.is_none(), "{s}");
            assert!(p.contains(&DomainProblem::Syntax), "{s}: {p:?}");
        }
    }

    #[test]
    fn mixed_scripts() {
        // Cyrillic р, а, у with a Latin l.
        let (d, p) = check("раураl.com");
        assert!(d.is_some());
        assert_eq!(
            p,
            vec![DomainProblem::MixedScript {
                label: "раураl".into()
            }]
        );
        // Cyrillic with Greek.
        assert!(matches!(
            check("аβ.com").1.as_slice(),
            [DomainProblem::MixedScript { .. }]
        ));
        // A whole-Cyrillic label is one script.
        assert!(check("пример.рф").1.is_empty());
    }

    #[test]
    fn case_and_trailing_dot() {
        let (d, p) = check("Example.COM.");
        assert_eq!(
            p,
            vec![DomainProblem::TrailingDot, DomainProblem::Uppercase]
        );
        assert_eq!(d.unwrap().ascii, "example.com");
    }

    #[test]
    fn suffix_matching() {
        let d = ok("example.io");
        assert_eq!(suffix_match(&d, ["com", "io", "o"]), Some("io"));
        let d = ok("example.com.cn");
        assert_eq!(suffix_match(&d, ["cn", "com.cn", "m.cn"]), Some("com.cn"));
        assert_eq!(suffix_match(&d, [".CN"]), Some(".CN"));
        let d = ok("示例.中国");
        assert_eq!(suffix_match(&d, ["中国"]), Some("中国"));
        assert_eq!(suffix_match(&d, ["xn--fiqs8s"]), Some("xn--fiqs8s"));
        assert_eq!(suffix_match(&d, ["国", "cn", ""]), None);
        let d = ok("example.org.cn");
        let table = crate::data::domain_suffixes().iter().map(|s| s.suffix);
        assert_eq!(suffix_match(&d, table), Some("org.cn"));
    }

    #[test]
    fn homepages() {
        let d = ok("example.com");
        for h in [
            "example.com",
            "www.example.com",
            "http://www.example.com/path",
            "https://a.b.example.com:8443/?q=1",
            "WWW.Example.com.",
            "user@www.example.com",
        ] {
            assert!(host_in_domain(h, &d), "{h}");
        }
        for h in [
            "notexample.com",
            "example.com.cn",
            "example.org",
            "http://",
            "",
            "ftp:/example.com",
            "www.example.com:port",
            "exa mple.com",
        ] {
            assert!(!host_in_domain(h, &d), "{h}");
        }
        let d = ok("示例.中国");
        assert!(host_in_domain("www.示例.中国", &d));
        // A host inside the domain is held to host-name rules only.
        assert!(host_in_domain("r3--sn.example.com", &ok("example.com")));
        assert!(host_in_domain("http://www.xn--fsq092h.xn--fiqs8s/", &d));
        // Homepages must lie in the name as given, even if that is a subdomain.
        let (Some(d), _) = check("www.example.com") else {
            panic!("www.example.com parses")
        };
        assert!(host_in_domain("www.example.com/index.html", &d));
        assert!(!host_in_domain("shop.example.com", &d));
    }
}
