//! The algorithms a `check:` rule can name, and the outcomes each reports.
//!
//! The algorithms themselves are in [`crate::checks`]; this module is the
//! binding between their typed results and the outcome names rule files use
//! (`check: { algorithm: resident-id, report: [checksum] }`), so one rule per
//! outcome can carry its own severity and message.

use foldhash::HashSet;
use std::borrow::Cow;

use crate::checks::{self, chars};
use crate::facts::Ctx;
use crate::finding::Args;
use crate::lang::Text;

/// An algorithm of `icp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// The outcomes algorithms report, by their name in rule files
/// (`report: [checksum]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeName {
    /// `fullwidth`.
    Fullwidth,
    /// `whitespace`.
    Whitespace,
    /// `invisible`.
    Invisible,
    /// `length`.
    Length,
    /// `legacy-15`.
    Legacy15,
    /// `characters`.
    Characters,
    /// `checksum`.
    Checksum,
    /// `birth-date`.
    BirthDate,
    /// `future-birth`.
    FutureBirth,
    /// `region`.
    Region,
    /// `lowercase-x`.
    LowercaseX,
    /// `format`.
    Format,
    /// `alphabet`.
    Alphabet,
    /// `org-code`.
    OrgCode,
    /// `registration`.
    Registration,
    /// `mobile`.
    Mobile,
    /// `area-code`.
    AreaCode,
    /// `local-length`.
    LocalLength,
    /// `local-first-digit`.
    LocalFirstDigit,
    /// `service-number`.
    ServiceNumber,
    /// `segment`.
    Segment,
    /// `syntax`.
    Syntax,
    /// `not-registrable`.
    NotRegistrable,
    /// `public-suffix`.
    PublicSuffix,
    /// `mixed-script`.
    MixedScript,
    /// `uppercase`.
    Uppercase,
    /// `trailing-dot`.
    TrailingDot,
    /// `refused`.
    Refused,
    /// `unknown`.
    Unknown,
    /// `abbreviation`.
    Abbreviation,
    /// `site-suffix`.
    SiteSuffix,
    /// `invalid`.
    Invalid,
    /// `not-public`.
    NotPublic,
    /// `mismatch`.
    Mismatch,
}

impl OutcomeName {
    /// The name in rule files.
    pub fn key(self) -> &'static str {
        use OutcomeName as O;
        match self {
            O::Fullwidth => "fullwidth",
            O::Whitespace => "whitespace",
            O::Invisible => "invisible",
            O::Length => "length",
            O::Legacy15 => "legacy-15",
            O::Characters => "characters",
            O::Checksum => "checksum",
            O::BirthDate => "birth-date",
            O::FutureBirth => "future-birth",
            O::Region => "region",
            O::LowercaseX => "lowercase-x",
            O::Format => "format",
            O::Alphabet => "alphabet",
            O::OrgCode => "org-code",
            O::Registration => "registration",
            O::Mobile => "mobile",
            O::AreaCode => "area-code",
            O::LocalLength => "local-length",
            O::LocalFirstDigit => "local-first-digit",
            O::ServiceNumber => "service-number",
            O::Segment => "segment",
            O::Syntax => "syntax",
            O::NotRegistrable => "not-registrable",
            O::PublicSuffix => "public-suffix",
            O::MixedScript => "mixed-script",
            O::Uppercase => "uppercase",
            O::TrailingDot => "trailing-dot",
            O::Refused => "refused",
            O::Unknown => "unknown",
            O::Abbreviation => "abbreviation",
            O::SiteSuffix => "site-suffix",
            O::Invalid => "invalid",
            O::NotPublic => "not-public",
            O::Mismatch => "mismatch",
        }
    }
}

/// One result of an algorithm.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Which.
    pub code: OutcomeName,
    /// Placeholder values for the message.
    pub args: Args,
}

fn outcome(code: OutcomeName, args: Args) -> Outcome {
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

    /// The outcomes it can report, each with the placeholders its findings
    /// fill in (besides `value`, which every `check` finding has).
    pub fn outcomes(self) -> &'static [(OutcomeName, &'static [&'static str])] {
        use OutcomeName as O;
        const NONE: &[&str] = &[];
        match self {
            Algorithm::Characters => &[
                (O::Fullwidth, &["fixed"]),
                (O::Whitespace, &["fixed"]),
                (O::Invisible, &["fixed"]),
            ],
            Algorithm::ResidentId | Algorithm::HmtResidencePermit => &[
                (O::Length, &["length"]),
                (O::Legacy15, &["upgraded"]),
                (O::Characters, NONE),
                (O::Checksum, &["expected"]),
                (O::BirthDate, NONE),
                (O::FutureBirth, &["birth"]),
                (O::Region, &["region"]),
                (O::LowercaseX, &["fixed"]),
            ],
            Algorithm::ForeignPermanentId => &[(O::Format, NONE)],
            Algorithm::Uscc => &[
                (O::Length, &["length"]),
                (O::Alphabet, NONE),
                (O::Region, NONE),
                (O::Checksum, &["expected"]),
                (O::OrgCode, &["expected"]),
                (O::Registration, &["code"]),
            ],
            Algorithm::OfficePhone => &[
                (O::Format, &["suggestion"]),
                (O::Mobile, NONE),
                (O::AreaCode, &["area_code"]),
                (O::LocalLength, &["area_code", "digits"]),
                (O::LocalFirstDigit, NONE),
                (O::ServiceNumber, NONE),
            ],
            Algorithm::Mobile => &[(O::Format, NONE), (O::Segment, &["block"])],
            Algorithm::ContactPhone => &[
                (O::Format, &["suggestion"]),
                (O::Segment, &["block"]),
                (O::AreaCode, &["area_code"]),
                (O::LocalLength, &["area_code", "digits"]),
            ],
            Algorithm::Email => &[(O::Syntax, NONE)],
            Algorithm::Domain => &[
                (O::Syntax, NONE),
                (O::NotRegistrable, &["registrable"]),
                (O::PublicSuffix, NONE),
                (O::MixedScript, &["label"]),
                (O::Uppercase, &["fixed"]),
                (O::TrailingDot, &["fixed"]),
            ],
            Algorithm::DomainSuffix => &[(O::Refused, &["suffix"]), (O::Unknown, &["suffix"])],
            Algorithm::IcpNumber => &[
                (O::Format, NONE),
                (O::Abbreviation, &["abbr", "expected", "province"]),
                (O::SiteSuffix, NONE),
            ],
            Algorithm::Ip => &[(O::Invalid, NONE), (O::NotPublic, &["kind"])],
            Algorithm::OrgCode => &[(O::Format, NONE)],
            Algorithm::Pattern => &[(O::Mismatch, NONE)],
        }
    }

    /// An outcome it reports, by its name in rule files.
    pub fn outcome(self, name: &str) -> Option<OutcomeName> {
        self.outcomes()
            .iter()
            .map(|(o, _)| *o)
            .find(|o| o.key() == name)
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
        let out = self.outcomes_of(raw, ctx, lists, pattern);
        // What rule files may name is checked against `outcomes()` when they
        // load: every outcome and value it gives must be listed there.
        debug_assert!(
            out.iter()
                .all(|o| self.outcomes().iter().any(|(name, args)| {
                    *name == o.code && o.args.iter().all(|(k, _)| args.contains(k))
                })),
            "{} gave an outcome outcomes() does not list: {out:?}",
            self.name()
        );
        out
    }

    fn outcomes_of(
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
                    OutcomeName::Fullwidth,
                    vec![("fixed", cleaned.value.to_string().into())],
                ));
            }
            if cleaned.whitespace {
                out.push(outcome(
                    OutcomeName::Whitespace,
                    vec![("fixed", cleaned.value.to_string().into())],
                ));
            }
            if cleaned.invisible {
                out.push(outcome(
                    OutcomeName::Invisible,
                    vec![("fixed", cleaned.value.to_string().into())],
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
                Err(_) => vec![outcome(OutcomeName::Format, Vec::new())],
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
                            !matches!(
                                o.code,
                                OutcomeName::Mobile
                                    | OutcomeName::LocalFirstDigit
                                    | OutcomeName::ServiceNumber
                            )
                        })
                        .collect()
                }
            }
            Algorithm::Email => {
                if checks::email::valid(value) {
                    Vec::new()
                } else {
                    vec![outcome(OutcomeName::Syntax, Vec::new())]
                }
            }
            Algorithm::Domain => domain(value, ctx),
            Algorithm::DomainSuffix => domain_suffix(value, ctx, lists),
            Algorithm::IcpNumber => icp_number(value, ctx),
            Algorithm::OrgCode => {
                if checks::uscc::org_code_valid(value) {
                    Vec::new()
                } else {
                    vec![outcome(OutcomeName::Format, Vec::new())]
                }
            }
            Algorithm::Pattern => match pattern {
                Some(re) if !re.is_match(value) => vec![outcome(OutcomeName::Mismatch, Vec::new())],
                _ => Vec::new(),
            },
            Algorithm::Ip => match checks::ip::check(value) {
                Ok(_) => Vec::new(),
                Err(checks::ip::IpProblem::Invalid) => {
                    vec![outcome(OutcomeName::Invalid, Vec::new())]
                }
                Err(checks::ip::IpProblem::NotPublic { kind }) => {
                    vec![outcome(
                        OutcomeName::NotPublic,
                        vec![("kind", ip_kind_words(kind).into())],
                    )]
                }
            },
        }
    }
}

/// The kind of a non-public IP address (`checks::ip`'s key) in words, for
/// "{value} 是{kind}地址" and "the address {value} is {kind}".
fn ip_kind_words(kind: &str) -> Text {
    let (zh, en) = match kind {
        "private" => ("私有", "private"),
        "loopback" => ("回环", "loopback"),
        "link-local" => ("链路本地", "link-local"),
        "unique-local" => ("唯一本地", "unique-local"),
        "cgnat" => ("运营商级 NAT 共享", "shared (carrier-grade NAT)"),
        "documentation" => ("文档示例专用", "reserved for documentation"),
        "benchmarking" => ("基准测试专用", "reserved for benchmarking"),
        "multicast" => ("组播", "multicast"),
        "broadcast" => ("广播", "broadcast"),
        "unspecified" => ("未指定", "unspecified"),
        _ => ("保留", "reserved"),
    };
    Text::new(zh, en)
}

fn resident(value: &str, ctx: &Ctx<'_>, kind: checks::resident_id::IdKind) -> Vec<Outcome> {
    use checks::resident_id::IdProblem;
    let parse = ctx.memo.resident_id(value, ctx.env.as_of, kind);
    let (parsed, problems) = parse.as_ref();
    let mut out: Vec<Outcome> = problems
        .iter()
        .map(|p| match *p {
            IdProblem::Length => outcome(
                OutcomeName::Length,
                vec![("length", value.chars().count().to_string().into())],
            ),
            IdProblem::Legacy15 => {
                let upgraded = checks::resident_id::upgrade15(value).unwrap_or_default();
                outcome(OutcomeName::Legacy15, vec![("upgraded", upgraded.into())])
            }
            IdProblem::Characters => outcome(OutcomeName::Characters, Vec::new()),
            IdProblem::Checksum { expected } => outcome(
                OutcomeName::Checksum,
                vec![("expected", expected.to_string().into())],
            ),
            IdProblem::BirthDate => outcome(OutcomeName::BirthDate, Vec::new()),
            IdProblem::FutureBirth { birth } => outcome(
                OutcomeName::FutureBirth,
                vec![("birth", birth.to_string().into())],
            ),
            IdProblem::UnknownRegion { code } => outcome(
                OutcomeName::Region,
                vec![("region", format!("{code:06}").into())],
            ),
        })
        .collect();
    if parsed.is_some_and(|p| p.lowercase_x) {
        out.push(outcome(
            OutcomeName::LowercaseX,
            vec![("fixed", value.to_ascii_uppercase().into())],
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
                OutcomeName::Length,
                vec![("length", value.chars().count().to_string().into())],
            ),
            UsccProblem::Alphabet => outcome(OutcomeName::Alphabet, Vec::new()),
            UsccProblem::Region => outcome(OutcomeName::Region, Vec::new()),
            UsccProblem::Checksum { expected } => outcome(
                OutcomeName::Checksum,
                vec![("expected", expected.to_string().into())],
            ),
            UsccProblem::OrgCode { expected } => outcome(
                OutcomeName::OrgCode,
                vec![("expected", expected.to_string().into())],
            ),
            UsccProblem::UnknownRegistration { authority, kind } => outcome(
                OutcomeName::Registration,
                vec![("code", format!("{authority}{kind}").into())],
            ),
        })
        .collect()
}

fn office_phone(value: &str, raw: &str) -> Vec<Outcome> {
    use checks::phone::OfficePhoneProblem as P;
    match checks::phone::office_phone(value) {
        Ok(landline) if !landline.usual_first_digit() => {
            vec![outcome(OutcomeName::ServiceNumber, Vec::new())]
        }
        Ok(_) => Vec::new(),
        Err(problem) => vec![match problem {
            P::Format => {
                let mut args = Vec::new();
                if let Some(s) = checks::phone::suggest_office(raw) {
                    args.push(("suggestion", s.into()));
                }
                outcome(OutcomeName::Format, args)
            }
            P::Mobile => outcome(OutcomeName::Mobile, Vec::new()),
            P::UnknownAreaCode { code } => {
                outcome(OutcomeName::AreaCode, vec![("area_code", code.into())])
            }
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
                    OutcomeName::LocalLength,
                    vec![("area_code", area_code.into()), ("digits", digits.into())],
                )
            }
            P::LocalFirstDigit => outcome(OutcomeName::LocalFirstDigit, Vec::new()),
        }],
    }
}

fn mobile(value: &str) -> Vec<Outcome> {
    match checks::phone::mobile(value) {
        Ok(()) => Vec::new(),
        Err(checks::phone::MobileProblem::Format) => vec![outcome(OutcomeName::Format, Vec::new())],
        Err(checks::phone::MobileProblem::UnknownBlock) => {
            let block: String = value.chars().take(3).collect();
            vec![outcome(OutcomeName::Segment, vec![("block", block.into())])]
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
            P::Syntax => outcome(OutcomeName::Syntax, Vec::new()),
            P::NotRegistrable { registrable } => outcome(
                OutcomeName::NotRegistrable,
                vec![("registrable", registrable.clone().into())],
            ),
            P::PublicSuffix => outcome(OutcomeName::PublicSuffix, Vec::new()),
            P::MixedScript { label } => outcome(
                OutcomeName::MixedScript,
                vec![("label", label.clone().into())],
            ),
            P::Uppercase => outcome(
                OutcomeName::Uppercase,
                vec![("fixed", value.to_lowercase().into())],
            ),
            P::TrailingDot => outcome(
                OutcomeName::TrailingDot,
                vec![("fixed", value.trim_end_matches('.').to_owned().into())],
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
        (_, Some((_, suffix))) => vec![outcome(
            OutcomeName::Refused,
            vec![("suffix", suffix.into())],
        )],
        (Some(_), None) => Vec::new(),
        (None, None) => vec![outcome(
            OutcomeName::Unknown,
            vec![("suffix", domain.suffix.clone().into())],
        )],
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
        return vec![outcome(OutcomeName::Format, Vec::new())];
    };
    let mut out = Vec::new();
    if let Some(province) = ctx.filing.province() {
        if !checks::icp_number::prefix_fits(&number, province) {
            let expected: Vec<Cow<'_, str>> = province
                .icp_prefixes
                .iter()
                .map(|a| Cow::Borrowed(*a))
                .collect();
            out.push(outcome(
                OutcomeName::Abbreviation,
                vec![
                    ("abbr", number.abbr.clone().into()),
                    ("expected", expected.join(" / ").into()),
                    ("province", province.names().into()),
                ],
            ));
        }
    }
    if number.site.is_some() {
        out.push(outcome(OutcomeName::SiteSuffix, Vec::new()));
    }
    out
}
