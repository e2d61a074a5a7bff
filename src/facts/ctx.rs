//! Evaluating facts on a filing: [`Ctx`] holds the filing and the item a
//! rule iterates over, and answers each fact's value and place.

use std::borrow::Cow;

use jiff::civil::Date;

use super::*;
use crate::checks;
use crate::data::{self, Province};

/// What the evaluation needs besides the filing: the dates, and where the
/// filing's scans are looked at.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// The as-of date: rules in force and ages/expiry are judged on it.
    pub as_of: Date,
    /// The system date.
    pub today: Date,
    /// The date of the check: `--today` when given, else the system date,
    /// but never before the as-of date. Later than the as-of date only when
    /// the filing was prepared on an earlier day than it is checked (and
    /// submitted): what expires in between matters to the submission.
    pub now: Date,
    /// Whether the as-of date is the filing's `prepared_on`.
    pub as_of_is_prepared_on: bool,
    /// The files of the filing's declared documents; `None` when the filing
    /// was not read from a file (file facts are unknown).
    pub scans: Option<&'a dyn Scans>,
}

// By hand: the scans are a trait object, which need not be `Debug`.
impl std::fmt::Debug for Env<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Env")
            .field("as_of", &self.as_of)
            .field("today", &self.today)
            .field("now", &self.now)
            .field("as_of_is_prepared_on", &self.as_of_is_prepared_on)
            .finish_non_exhaustive()
    }
}

/// Document kinds as the rule files define them: a kind may be written as
/// its key, its Chinese name or an alias.
pub trait KindNames {
    /// The key of a kind as written, when it is a known kind.
    fn canonical(&self, written: &str) -> Option<&str>;
}

/// The filing and the item a rule is looking at.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The filing.
    pub filing: &'a Filing,
    /// Dates and scans.
    pub env: &'a Env<'a>,
    /// `each: principal`: whose table and the table.
    pub principal: Option<(Owner, &'a Principal)>,
    /// The current website.
    pub website: Option<(usize, &'a Website)>,
    /// The current domain.
    pub domain: Option<(usize, &'a DomainEntry)>,
    /// The current homepage.
    pub homepage: Option<(usize, &'a Spanned<String>)>,
    /// The current pre-approval.
    pub preapproval: Option<(usize, &'a Spanned<Preapproval>)>,
    /// The current IP address.
    pub ip: Option<(usize, &'a Spanned<String>)>,
    /// The current declared document.
    pub document: Option<(DocTable, usize, &'a Document)>,
    /// Parses already made for this filing.
    pub memo: &'a Memo,
    /// The document kinds of the rule files.
    pub kinds: &'a dyn KindNames,
}

/// Where a finding about a fact points: a span (the value, or the table a
/// missing value belongs in) and the field path.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The span in the filing, when there is one.
    pub span: Option<Span>,
    /// The dotted field path (`websites[0].domains[1]`).
    pub path: String,
}

fn field_place<T>(field: &Field<T>, table_span: Option<&Span>, path: String) -> Place {
    Place {
        span: field
            .as_ref()
            .map(|f| f.span.clone())
            .or_else(|| table_span.cloned()),
        path,
    }
}

impl<'a> Ctx<'a> {
    /// A context for the whole filing.
    pub fn new(
        filing: &'a Filing,
        env: &'a Env<'a>,
        memo: &'a Memo,
        kinds: &'a dyn KindNames,
    ) -> Ctx<'a> {
        Ctx {
            filing,
            env,
            memo,
            kinds,
            document: None,
            principal: None,
            website: None,
            domain: None,
            homepage: None,
            preapproval: None,
            ip: None,
        }
    }

    fn subject(&self) -> Option<&'a Subject> {
        self.filing.subject.as_ref()
    }

    fn who(&self, who: Who) -> Option<Option<(Owner, &'a Principal)>> {
        match who {
            Who::Current => self.principal.map(Some),
            Who::Subject => Some(self.filing.subject_principal().map(|p| (Owner::Subject, p))),
            Who::Website => self.website.map(|(i, _)| self.filing.website_principal(i)),
        }
    }

    /// The value of a fact.
    pub fn value(&self, fact: Fact) -> Value<'a> {
        match fact {
            Fact::Filing(f) => self.filing_fact(f),
            Fact::Subject(f) => match self.subject() {
                Some(s) => self.subject_fact(s, f),
                None => Value::Null,
            },
            Fact::Principal(who, f) => match self.who(who) {
                None => Value::Unknown,
                Some(None) if f == PrincipalFact::Present => Value::Bool(false),
                Some(None) => Value::Null,
                Some(Some((owner, p))) => self.principal_fact(owner, p, f),
            },
            Fact::Website(f) => match self.website {
                Some((i, w)) => self.website_fact(i, w, f),
                None => Value::Unknown,
            },
            Fact::Domain(f) => match self.domain {
                Some((i, d)) => self.domain_fact(i, d, f),
                None => Value::Unknown,
            },
            Fact::Homepage(f) => match (self.homepage, self.website) {
                (Some((_, h)), Some((_, w))) => match f {
                    HomepageFact::Url => Value::text(&h.value),
                    HomepageFact::InDomains => Value::Bool(self.homepage_in_domains(&h.value, w)),
                },
                _ => Value::Unknown,
            },
            Fact::Preapproval(PreapprovalFact::Category) => match self.preapproval {
                Some((_, p)) => Value::text(p.value.key()),
                None => Value::Unknown,
            },
            Fact::Ip(IpFact::Address) => match self.ip {
                Some((_, ip)) => Value::text(&ip.value),
                None => Value::Unknown,
            },
            Fact::Document(f) => match self.document {
                Some((_, _, d)) => self.document_fact(d, f),
                None => Value::Unknown,
            },
        }
    }

    /// The key of a document kind as written (the written text when the
    /// kind is unknown).
    pub fn document_kind<'k>(&'k self, written: &'k str) -> &'k str {
        self.kinds.canonical(written).unwrap_or(written.trim())
    }

    fn document_fact(&self, d: &'a Document, f: DocumentFact) -> Value<'a> {
        let probe = || {
            let file = d.file.as_ref()?;
            let scans = self.env.scans?;
            Some(self.memo.file(scans, file.value.trim()))
        };
        match f {
            DocumentFact::Kind => match &d.kind {
                Some(k) => Value::Text(Cow::Owned(self.document_kind(&k.value).to_owned())),
                None => Value::Null,
            },
            DocumentFact::KindKnown => {
                Value::of(&d.kind, |k| Value::Bool(self.kinds.canonical(k).is_some()))
            }
            DocumentFact::File => Value::of(&d.file, |f| Value::text(f)),
            DocumentFact::Domain => Value::of(&d.domain, |f| Value::text(f)),
            DocumentFact::Category => Value::of(&d.category, |c| Value::text(c.key())),
            DocumentFact::IssuedOn => Value::of(&d.issued_on, |e| Value::Date(*e)),
            DocumentFact::ValidUntil => Value::of(&d.valid_until, |e| Value::Date(*e)),
            DocumentFact::Exists => match (&d.file, probe()) {
                (None, _) => Value::Null,
                (Some(_), None) => Value::Unknown,
                (Some(_), Some(p)) => Value::Bool(p.exists),
            },
            DocumentFact::Size => match probe() {
                Some(p) if p.exists => Value::Int(i64::try_from(p.size).unwrap_or(i64::MAX)),
                Some(_) => Value::Null,
                None => Value::Unknown,
            },
            DocumentFact::SharedFile => {
                let (Some(kind), Some(file)) = (&d.kind, &d.file) else {
                    return Value::Null;
                };
                let kind = self.document_kind(&kind.value);
                let kinds = self.memo.file_kinds(|| self.file_kinds());
                Value::Bool(
                    kinds
                        .get(file.value.trim())
                        .is_some_and(|ks| ks.iter().any(|k| k != kind)),
                )
            }
            DocumentFact::IsJpeg => match probe() {
                Some(p) if p.exists => Value::Bool(p.is_jpeg),
                Some(_) => Value::Null,
                None => Value::Unknown,
            },
        }
    }

    fn filing_fact(&self, f: FilingFact) -> Value<'a> {
        let filing = self.filing;
        let new_sites = || filing.websites.iter().filter(|w| w.icp_number.is_none());
        match f {
            FilingFact::Type => Value::of(&filing.filing_type, |t| Value::text(t.key())),
            FilingFact::Version => Value::of(&filing.version, |v| Value::Int(*v)),
            FilingFact::PreparedOn => Value::of(&filing.prepared_on, |d| Value::Date(*d)),
            FilingFact::AsOf => Value::Date(self.env.as_of),
            FilingFact::Now => Value::Date(self.env.now),
            FilingFact::PreparedDaysAgo => match &filing.prepared_on {
                Some(d) if self.env.as_of_is_prepared_on => {
                    Value::Int(i64::from((self.env.today - d.value).get_days()))
                }
                _ => Value::Null,
            },
            FilingFact::WebsiteCount => Value::Int(filing.websites.len() as i64),
            // Counts over every website, computed once: a rule about each
            // website may read them for every website.
            FilingFact::NewWebsiteCount => {
                Value::Int(self.memo.count(f.key(), || new_sites().count() as i64))
            }
            FilingFact::DomainCount => Value::Int(self.memo.count(f.key(), || {
                filing.websites.iter().map(|w| w.domains.len() as i64).sum()
            })),
            FilingFact::NewDomainCount => Value::Int(self.memo.count(f.key(), || {
                new_sites().map(|w| w.domains.len() as i64).sum()
            })),
            // The subject's totals: those filed before (when the filing
            // says how many) and the new ones of this filing; without the
            // number filed, the websites and domains the filing lists.
            FilingFact::SubjectWebsiteCount => {
                match self.subject().and_then(|s| s.filed_websites.as_ref()) {
                    Some(filed) => match self.filing_fact(FilingFact::NewWebsiteCount) {
                        Value::Int(n) => Value::Int(i64::from(filed.value) + n),
                        other => other,
                    },
                    None => self.filing_fact(FilingFact::WebsiteCount),
                }
            }
            FilingFact::SubjectDomainCount => {
                match self.subject().and_then(|s| s.filed_domains.as_ref()) {
                    Some(filed) => match self.filing_fact(FilingFact::NewDomainCount) {
                        Value::Int(n) => Value::Int(i64::from(filed.value) + n),
                        other => other,
                    },
                    None => self.filing_fact(FilingFact::DomainCount),
                }
            }
            FilingFact::DistinctDomainPrefixes => Value::Int(self.memo.count(f.key(), || {
                let mut prefixes: Vec<String> = filing
                    .websites
                    .iter()
                    .flat_map(|w| w.domains.iter())
                    .filter_map(|d| self.with_domain(d, |p| p.prefix.clone()))
                    .collect();
                prefixes.sort();
                prefixes.dedup();
                prefixes.len() as i64
            })),
        }
    }

    fn subject_fact(&self, s: &'a Subject, f: SubjectFact) -> Value<'a> {
        let text = |field: &'a Field<String>| Value::of(field, |v| Value::text(v));
        let uscc = || {
            s.certificate_number
                .as_ref()
                .and_then(|n| self.memo.uscc(&n.value).0)
        };
        match f {
            SubjectFact::Province => Value::of(&s.province, |p| Value::text(p.code)),
            SubjectFact::City => text(&s.city),
            SubjectFact::CityShort => match &s.city {
                Some(c) => Value::Text(Cow::Borrowed(match self.city(s) {
                    Some(city) => data::short_name(city.name),
                    None => data::short_name(c.value.trim()),
                })),
                None => Value::Null,
            },
            SubjectFact::District => text(&s.district),
            SubjectFact::Nature => Value::of(&s.nature, |n| Value::text(n.key())),
            SubjectFact::CertificateType => {
                Value::of(&s.certificate_type, |c| Value::text(c.key()))
            }
            SubjectFact::CertificateNumber => text(&s.certificate_number),
            SubjectFact::CertificateExpires => expiry_date(&s.certificate_expires),
            SubjectFact::CertificateLongTerm => Value::of(&s.certificate_expires, |e| {
                Value::Bool(*e == Expiry::LongTerm)
            }),
            SubjectFact::Name => text(&s.name),
            SubjectFact::CertificateAddress => text(&s.certificate_address),
            SubjectFact::Investor => text(&s.investor),
            SubjectFact::LegalRepresentative => text(&s.legal_representative),
            SubjectFact::BusinessScope => text(&s.business_scope),
            SubjectFact::Address => text(&s.address),
            // An optional note that is absent is an empty note.
            SubjectFact::Note => {
                Value::Text(Cow::Borrowed(s.note.as_ref().map_or("", |n| &n.value)))
            }
            SubjectFact::IcpNumber => text(&s.icp_number),
            SubjectFact::FiledWebsites => {
                Value::of(&s.filed_websites, |n| Value::Int(i64::from(*n)))
            }
            SubjectFact::FiledDomains => Value::of(&s.filed_domains, |n| Value::Int(i64::from(*n))),
            SubjectFact::Documents => document_kinds(&s.documents),
            SubjectFact::IsUnit => Value::of(&s.nature, |n| Value::Bool(*n != Nature::Personal)),
            SubjectFact::CityInProvince => match (&s.province, &s.city) {
                (Some(_), Some(_)) => Value::Bool(self.city(s).is_some()),
                _ => Value::Null,
            },
            // 东莞, 中山, 儋州, 嘉峪关 and the county-level cities under their
            // province have no districts: the table lists none, or only the
            // city itself.
            SubjectFact::CityHasDistricts => match self.city(s) {
                Some(city) => Value::Bool(
                    data::districts_of(city)
                        .iter()
                        .any(|d| !data::city_named(city, d)),
                ),
                None => Value::Null,
            },
            SubjectFact::DistrictInCity => match (&s.province, &s.city, &s.district) {
                // A blank district is no district.
                (Some(_), Some(_), Some(d)) if !d.value.trim().is_empty() => match self.city(s) {
                    // A county-level unit under its province (仙桃市, 阿拉尔市)
                    // has no districts in the table: naming the unit itself is
                    // right, a town or street (虎门镇) is not a district,
                    // anything else cannot be judged.
                    Some(city) if data::districts_of(city).is_empty() => {
                        let town = ["镇", "乡", "街道"]
                            .iter()
                            .any(|t| d.value.trim().ends_with(t));
                        if data::city_named(city, &d.value) {
                            Value::Bool(true)
                        } else if town {
                            Value::Bool(false)
                        } else {
                            Value::Null
                        }
                    }
                    Some(city) => Value::Bool(data::district_in_city(city, &d.value)),
                    None => Value::Null,
                },
                _ => Value::Null,
            },
            SubjectFact::AddressInCity => self.address_in_city(s, &s.address),
            SubjectFact::CertificateAddressInCity => {
                self.address_in_city(s, &s.certificate_address)
            }
            // A city written in pinyin (shenzhen) names no city: the cities
            // of the province it spells, or else of any province (with
            // theirs). Null for a city that is one, or is no pinyin.
            SubjectFact::CityPinyin => match (&s.province, &s.city) {
                (Some(p), Some(c)) if self.city(s).is_none() => {
                    let here = data::cities_by_pinyin(p.value, &c.value);
                    let names: Vec<String> = if here.is_empty() {
                        data::find_city_by_pinyin(&c.value)
                            .iter()
                            .map(|c| match data::province_by_gb(c.province_gb) {
                                Some(p) => format!("{}（{}）", c.name, p.name),
                                None => c.name.to_owned(),
                            })
                            .collect()
                    } else {
                        here.iter().map(|c| c.name.to_owned()).collect()
                    };
                    if names.is_empty() {
                        Value::Null
                    } else {
                        Value::List(
                            names
                                .into_iter()
                                .map(|n| Value::Text(Cow::Owned(n)))
                                .collect(),
                        )
                    }
                }
                _ => Value::Null,
            },
            // The districts of the city a district in pinyin spells
            // (chaoyang: 朝阳区; linxia: 临夏市, 临夏县).
            SubjectFact::DistrictPinyin => match (self.city(s), &s.district) {
                (Some(city), Some(d)) if !data::district_in_city(city, &d.value) => {
                    let names = data::districts_by_pinyin(city, &d.value);
                    if names.is_empty() {
                        Value::Null
                    } else {
                        Value::List(names.into_iter().map(Value::text).collect())
                    }
                }
                _ => Value::Null,
            },
            SubjectFact::CityAreaCodes => match self.city(s) {
                Some(city) => Value::List(
                    data::area_codes_of_city(city)
                        .into_iter()
                        .map(Value::text)
                        .collect(),
                ),
                None => Value::Null,
            },
            SubjectFact::UsccType => Value::opt(uscc(), |u| {
                Value::Text(Cow::Owned(format!("{}{}", u.authority, u.kind)))
            }),
            SubjectFact::CertificateRegionProvince => {
                Value::opt(uscc().and_then(|u| region_province(u.region)), |p| {
                    Value::text(p.code)
                })
            }
            SubjectFact::CertificateInProvince => match (uscc(), &s.province) {
                (Some(u), Some(p)) => {
                    let gb = u.region / 10_000;
                    // 10xxxx: registered by a national authority, valid anywhere.
                    Value::Bool(gb == 10 || gb == u32::from(p.value.gb))
                }
                _ => Value::Null,
            },
            SubjectFact::SelfEmployed => {
                Value::opt(uscc(), |u| Value::Bool(u.authority == '9' && u.kind == '2'))
            }
        }
    }

    fn principal_fact(&self, owner: Owner, p: &'a Principal, f: PrincipalFact) -> Value<'a> {
        let text = |field: &'a Field<String>| Value::of(field, |v| Value::text(v));
        let resident = || self.resident_id(p);
        let born = || resident().filter(|id| id.birth <= self.env.as_of);
        let landline = || {
            p.office_phone.as_ref().and_then(|o| {
                checks::phone::office_phone(&checks::chars::clean(&o.value).value).ok()
            })
        };
        // Where the mobile was issued: unknown for a prefix no source places.
        let mobile_city = || {
            p.mobile
                .as_ref()
                .and_then(|m| data::mobile_city(&checks::chars::clean(&m.value).value))
        };
        match f {
            PrincipalFact::Present => Value::Bool(true),
            PrincipalFact::SameAsSubject => Value::Bool(p.is_same_as_subject()),
            PrincipalFact::Name => text(&p.name),
            PrincipalFact::IdType => Value::of(&p.id_type, |t| Value::text(t.key())),
            PrincipalFact::IdNumber => text(&p.id_number),
            PrincipalFact::IdExpires => expiry_date(&p.id_expires),
            PrincipalFact::IdLongTerm => {
                Value::of(&p.id_expires, |e| Value::Bool(*e == Expiry::LongTerm))
            }
            PrincipalFact::OfficePhone => text(&p.office_phone),
            PrincipalFact::Mobile => text(&p.mobile),
            PrincipalFact::EmergencyPhone => text(&p.emergency_phone),
            PrincipalFact::Email => text(&p.email),
            PrincipalFact::LegalRepresentative => {
                Value::of(&p.legal_representative, |b| Value::Bool(*b))
            }
            PrincipalFact::Documents => document_kinds(&p.documents),
            // A birth date after the as-of date is a finding of its own
            // (resident-id-future-birth): there is no birth date to compare
            // and no age.
            PrincipalFact::BirthDate => Value::opt(born(), |id| Value::Date(id.birth)),
            PrincipalFact::Age => Value::opt(born(), |id| {
                Value::Int(i64::from(checks::resident_id::age_on(
                    id.birth,
                    self.env.as_of,
                )))
            }),
            PrincipalFact::IdProvince => Value::opt(
                resident().and_then(|id| data::province_by_gb(id.province_gb)),
                |p| Value::text(p.code),
            ),
            PrincipalFact::IdLocal => {
                match (resident(), self.filing.province(), p.id_type.as_ref()) {
                    (Some(id), Some(province), Some(t))
                        if matches!(t.value, IdType::IdCard | IdType::TemporaryIdCard) =>
                    {
                        Value::Bool(id.province_gb == province.gb)
                    }
                    _ => Value::Null,
                }
            }
            PrincipalFact::IdCity => {
                Value::opt(resident().and_then(|id| id_city(id.region)), |c| {
                    Value::text(c.name)
                })
            }
            PrincipalFact::AddressInIdCity => {
                let city = resident().and_then(|id| id_city(id.region));
                let province = city.and_then(|c| data::province_by_gb(c.province_gb));
                match (
                    city,
                    province,
                    self.subject().and_then(|s| s.address.as_ref()),
                ) {
                    (Some(city), Some(province), Some(a)) => Value::opt(
                        checks::address::in_city(province, city, &a.value),
                        Value::Bool,
                    ),
                    _ => Value::Null,
                }
            }
            PrincipalFact::MobileProvince => Value::opt(
                mobile_city().and_then(|c| data::province_by_gb(c.province_gb)),
                |p| Value::text(p.code),
            ),
            PrincipalFact::MobileRegion => Value::opt(mobile_city(), |c| {
                Value::Text(Cow::Owned(data::city_full_name(c)))
            }),
            PrincipalFact::MobileLocal => match (mobile_city(), self.filing.province()) {
                (Some(c), Some(province)) => Value::Bool(c.province_gb == province.gb),
                _ => Value::Null,
            },
            PrincipalFact::OfficeAreaCode => {
                Value::opt(landline(), |l| Value::Text(Cow::Owned(l.area_code)))
            }
            PrincipalFact::OfficeIsMobile => Value::of(&p.office_phone, |o| {
                Value::Bool(checks::phone::is_mobile_shaped(
                    &checks::chars::clean(o).value,
                ))
            }),
            PrincipalFact::OfficeAreaInCity => {
                let subject = self.subject();
                let city = subject.and_then(|s| match (&s.province, &s.city) {
                    (Some(_), Some(_)) => self.city(s),
                    _ => None,
                });
                match (landline(), city) {
                    (Some(l), Some(city)) => {
                        let codes = data::area_codes_of_city(city);
                        // A city without a known code, or a code without a
                        // known city, is an unknown pair, never a mismatch.
                        if codes.is_empty() || data::area_code_cities(&l.area_code).is_empty() {
                            Value::Null
                        } else {
                            Value::Bool(codes.iter().any(|c| *c == l.area_code))
                        }
                    }
                    _ => Value::Null,
                }
            }
            PrincipalFact::OfficeAreaCities => Value::opt(landline(), |l| {
                Value::List(
                    data::area_code_cities(&l.area_code)
                        .into_iter()
                        .map(|c| Value::text(c.name))
                        .collect(),
                )
            }),
            PrincipalFact::IsSubjectPrincipal => match owner {
                Owner::Subject => Value::Bool(true),
                Owner::Website(_) => {
                    let Some(subject_principal) = self.filing.subject_principal() else {
                        return Value::Null;
                    };
                    match (&p.id_number, &subject_principal.id_number) {
                        (Some(a), Some(b)) => Value::Bool(
                            checks::chars::clean(&a.value).value.to_ascii_uppercase()
                                == checks::chars::clean(&b.value).value.to_ascii_uppercase(),
                        ),
                        _ => Value::Null,
                    }
                }
            },
        }
    }

    fn website_fact(&self, index: usize, w: &'a Website, f: WebsiteFact) -> Value<'a> {
        let text = |field: &'a Field<String>| Value::of(field, |v| Value::text(v));
        let list = |items: &'a [Spanned<String>]| {
            Value::List(items.iter().map(|s| Value::text(&s.value)).collect())
        };
        match f {
            WebsiteFact::Index => Value::Int(index as i64),
            WebsiteFact::Name => text(&w.name),
            WebsiteFact::Domains => Value::List(
                w.domains
                    .iter()
                    .filter_map(|d| d.name.as_ref())
                    .map(|n| Value::text(&n.value))
                    .collect(),
            ),
            WebsiteFact::Homepages => list(&w.homepages),
            WebsiteFact::Service => Value::of(&w.service, |s| Value::text(s.key())),
            WebsiteFact::Preapprovals => Value::List(
                w.preapprovals
                    .iter()
                    .map(|p| Value::text(p.value.key()))
                    .collect(),
            ),
            WebsiteFact::Languages => list(&w.languages),
            WebsiteFact::Note => {
                Value::Text(Cow::Borrowed(w.note.as_ref().map_or("", |n| &n.value)))
            }
            WebsiteFact::IcpNumber => text(&w.icp_number),
            WebsiteFact::Filed => Value::Bool(w.icp_number.is_some()),
            WebsiteFact::HostingType => match &w.hosting {
                Some(h) => Value::of(&h.kind, |k| Value::text(k.key())),
                None => Value::Null,
            },
            WebsiteFact::Ips => match &w.hosting {
                Some(h) => list(&h.ips),
                None => Value::Null,
            },
            WebsiteFact::Documents => document_kinds(&w.documents),
            WebsiteFact::DomainCount => Value::Int(w.domains.len() as i64),
            WebsiteFact::HomepageCount => Value::Int(w.homepages.len() as i64),
            WebsiteFact::IpCount => match &w.hosting {
                Some(h) => Value::Int(h.ips.len() as i64),
                None => Value::Null,
            },
            WebsiteFact::DistinctPrefixes => {
                let mut prefixes: Vec<String> = w
                    .domains
                    .iter()
                    .filter_map(|d| self.with_domain(d, |p| p.prefix.clone()))
                    .collect();
                prefixes.sort();
                prefixes.dedup();
                Value::Int(prefixes.len() as i64)
            }
            WebsiteFact::NameLength => Value::of(&w.name, |n| {
                Value::Int(checks::site_name::counted_length(n) as i64)
            }),
            WebsiteFact::NameRepeated => match &w.name {
                Some(_) => {
                    let repeated = self.memo.repeated_names(|| self.repeated_names());
                    Value::Bool(repeated.get(index).copied().unwrap_or(false))
                }
                None => Value::Null,
            },
            WebsiteFact::NameSymbols => Value::of(&w.name, |n| {
                Value::Text(Cow::Owned(checks::site_name::symbols(n)))
            }),
            WebsiteFact::NameHanCount => Value::of(&w.name, |n| {
                Value::Int(checks::site_name::han_count(n) as i64)
            }),
            WebsiteFact::NameCore => Value::of(&w.name, |n| {
                Value::Text(Cow::Owned(checks::site_name::name_core(n)))
            }),
            WebsiteFact::NameIsPlace => {
                Value::of(&w.name, |n| Value::Bool(checks::site_name::is_place(n)))
            }
            WebsiteFact::NameRelatesToSubject => {
                match (&w.name, self.subject().and_then(|s| s.name.as_ref())) {
                    (Some(site), Some(unit))
                        if !site.value.trim().is_empty() && !unit.value.trim().is_empty() =>
                    {
                        Value::Bool(checks::site_name::relates_to(&unit.value, &site.value))
                    }
                    _ => Value::Null,
                }
            }
        }
    }

    fn domain_fact(&self, index: usize, d: &'a DomainEntry, f: DomainFact) -> Value<'a> {
        let owned = |get: fn(&checks::domain::Domain) -> &String| {
            Value::opt(self.with_domain(d, |p| get(p).clone()), |s| {
                Value::Text(Cow::Owned(s))
            })
        };
        match f {
            DomainFact::Index => Value::Int(index as i64),
            DomainFact::Name => Value::of(&d.name, |n| Value::text(n)),
            DomainFact::Holder => Value::of(&d.holder, |h| Value::text(h)),
            DomainFact::Expires => Value::of(&d.expires, |e| Value::Date(*e)),
            DomainFact::Registrar => Value::of(&d.registrar, |r| Value::text(r)),
            DomainFact::Privacy => Value::of(&d.privacy, |p| Value::Bool(*p)),
            // An unknown registrar is no finding: the facts are absent.
            DomainFact::RegistrarKnown => {
                Value::of(&d.registrar, |r| Value::Bool(data::registrar(r).is_some()))
            }
            DomainFact::RegistrarForeign => match &d.registrar {
                Some(r) => Value::opt(data::registrar(&r.value), |reg| Value::Bool(reg.foreign)),
                None => Value::Null,
            },
            DomainFact::Suffix => owned(|p| &p.suffix),
            DomainFact::Prefix => owned(|p| &p.prefix),
            DomainFact::Registrable => owned(|p| &p.registrable),
            DomainFact::Duplicate => {
                let site = self.website.map_or(0, |(i, _)| i);
                let duplicates = self.memo.duplicates(|| self.duplicate_domains());
                match duplicates.get(site).and_then(|d| d.get(index)) {
                    Some(dup) => Value::Bool(*dup),
                    None => Value::Null,
                }
            }
        }
    }

    /// Where a finding about `fact` points.
    pub fn place(&self, fact: Fact) -> Place {
        let subject_span = self.subject().map(|s| &s.span);
        match fact {
            Fact::Filing(f) => {
                let filing = self.filing;
                match f {
                    FilingFact::Type => field_place(&filing.filing_type, None, "type".into()),
                    FilingFact::Version => field_place(&filing.version, None, "version".into()),
                    FilingFact::PreparedOn | FilingFact::PreparedDaysAgo | FilingFact::AsOf => {
                        field_place(&filing.prepared_on, None, "prepared_on".into())
                    }
                    _ => Place {
                        span: filing.websites_span.clone(),
                        path: "websites".into(),
                    },
                }
            }
            Fact::Subject(f) => {
                let path = format!("subject.{}", subject_field_key(f));
                let Some(s) = self.subject() else {
                    return Place { span: None, path };
                };
                let span = |field: Option<&Span>| field.cloned().or(Some(s.span.clone()));
                let span = match f {
                    SubjectFact::Province => span(s.province.as_ref().map(|f| &f.span)),
                    SubjectFact::City
                    | SubjectFact::CityShort
                    | SubjectFact::CityInProvince
                    | SubjectFact::CityPinyin
                    | SubjectFact::CityAreaCodes => span(s.city.as_ref().map(|f| &f.span)),
                    SubjectFact::District
                    | SubjectFact::DistrictInCity
                    | SubjectFact::DistrictPinyin
                    | SubjectFact::CityHasDistricts => span(s.district.as_ref().map(|f| &f.span)),
                    SubjectFact::Nature | SubjectFact::IsUnit => {
                        span(s.nature.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::CertificateType => {
                        span(s.certificate_type.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::CertificateNumber
                    | SubjectFact::UsccType
                    | SubjectFact::CertificateInProvince
                    | SubjectFact::CertificateRegionProvince
                    | SubjectFact::SelfEmployed => {
                        span(s.certificate_number.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::CertificateExpires | SubjectFact::CertificateLongTerm => {
                        span(s.certificate_expires.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::Name => span(s.name.as_ref().map(|f| &f.span)),
                    SubjectFact::CertificateAddress | SubjectFact::CertificateAddressInCity => {
                        span(s.certificate_address.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::Investor => span(s.investor.as_ref().map(|f| &f.span)),
                    SubjectFact::LegalRepresentative => {
                        span(s.legal_representative.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::BusinessScope => span(s.business_scope.as_ref().map(|f| &f.span)),
                    SubjectFact::Address | SubjectFact::AddressInCity => {
                        span(s.address.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::Note => span(s.note.as_ref().map(|f| &f.span)),
                    SubjectFact::IcpNumber => span(s.icp_number.as_ref().map(|f| &f.span)),
                    SubjectFact::FiledWebsites => span(s.filed_websites.as_ref().map(|f| &f.span)),
                    SubjectFact::FiledDomains => span(s.filed_domains.as_ref().map(|f| &f.span)),
                    SubjectFact::Documents => span(s.documents.span.as_ref()),
                };
                Place { span, path }
            }
            Fact::Principal(who, f) => {
                let target = match self.who(who) {
                    Some(Some(t)) => Some(t),
                    _ => None,
                };
                // A missing website principal belongs in the website's table.
                let (owner_path, table_span) = match (target, who) {
                    (Some((owner, p)), _) => (owner.path(), Some(p.span.clone())),
                    (None, Who::Website) => match self.website {
                        Some((i, w)) => (format!("websites[{i}].principal"), Some(w.span.clone())),
                        None => ("websites.principal".into(), None),
                    },
                    (None, _) => ("subject.principal".into(), subject_span.cloned()),
                };
                let key = principal_field_key(f);
                let path = if key.is_empty() {
                    owner_path
                } else {
                    format!("{owner_path}.{key}")
                };
                let span = target
                    .and_then(|(_, p)| principal_field_span(p, f))
                    .or(table_span);
                Place { span, path }
            }
            Fact::Website(f) => {
                let Some((i, w)) = self.website else {
                    return Place {
                        span: None,
                        path: "websites".into(),
                    };
                };
                let key = website_field_key(f);
                let field_span = match f {
                    WebsiteFact::Name
                    | WebsiteFact::NameLength
                    | WebsiteFact::NameHanCount
                    | WebsiteFact::NameSymbols
                    | WebsiteFact::NameRepeated
                    | WebsiteFact::NameRelatesToSubject
                    | WebsiteFact::NameCore
                    | WebsiteFact::NameIsPlace => w.name.as_ref().map(|f| f.span.clone()),
                    WebsiteFact::Domains
                    | WebsiteFact::DomainCount
                    | WebsiteFact::DistinctPrefixes => w.domains_span.clone(),
                    WebsiteFact::Homepages | WebsiteFact::HomepageCount => {
                        w.homepages.first().map(|h| h.span.clone())
                    }
                    WebsiteFact::Service => w.service.as_ref().map(|f| f.span.clone()),
                    WebsiteFact::Preapprovals => w.preapprovals.first().map(|p| p.span.clone()),
                    WebsiteFact::Languages => w.languages.first().map(|p| p.span.clone()),
                    WebsiteFact::Note => w.note.as_ref().map(|f| f.span.clone()),
                    WebsiteFact::IcpNumber | WebsiteFact::Filed => {
                        w.icp_number.as_ref().map(|f| f.span.clone())
                    }
                    WebsiteFact::HostingType | WebsiteFact::Ips | WebsiteFact::IpCount => {
                        w.hosting.as_ref().map(|h| h.span.clone())
                    }
                    WebsiteFact::Documents => w.documents.span.clone(),
                    WebsiteFact::Index => None,
                };
                Place {
                    span: field_span.or(Some(w.span.clone())),
                    path: if key.is_empty() {
                        format!("websites[{i}]")
                    } else {
                        format!("websites[{i}].{key}")
                    },
                }
            }
            Fact::Domain(f) => {
                let (site, _) = self.website.unwrap_or((0, &EMPTY_SITE));
                let Some((j, d)) = self.domain else {
                    return Place {
                        span: None,
                        path: format!("websites[{site}].domains"),
                    };
                };
                let base = format!("websites[{site}].domains[{j}]");
                match f {
                    DomainFact::Holder => Place {
                        span: d
                            .holder
                            .as_ref()
                            .map(|h| h.span.clone())
                            .or(Some(d.span.clone())),
                        path: base,
                    },
                    DomainFact::Expires => Place {
                        span: d
                            .expires
                            .as_ref()
                            .map(|h| h.span.clone())
                            .or(Some(d.span.clone())),
                        path: base,
                    },
                    DomainFact::Registrar
                    | DomainFact::RegistrarKnown
                    | DomainFact::RegistrarForeign => Place {
                        span: d
                            .registrar
                            .as_ref()
                            .map(|h| h.span.clone())
                            .or(Some(d.span.clone())),
                        path: base,
                    },
                    DomainFact::Privacy => Place {
                        span: d
                            .privacy
                            .as_ref()
                            .map(|h| h.span.clone())
                            .or(Some(d.span.clone())),
                        path: base,
                    },
                    _ => Place {
                        span: d
                            .name
                            .as_ref()
                            .map(|n| n.span.clone())
                            .or(Some(d.span.clone())),
                        path: base,
                    },
                }
            }
            Fact::Homepage(_) => {
                let (site, _) = self.website.unwrap_or((0, &EMPTY_SITE));
                match self.homepage {
                    Some((j, h)) => Place {
                        span: Some(h.span.clone()),
                        path: format!("websites[{site}].homepages[{j}]"),
                    },
                    None => Place {
                        span: None,
                        path: format!("websites[{site}].homepages"),
                    },
                }
            }
            Fact::Preapproval(_) => {
                let (site, _) = self.website.unwrap_or((0, &EMPTY_SITE));
                match self.preapproval {
                    Some((j, p)) => Place {
                        span: Some(p.span.clone()),
                        path: format!("websites[{site}].preapprovals[{j}]"),
                    },
                    None => Place {
                        span: None,
                        path: format!("websites[{site}].preapprovals"),
                    },
                }
            }
            Fact::Document(f) => match self.document {
                Some((table, j, d)) => {
                    let span = match f {
                        DocumentFact::Kind | DocumentFact::KindKnown => {
                            d.kind.as_ref().map(|k| k.span.clone())
                        }
                        DocumentFact::Domain => d.domain.as_ref().map(|k| k.span.clone()),
                        DocumentFact::Category => d.category.as_ref().map(|k| k.span.clone()),
                        DocumentFact::IssuedOn => d.issued_on.as_ref().map(|k| k.span.clone()),
                        DocumentFact::ValidUntil => d.valid_until.as_ref().map(|k| k.span.clone()),
                        _ => d.file.as_ref().map(|k| k.span.clone()),
                    };
                    // A date, present or not, is named with its key.
                    let key = match f {
                        DocumentFact::IssuedOn => ".issued_on",
                        DocumentFact::ValidUntil => ".valid_until",
                        _ => "",
                    };
                    Place {
                        span: span.or(Some(d.span.clone())),
                        path: format!("{}[{j}]{key}", table.path()),
                    }
                }
                None => Place {
                    span: None,
                    path: "documents".into(),
                },
            },
            Fact::Ip(_) => {
                let (site, _) = self.website.unwrap_or((0, &EMPTY_SITE));
                match self.ip {
                    Some((j, ip)) => Place {
                        span: Some(ip.span.clone()),
                        path: format!("websites[{site}].hosting.ips[{j}]"),
                    },
                    None => Place {
                        span: None,
                        path: format!("websites[{site}].hosting.ips"),
                    },
                }
            }
        }
    }
}

static EMPTY_SITE: Website = Website {
    span: 0..0,
    name: None,
    domains: Vec::new(),
    domains_span: None,
    homepages: Vec::new(),
    service: None,
    preapprovals: Vec::new(),
    languages: Vec::new(),
    note: None,
    hosting: None,
    icp_number: None,
    documents: Documents {
        span: None,
        items: Vec::new(),
    },
    principal: None,
};

fn subject_field_key(f: SubjectFact) -> &'static str {
    match f {
        SubjectFact::CityInProvince | SubjectFact::CityShort | SubjectFact::CityAreaCodes => "city",
        SubjectFact::AddressInCity => "address",
        SubjectFact::CertificateAddressInCity => "certificate_address",
        SubjectFact::DistrictInCity
        | SubjectFact::CityHasDistricts
        | SubjectFact::DistrictPinyin => "district",
        SubjectFact::CityPinyin => "city",
        SubjectFact::IsUnit => "nature",
        SubjectFact::CertificateLongTerm => "certificate_expires",
        SubjectFact::UsccType
        | SubjectFact::CertificateInProvince
        | SubjectFact::CertificateRegionProvince
        | SubjectFact::SelfEmployed => "certificate_number",
        other => other.key(),
    }
}

fn principal_field_key(f: PrincipalFact) -> &'static str {
    match f {
        PrincipalFact::Present | PrincipalFact::IsSubjectPrincipal => "",
        PrincipalFact::IdLongTerm => "id_expires",
        PrincipalFact::BirthDate
        | PrincipalFact::Age
        | PrincipalFact::IdProvince
        | PrincipalFact::IdLocal
        | PrincipalFact::IdCity
        | PrincipalFact::AddressInIdCity => "id_number",
        PrincipalFact::MobileProvince
        | PrincipalFact::MobileRegion
        | PrincipalFact::MobileLocal => "mobile",
        PrincipalFact::OfficeAreaCode
        | PrincipalFact::OfficeIsMobile
        | PrincipalFact::OfficeAreaInCity
        | PrincipalFact::OfficeAreaCities => "office_phone",
        other => other.key(),
    }
}

fn principal_field_span(p: &Principal, f: PrincipalFact) -> Option<Span> {
    let s = |field: &Option<Spanned<_>>| field.as_ref().map(|f: &Spanned<_>| f.span.clone());
    match principal_field_key(f) {
        "same_as_subject" => s(&p.same_as_subject),
        "name" => p.name.as_ref().map(|f| f.span.clone()),
        "id_type" => p.id_type.as_ref().map(|f| f.span.clone()),
        "id_number" => p.id_number.as_ref().map(|f| f.span.clone()),
        "id_expires" => p.id_expires.as_ref().map(|f| f.span.clone()),
        "office_phone" => p.office_phone.as_ref().map(|f| f.span.clone()),
        "mobile" => p.mobile.as_ref().map(|f| f.span.clone()),
        "emergency_phone" => p.emergency_phone.as_ref().map(|f| f.span.clone()),
        "email" => p.email.as_ref().map(|f| f.span.clone()),
        "legal_representative" => p.legal_representative.as_ref().map(|f| f.span.clone()),
        "documents" => p.documents.span.clone(),
        _ => None,
    }
}

fn website_field_key(f: WebsiteFact) -> &'static str {
    match f {
        WebsiteFact::Index => "",
        WebsiteFact::NameLength
        | WebsiteFact::NameHanCount
        | WebsiteFact::NameSymbols
        | WebsiteFact::NameRepeated
        | WebsiteFact::NameRelatesToSubject
        | WebsiteFact::NameCore
        | WebsiteFact::NameIsPlace => "name",
        WebsiteFact::DomainCount | WebsiteFact::DistinctPrefixes => "domains",
        WebsiteFact::HomepageCount => "homepages",
        WebsiteFact::Filed => "icp_number",
        WebsiteFact::HostingType => "hosting.type",
        WebsiteFact::Ips | WebsiteFact::IpCount => "hosting.ips",
        other => other.key(),
    }
}

fn expiry_date<'a>(field: &Field<Expiry>) -> Value<'a> {
    match field {
        Some(Spanned {
            value: Expiry::Date(d),
            ..
        }) => Value::Date(*d),
        // Long-term validity never expires: comparisons stay unknown.
        Some(_) => Value::Unknown,
        None => Value::Null,
    }
}

fn document_kinds(docs: &Documents) -> Value<'_> {
    Value::List(
        docs.items
            .iter()
            .filter_map(|d| d.kind.as_ref())
            .map(|k| Value::text(&k.value))
            .collect(),
    )
}

/// The province of a GB/T 2260 region code, as used in credit codes.
fn region_province(region: u32) -> Option<&'static Province> {
    u8::try_from(region / 10_000)
        .ok()
        .and_then(data::province_by_gb)
}

impl Ctx<'_> {
    /// The subject's city in its province, looked up once per filing.
    fn city(&self, s: &Subject) -> Option<&'static data::City> {
        self.memo.city(|| match (&s.province, &s.city) {
            (Some(p), Some(c)) => data::city_in_province(p.value, &c.value),
            _ => None,
        })
    }

    /// Whether an address of the subject lies in its city: unknown when the
    /// address, the province or the city is missing or the address names no
    /// place that tells.
    fn address_in_city<'v>(&self, s: &Subject, address: &Field<String>) -> Value<'v> {
        match (&s.province, self.city(s), address) {
            (Some(p), Some(city), Some(a)) => Value::opt(
                checks::address::in_city(p.value, city, &a.value),
                Value::Bool,
            ),
            _ => Value::Null,
        }
    }

    /// The parsed resident ID of a principal whose ID type carries a birth date.
    fn resident_id(&self, p: &Principal) -> Option<checks::resident_id::ResidentId> {
        let kind = match p.id_type.as_ref()?.value {
            IdType::IdCard | IdType::TemporaryIdCard => checks::resident_id::IdKind::Citizen,
            IdType::ResidencePermitHmt => checks::resident_id::IdKind::HmtResidencePermit,
            _ => return None,
        };
        let number = &p.id_number.as_ref()?.value;
        self.memo.resident_id(number, self.env.as_of, kind).0
    }

    /// `f` of the parsed form of a domain entry, when it parses.
    pub fn with_domain<R>(
        &self,
        d: &DomainEntry,
        f: impl FnOnce(&checks::domain::Domain) -> R,
    ) -> Option<R> {
        let name = d.name.as_ref()?;
        self.memo.domain(&name.value).0.as_ref().map(f)
    }

    /// For every website, which of its domains repeat one listed before
    /// (in this website or an earlier one).
    fn duplicate_domains(&self) -> Vec<Vec<bool>> {
        let mut seen = foldhash::HashSet::default();
        self.filing
            .websites
            .iter()
            .map(|w| {
                w.domains
                    .iter()
                    .map(|d| match self.domain_key(d) {
                        // `insert` is false when the key was there before.
                        Some(key) => !seen.insert(key),
                        None => false,
                    })
                    .collect()
            })
            .collect()
    }

    /// The kinds (canonical, each once) of the documents declaring each
    /// file (trimmed).
    fn file_kinds(&self) -> foldhash::HashMap<String, Vec<String>> {
        let mut map: foldhash::HashMap<String, Vec<String>> = foldhash::HashMap::default();
        for d in self.filing.documents() {
            let (Some(kind), Some(file)) = (&d.kind, &d.file) else {
                continue;
            };
            let kind = self.document_kind(&kind.value);
            let kinds = map.entry(file.value.trim().to_owned()).or_default();
            if !kinds.iter().any(|k| k == kind) {
                kinds.push(kind.to_owned());
            }
        }
        map
    }

    /// For every website, whether its name (trimmed) is an earlier
    /// website's.
    fn repeated_names(&self) -> Vec<bool> {
        let mut seen = foldhash::HashSet::default();
        self.filing
            .websites
            .iter()
            .map(|w| {
                w.name
                    .as_ref()
                    .is_some_and(|n| !seen.insert(n.value.trim()))
            })
            .collect()
    }

    /// The name two domain entries are compared by (ASCII, lower case).
    fn domain_key(&self, d: &DomainEntry) -> Option<String> {
        match self.with_domain(d, |p| p.ascii.clone()) {
            Some(ascii) => Some(ascii),
            None => d
                .name
                .as_ref()
                .map(|n| checks::chars::clean(&n.value).value.to_lowercase()),
        }
    }

    fn homepage_in_domains(&self, url: &str, w: &Website) -> bool {
        let url = checks::chars::clean(url).value;
        w.domains.iter().any(|d| {
            self.with_domain(d, |p| checks::domain::host_in_domain(&url, p))
                .unwrap_or(false)
        })
    }
}

/// The city of an ID's address code: a county-level unit directly under its
/// province (429004 仙桃), the prefecture (440305 → 440300 深圳市), or the
/// municipality (110105 → 北京市). `None` for a code under no current city
/// (an abolished prefecture such as 342600 巢湖地区).
fn id_city(region: u32) -> Option<&'static data::City> {
    data::city(region)
        .or_else(|| data::city(region / 100 * 100))
        .or_else(|| data::city(region / 10_000 * 10_000))
}
