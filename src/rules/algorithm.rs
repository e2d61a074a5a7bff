//! The algorithms a `check:` rule can name, and the outcomes each reports.
//!
//! The algorithms themselves are in [`crate::checks`]; this module is the
//! binding between their typed results and the outcome names rule files use
//! (`check: { algorithm: resident-id, report: [checksum] }`), so one rule per
//! outcome can carry its own severity and message.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::checks::{self, chars};
use crate::facts::Ctx;
use crate::finding::Args;

/// An algorithm of `icp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// Full-width characters, spaces or invisible characters in a value.
    Characters,
    /// 18-digit resident ID (GB 11643): checksum, birth date, region.
    ResidentId,
    /// HK/Macau/Taiwan residence permit number (81/82/83 + GB 11643).
    HmtResidencePermit,
    /// Foreigner's permanent residence ID (2023 and 2017 formats).
    ForeignPermanentId,
    /// Unified social credit code (GB 32100 with GB 11714).
    Uscc,
    /// Office phone `086-<area code>-<number>`.
    OfficePhone,
    /// Mobile number.
    Mobile,
    /// A mobile, or a landline in the office format.
    ContactPhone,
    /// E-mail syntax.
    Email,
    /// Domain syntax (IDNA), registrability, mixed scripts.
    Domain,
    /// Domain suffix on the approved / refused lists.
    DomainSuffix,
    /// ICP filing number format and province abbreviation.
    IcpNumber,
    /// IP address valid and public.
    Ip,
    /// Organisation code (GB 11714), `XXXXXXXX-X`.
    OrgCode,
    /// A regular expression of the rule file (`pattern:`), matched against
    /// the cleaned value.
    Pattern,
}

/// One result of an algorithm.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Its name in rule files.
    pub code: &'static str,
    /// Placeholder values for the message.
    pub args: Args,
}

fn outcome(code: &'static str, args: Args) -> Outcome {
    Outcome { code, args }
}

impl Algorithm {
    /// Every algorithm with its rule-file name.
    pub const ALL: &'static [(&'static str, Algorithm)] = &[
        ("characters", Algorithm::Characters),
        ("resident-id", Algorithm::ResidentId),
        ("hmt-residence-permit", Algorithm::HmtResidencePermit),
        ("foreign-permanent-id", Algorithm::ForeignPermanentId),
        ("uscc", Algorithm::Uscc),
        ("office-phone", Algorithm::OfficePhone),
        ("mobile", Algorithm::Mobile),
        ("contact-phone", Algorithm::ContactPhone),
        ("email", Algorithm::Email),
        ("domain", Algorithm::Domain),
        ("domain-suffix", Algorithm::DomainSuffix),
        ("icp-number", Algorithm::IcpNumber),
        ("ip", Algorithm::Ip),
        ("org-code", Algorithm::OrgCode),
        ("pattern", Algorithm::Pattern),
    ];

    /// Parses a rule-file name.
    pub fn parse(name: &str) -> Option<Algorithm> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }

    /// The rule-file name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, a)| *a == self)
            .map_or("", |(n, _)| n)
    }

    /// What it checks, in words.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Algorithm::Characters => (
                "不含全角、空格或不可见字符",
                "free of full-width, space and invisible characters",
            ),
            Algorithm::ResidentId => (
                "身份证号码有效（GB 11643）",
                "a valid resident ID number (GB 11643)",
            ),
            Algorithm::HmtResidencePermit => (
                "港澳台居民居住证号码有效",
                "a valid HK/Macau/Taiwan residence permit number",
            ),
            Algorithm::ForeignPermanentId => (
                "外国人永久居留身份证号码有效",
                "a valid foreigner's permanent residence ID",
            ),
            Algorithm::Uscc => (
                "统一社会信用代码有效（GB 32100）",
                "a valid unified social credit code (GB 32100)",
            ),
            Algorithm::OfficePhone => (
                "办公电话格式为 086-区号-号码",
                "an office phone written 086-<area code>-<number>",
            ),
            Algorithm::Mobile => ("有效的 11 位手机号码", "a valid 11-digit mobile number"),
            Algorithm::ContactPhone => (
                "有效的手机或固定电话号码",
                "a valid mobile or landline number",
            ),
            Algorithm::Email => ("有效的电子邮箱", "a valid e-mail address"),
            Algorithm::Domain => ("有效、可注册的域名", "a valid, registrable domain"),
            Algorithm::DomainSuffix => ("可备案的域名后缀", "a suffix that can be filed"),
            Algorithm::IcpNumber => ("格式正确的备案号", "a well-formed filing number"),
            Algorithm::Ip => ("有效的公网 IP 地址", "a valid public IP address"),
            Algorithm::OrgCode => (
                "有效的组织机构代码（GB 11714）",
                "a valid organisation code (GB 11714)",
            ),
            Algorithm::Pattern => ("格式正确", "in the expected format"),
        }
    }

    /// The outcomes it can report.
    pub fn outcomes(self) -> &'static [&'static str] {
        match self {
            Algorithm::Characters => &["fullwidth", "whitespace", "invisible"],
            Algorithm::ResidentId | Algorithm::HmtResidencePermit => &[
                "length",
                "legacy-15",
                "characters",
                "checksum",
                "birth-date",
                "future-birth",
                "region",
                "lowercase-x",
            ],
            Algorithm::ForeignPermanentId => &["format"],
            Algorithm::Uscc => &[
                "length",
                "alphabet",
                "region",
                "checksum",
                "org-code",
                "registration",
            ],
            Algorithm::OfficePhone => &[
                "format",
                "mobile",
                "area-code",
                "local-length",
                "local-first-digit",
                "service-number",
            ],
            Algorithm::Mobile => &["format", "segment"],
            Algorithm::ContactPhone => &["format", "segment", "area-code", "local-length"],
            Algorithm::Email => &["syntax"],
            Algorithm::Domain => &[
                "syntax",
                "not-registrable",
                "public-suffix",
                "mixed-script",
                "uppercase",
                "trailing-dot",
            ],
            Algorithm::DomainSuffix => &["refused", "unknown"],
            Algorithm::IcpNumber => &["format", "abbreviation", "site-suffix"],
            Algorithm::Ip => &["invalid", "not-public"],
            Algorithm::OrgCode => &["format"],
            Algorithm::Pattern => &["mismatch"],
        }
    }

    /// The named lists it reads, with their default list names.
    pub fn lists(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Algorithm::DomainSuffix => &[
                ("approved", "approved-suffixes"),
                ("refused", "refused-suffixes"),
            ],
            _ => &[],
        }
    }

    /// Runs the algorithm on a raw field value. `lists` gives the named lists
    /// the algorithm reads, by parameter name.
    pub fn run(
        self,
        raw: &str,
        ctx: &Ctx<'_>,
        lists: &[(&str, &HashSet<String>)],
        pattern: Option<&super::condition::Pattern>,
    ) -> Vec<Outcome> {
        if raw.trim().is_empty() {
            return Vec::new();
        }
        let cleaned = chars::clean(raw);
        if self == Algorithm::Characters {
            let mut out = Vec::new();
            if cleaned.fullwidth {
                out.push(outcome(
                    "fullwidth",
                    vec![("fixed", cleaned.value.to_string())],
                ));
            }
            if cleaned.whitespace {
                out.push(outcome(
                    "whitespace",
                    vec![("fixed", cleaned.value.to_string())],
                ));
            }
            if cleaned.invisible {
                out.push(outcome(
                    "invisible",
                    vec![("fixed", cleaned.value.to_string())],
                ));
            }
            return out;
        }
        let value = cleaned.value.as_ref();
        match self {
            Algorithm::Characters => Vec::new(),
            Algorithm::ResidentId => resident(value, ctx, checks::resident_id::IdKind::Citizen),
            Algorithm::HmtResidencePermit => {
                resident(value, ctx, checks::resident_id::IdKind::HmtResidencePermit)
            }
            Algorithm::ForeignPermanentId => match checks::foreign_permanent_id::check(value) {
                Ok(()) => Vec::new(),
                Err(_) => vec![outcome("format", Vec::new())],
            },
            Algorithm::Uscc => uscc(value, ctx),
            Algorithm::OfficePhone => office_phone(value, raw),
            Algorithm::Mobile => mobile(value),
            Algorithm::ContactPhone => {
                if checks::phone::is_mobile_shaped(value) {
                    mobile(value)
                } else {
                    office_phone(value, raw)
                        .into_iter()
                        .filter(|o| {
                            !matches!(o.code, "mobile" | "local-first-digit" | "service-number")
                        })
                        .collect()
                }
            }
            Algorithm::Email => {
                if checks::email::valid(value) {
                    Vec::new()
                } else {
                    vec![outcome("syntax", Vec::new())]
                }
            }
            Algorithm::Domain => domain(value, ctx),
            Algorithm::DomainSuffix => domain_suffix(value, ctx, lists),
            Algorithm::IcpNumber => icp_number(value, ctx),
            Algorithm::OrgCode => {
                if checks::uscc::org_code_valid(value) {
                    Vec::new()
                } else {
                    vec![outcome("format", Vec::new())]
                }
            }
            Algorithm::Pattern => match pattern {
                Some(re) if !re.is_match(value) => vec![outcome("mismatch", Vec::new())],
                _ => Vec::new(),
            },
            Algorithm::Ip => match checks::ip::check(value) {
                Ok(_) => Vec::new(),
                Err(checks::ip::IpProblem::Invalid) => vec![outcome("invalid", Vec::new())],
                Err(checks::ip::IpProblem::NotPublic { kind }) => {
                    vec![outcome("not-public", vec![("kind", kind.to_owned())])]
                }
            },
        }
    }
}

fn resident(value: &str, ctx: &Ctx<'_>, kind: checks::resident_id::IdKind) -> Vec<Outcome> {
    use checks::resident_id::IdProblem;
    let parse = ctx.memo.resident_id(value, ctx.env.as_of, kind);
    let (parsed, problems) = parse.as_ref();
    let mut out: Vec<Outcome> = problems
        .iter()
        .map(|p| match *p {
            IdProblem::Length => outcome(
                "length",
                vec![("length", value.chars().count().to_string())],
            ),
            IdProblem::Legacy15 => {
                let upgraded = checks::resident_id::upgrade15(value).unwrap_or_default();
                outcome("legacy-15", vec![("upgraded", upgraded)])
            }
            IdProblem::Characters => outcome("characters", Vec::new()),
            IdProblem::Checksum { expected } => {
                outcome("checksum", vec![("expected", expected.to_string())])
            }
            IdProblem::BirthDate => outcome("birth-date", Vec::new()),
            IdProblem::FutureBirth => outcome("future-birth", Vec::new()),
            IdProblem::UnknownRegion { code } => {
                outcome("region", vec![("region", format!("{code:06}"))])
            }
        })
        .collect();
    if parsed.is_some_and(|p| p.lowercase_x) {
        out.push(outcome(
            "lowercase-x",
            vec![("fixed", value.to_ascii_uppercase())],
        ));
    }
    out
}

fn uscc(value: &str, ctx: &Ctx<'_>) -> Vec<Outcome> {
    use checks::uscc::UsccProblem;
    let parse = ctx.memo.uscc(value);
    parse
        .1
        .iter()
        .map(|p| match *p {
            UsccProblem::Length => outcome(
                "length",
                vec![("length", value.chars().count().to_string())],
            ),
            UsccProblem::Alphabet => outcome("alphabet", Vec::new()),
            UsccProblem::Region => outcome("region", Vec::new()),
            UsccProblem::Checksum { expected } => {
                outcome("checksum", vec![("expected", expected.to_string())])
            }
            UsccProblem::OrgCode { expected } => {
                outcome("org-code", vec![("expected", expected.to_string())])
            }
            UsccProblem::UnknownRegistration { authority, kind } => {
                outcome("registration", vec![("code", format!("{authority}{kind}"))])
            }
        })
        .collect()
}

fn office_phone(value: &str, raw: &str) -> Vec<Outcome> {
    use checks::phone::OfficePhoneProblem as P;
    match checks::phone::office_phone(value) {
        Ok(landline) if !landline.usual_first_digit() => {
            vec![outcome("service-number", Vec::new())]
        }
        Ok(_) => Vec::new(),
        Err(problem) => vec![match problem {
            P::Format => {
                let mut args = Vec::new();
                if let Some(s) = checks::phone::suggest_office(raw) {
                    args.push(("suggestion", s));
                }
                outcome("format", args)
            }
            P::Mobile => outcome("mobile", Vec::new()),
            P::UnknownAreaCode { code } => outcome("area-code", vec![("area_code", code)]),
            P::LocalLength {
                area_code,
                expected,
            } => {
                let (min, max) = expected;
                let digits = if min == max {
                    min.to_string()
                } else {
                    format!("{min}–{max}")
                };
                outcome(
                    "local-length",
                    vec![("area_code", area_code), ("digits", digits)],
                )
            }
            P::LocalFirstDigit => outcome("local-first-digit", Vec::new()),
        }],
    }
}

fn mobile(value: &str) -> Vec<Outcome> {
    match checks::phone::mobile(value) {
        Ok(()) => Vec::new(),
        Err(checks::phone::MobileProblem::Format) => vec![outcome("format", Vec::new())],
        Err(checks::phone::MobileProblem::UnknownBlock) => {
            let block: String = value.chars().take(3).collect();
            vec![outcome("segment", vec![("block", block)])]
        }
    }
}

fn domain(value: &str, ctx: &Ctx<'_>) -> Vec<Outcome> {
    use checks::domain::DomainProblem as P;
    let parse = ctx.memo.domain(value);
    parse
        .1
        .iter()
        .map(|p| match p {
            P::Syntax => outcome("syntax", Vec::new()),
            P::NotRegistrable { registrable } => outcome(
                "not-registrable",
                vec![("registrable", registrable.clone())],
            ),
            P::PublicSuffix => outcome("public-suffix", Vec::new()),
            P::MixedScript { label } => outcome("mixed-script", vec![("label", label.clone())]),
            P::Uppercase => outcome("uppercase", vec![("fixed", value.to_lowercase())]),
            P::TrailingDot => outcome(
                "trailing-dot",
                vec![("fixed", value.trim_end_matches('.').to_owned())],
            ),
        })
        .collect()
}

fn domain_suffix(value: &str, ctx: &Ctx<'_>, lists: &[(&str, &HashSet<String>)]) -> Vec<Outcome> {
    let parse = ctx.memo.domain(value);
    let Some(domain) = &parse.0 else {
        return Vec::new();
    };
    let list = |name: &str| lists.iter().find(|(n, _)| *n == name).map(|(_, l)| *l);
    let approved = list("approved").and_then(|l| longest_suffix(domain, l));
    let refused = list("refused").and_then(|l| longest_suffix(domain, l));
    // The longer match wins: `gov.cn` may be approved while `cn` is not listed.
    match (approved, refused) {
        (Some((a, _)), Some((r, _))) if a >= r => Vec::new(),
        (_, Some((_, suffix))) => vec![outcome("refused", vec![("suffix", suffix)])],
        (Some(_), None) => Vec::new(),
        (None, None) => vec![outcome("unknown", vec![("suffix", domain.suffix.clone())])],
    }
}

/// `a.b.c`, `b.c`, `c`: every whole-label suffix of a name, longest first.
fn label_suffixes(name: &str) -> impl Iterator<Item = &str> {
    std::iter::once(name).chain(name.match_indices('.').map(move |(i, _)| &name[i + 1..]))
}

/// The longest listed suffix of the domain (in its Unicode or ASCII form),
/// with its number of labels.
fn longest_suffix(
    domain: &checks::domain::Domain,
    set: &HashSet<String>,
) -> Option<(usize, String)> {
    [domain.unicode.as_str(), domain.ascii.as_str()]
        .into_iter()
        .filter_map(|name| {
            label_suffixes(name)
                .find(|s| set.contains(*s))
                .map(|s| (s.split('.').count(), s.to_owned()))
        })
        .max_by_key(|(n, _)| *n)
}

fn icp_number(value: &str, ctx: &Ctx<'_>) -> Vec<Outcome> {
    let Some(number) = checks::icp_number::parse(value) else {
        return vec![outcome("format", Vec::new())];
    };
    let mut out = Vec::new();
    if let Some(province) = ctx.filing.province() {
        if !province.abbrs.iter().any(|a| *a == number.abbr) {
            let expected: Vec<Cow<'_, str>> =
                province.abbrs.iter().map(|a| Cow::Borrowed(*a)).collect();
            out.push(outcome(
                "abbreviation",
                vec![
                    ("abbr", number.abbr.clone()),
                    ("expected", expected.join(" / ")),
                    ("province", province.name.to_owned()),
                ],
            ));
        }
    }
    if number.site.is_some() {
        out.push(outcome("site-suffix", Vec::new()));
    }
    out
}
