//! Facts: the named values rule conditions read from a filing.
//!
//! A fact is either a field of the filing (`subject.name`,
//! `principal.mobile`) or a value derived from fields (`principal.age` from
//! the ID number, `website.domain_count`, `subject.city_in_province`). Rule
//! files name facts as strings; the rule compiler turns each name into a
//! [`Fact`] once, so evaluation is a `match`, not a string lookup.
//!
//! Facts are evaluated in a [`Ctx`]: the filing plus the item a rule is
//! iterating over (`each: website` puts one website in the context). Facts of
//! an item that is not in the context are [`Value::Unknown`].
//!
//! Three-valued logic: a fact whose field is absent is [`Value::Null`]; one
//! that cannot be known yet (the wizard has not asked) is
//! [`Value::Unknown`]. Comparisons with either are unknown, so an assertion
//! about a missing value never fires: `require` rules report missing values.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::checks;
use crate::data::{self, Province};
use crate::filing::*;
use crate::lang::Text;

/// A value a fact evaluates to.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// Not known (yet): comparisons are unknown.
    Unknown,
    /// Absent from the filing.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer (counts, ages).
    Int(i64),
    /// A text (strings, enumerated keys, province codes).
    Text(Cow<'a, str>),
    /// A date.
    Date(Date),
    /// A list of values.
    List(Vec<Value<'a>>),
}

impl<'a> Value<'a> {
    fn text(s: &'a str) -> Value<'a> {
        Value::Text(Cow::Borrowed(s))
    }

    fn of<T>(field: &'a Field<T>, f: impl FnOnce(&'a T) -> Value<'a>) -> Value<'a> {
        match field {
            Some(s) => f(&s.value),
            None => Value::Null,
        }
    }

    fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> Value<'a>) -> Value<'a> {
        value.map_or(Value::Null, f)
    }

    /// Whether the value is present and not empty (blank text counts as empty).
    pub fn is_present(&self) -> Option<bool> {
        match self {
            Value::Unknown => None,
            Value::Null => Some(false),
            Value::Text(t) => Some(!t.trim().is_empty()),
            Value::List(l) => Some(!l.is_empty()),
            _ => Some(true),
        }
    }

    /// The value as display text, for `{value}` in messages.
    pub fn display(&self) -> String {
        match self {
            Value::Unknown | Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Text(t) => t.to_string(),
            Value::Date(d) => d.to_string(),
            Value::List(items) => items
                .iter()
                .map(Value::display)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// The type of a fact, which decides how rule files may compare it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// Free text.
    Text,
    /// true / false.
    Bool,
    /// An integer.
    Int,
    /// A date.
    Date,
    /// A province code; rule files may write codes, names or abbreviations.
    Province,
    /// One value of a vocabulary.
    Choice(Choices),
    /// A list of texts.
    TextList,
    /// A list of values of a vocabulary.
    ChoiceList(Choices),
}

/// A vocabulary, as seen by the rule compiler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// `type`.
    FilingType,
    /// `nature`; rule files may also write `unit` for every nature but personal.
    Nature,
    /// `certificate_type`.
    CertificateType,
    /// `id_type`.
    IdType,
    /// `service`.
    Service,
    /// `preapprovals`.
    Preapproval,
    /// `hosting.type`.
    HostingType,
    /// Document kinds (open: rule files add kinds).
    DocumentKind,
}

impl Choices {
    /// Canonical key of a spelling, or `None` when it is not a value.
    pub fn canonical(self, input: &str) -> Option<&'static str> {
        fn key<V: Vocabulary>(input: &str) -> Option<&'static str> {
            V::parse(input).map(V::key)
        }
        match self {
            Choices::FilingType => key::<FilingType>(input),
            Choices::Nature => key::<Nature>(input),
            Choices::CertificateType => key::<CertificateType>(input),
            Choices::IdType => key::<IdType>(input),
            Choices::Service => key::<Service>(input),
            Choices::Preapproval => key::<Preapproval>(input),
            Choices::HostingType => key::<HostingType>(input),
            Choices::DocumentKind => None,
        }
    }

    /// Every spelling, for suggestions.
    pub fn spellings(self) -> Vec<&'static str> {
        match self {
            Choices::FilingType => FilingType::spellings(),
            Choices::Nature => Nature::spellings(),
            Choices::CertificateType => CertificateType::spellings(),
            Choices::IdType => IdType::spellings(),
            Choices::Service => Service::spellings(),
            Choices::Preapproval => Preapproval::spellings(),
            Choices::HostingType => HostingType::spellings(),
            Choices::DocumentKind => Vec::new(),
        }
    }

    /// The label of a canonical key in a language.
    pub fn label(self, key: &str, lang: crate::Lang) -> Option<&'static str> {
        fn label<V: Vocabulary>(key: &str, lang: crate::Lang) -> Option<&'static str> {
            V::parse(key).map(|v| v.label(lang))
        }
        match self {
            Choices::FilingType => label::<FilingType>(key, lang),
            Choices::Nature => label::<Nature>(key, lang),
            Choices::CertificateType => label::<CertificateType>(key, lang),
            Choices::IdType => label::<IdType>(key, lang),
            Choices::Service => label::<Service>(key, lang),
            Choices::Preapproval => label::<Preapproval>(key, lang),
            Choices::HostingType => label::<HostingType>(key, lang),
            Choices::DocumentKind => None,
        }
    }
}

/// The items a rule can iterate over (`each:` in a rule file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Each {
    /// Once per filing (the default).
    #[default]
    Filing,
    /// Every principal: the subject's and each website's own.
    Principal,
    /// Every website.
    Website,
    /// Every domain of every website.
    Domain,
    /// Every homepage of every website.
    Homepage,
    /// Every declared pre-approval category of every website.
    Preapproval,
    /// Every IP address of every website.
    Ip,
}

impl Each {
    /// Parses the rule-file spelling.
    pub fn parse(s: &str) -> Option<Each> {
        Some(match s {
            "filing" => Each::Filing,
            "principal" => Each::Principal,
            "website" => Each::Website,
            "domain" => Each::Domain,
            "homepage" => Each::Homepage,
            "preapproval" => Each::Preapproval,
            "ip" => Each::Ip,
            _ => return None,
        })
    }

    /// Every spelling.
    pub const NAMES: &'static [&'static str] = &[
        "filing",
        "principal",
        "website",
        "domain",
        "homepage",
        "preapproval",
        "ip",
    ];

    /// Whether the item of `level` is in the context of this iteration.
    fn has(self, level: Level) -> bool {
        match level {
            Level::Filing => true,
            Level::Principal => self == Each::Principal,
            Level::Website => matches!(
                self,
                Each::Website | Each::Domain | Each::Homepage | Each::Preapproval | Each::Ip
            ),
            Level::Domain => self == Each::Domain,
            Level::Homepage => self == Each::Homepage,
            Level::Preapproval => self == Each::Preapproval,
            Level::Ip => self == Each::Ip,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Filing,
    Principal,
    Website,
    Domain,
    Homepage,
    Preapproval,
    Ip,
}

/// Which principal a principal fact reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// `principal.*`: the principal of `each: principal`.
    Current,
    /// `subject.principal.*`.
    Subject,
    /// `website.principal.*`: the current website's principal (the subject's
    /// when the website says `same_as_subject`).
    Website,
}

macro_rules! fact_enum {
    ($(#[$m:meta])* $name:ident { $( $variant:ident = $key:literal : $ty:expr, $zh:literal, $en:literal; )* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $( #[doc = $zh] $variant, )* }
        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The name after the prefix in rule files.
            pub fn key(self) -> &'static str { match self { $($name::$variant => $key,)* } }
            /// The type.
            pub fn ty(self) -> Ty { match self { $($name::$variant => $ty,)* } }
            /// A label for prose, in both languages.
            pub fn label(self) -> (&'static str, &'static str) { match self { $($name::$variant => ($zh, $en),)* } }
            fn parse(s: &str) -> Option<Self> { Self::ALL.iter().copied().find(|f| f.key() == s) }
        }
    };
}

use Choices as C;

fact_enum! {
    /// Facts of the whole filing: `filing.*`.
    FilingFact {
        Type = "type": Ty::Choice(C::FilingType), "备案类型", "filing type";
        Version = "version": Ty::Int, "格式版本", "format version";
        PreparedOn = "prepared_on": Ty::Date, "准备日期", "preparation date";
        AsOf = "as_of": Ty::Date, "判断日期", "as-of date";
        PreparedDaysAgo = "prepared_days_ago": Ty::Int, "准备日期距今天数", "days since the preparation date";
        WebsiteCount = "website_count": Ty::Int, "网站数量", "number of websites";
        NewWebsiteCount = "new_website_count": Ty::Int, "未备案网站数量", "number of websites not yet filed";
        DomainCount = "domain_count": Ty::Int, "域名总数", "number of domains";
        NewDomainCount = "new_domain_count": Ty::Int, "未备案网站的域名数量", "number of domains of websites not yet filed";
        DistinctDomainPrefixes = "distinct_domain_prefixes": Ty::Int, "不同域名前缀数量", "number of distinct domain prefixes";
    }
}

fact_enum! {
    /// Facts of the subject: `subject.*`.
    SubjectFact {
        Province = "province": Ty::Province, "主办单位所在省份", "subject's province";
        City = "city": Ty::Text, "所在城市", "city";
        District = "district": Ty::Text, "所在区县", "district";
        Nature = "nature": Ty::Choice(C::Nature), "主办单位性质", "subject nature";
        CertificateType = "certificate_type": Ty::Choice(C::CertificateType), "证件类型", "certificate type";
        CertificateNumber = "certificate_number": Ty::Text, "证件号码", "certificate number";
        CertificateExpires = "certificate_expires": Ty::Date, "证件有效期", "certificate expiry";
        CertificateLongTerm = "certificate_long_term": Ty::Bool, "证件长期有效", "certificate valid without end";
        Name = "name": Ty::Text, "主办单位名称", "subject name";
        CertificateAddress = "certificate_address": Ty::Text, "证件住所", "certificate address";
        Investor = "investor": Ty::Text, "投资人或主管单位", "investor or supervising unit";
        Address = "address": Ty::Text, "通信地址", "communications address";
        Note = "note": Ty::Text, "主体信息备注", "subject note";
        IcpNumber = "icp_number": Ty::Text, "主体备案号", "subject filing number";
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), "主体材料", "subject documents";
        IsUnit = "is_unit": Ty::Bool, "单位主体", "a unit (not an individual)";
        CityInProvince = "city_in_province": Ty::Bool, "城市属于所选省份", "city lies in the province";
        DistrictInCity = "district_in_city": Ty::Bool, "区县属于所选城市", "district lies in the city";
        UsccType = "uscc_type": Ty::Text, "统一社会信用代码登记管理部门和机构类别", "credit code registration authority and type";
        CertificateInProvince = "certificate_in_province": Ty::Bool, "证件登记地在本省", "certificate registered in the province";
        CertificateRegionProvince = "certificate_region_province": Ty::Province, "证件登记地省份", "province of the certificate's registration";
        SelfEmployed = "self_employed": Ty::Bool, "个体工商户", "self-employed business";
    }
}

fact_enum! {
    /// Facts of a principal: `principal.*`, `subject.principal.*`, `website.principal.*`.
    PrincipalFact {
        Present = "present": Ty::Bool, "已填写负责人", "principal given";
        SameAsSubject = "same_as_subject": Ty::Bool, "同主体负责人", "same as the subject principal";
        Name = "name": Ty::Text, "负责人姓名", "principal's name";
        IdType = "id_type": Ty::Choice(C::IdType), "证件类型", "ID type";
        IdNumber = "id_number": Ty::Text, "证件号码", "ID number";
        IdExpires = "id_expires": Ty::Date, "证件有效期", "ID expiry";
        IdLongTerm = "id_long_term": Ty::Bool, "证件长期有效", "ID valid without end";
        OfficePhone = "office_phone": Ty::Text, "办公电话", "office phone";
        Mobile = "mobile": Ty::Text, "手机号码", "mobile number";
        EmergencyPhone = "emergency_phone": Ty::Text, "应急联系电话", "emergency phone";
        Email = "email": Ty::Text, "电子邮箱", "e-mail";
        LegalRepresentative = "legal_representative": Ty::Bool, "是法定代表人", "is the legal representative";
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), "负责人材料", "principal's documents";
        BirthDate = "birth_date": Ty::Date, "出生日期", "date of birth";
        Age = "age": Ty::Int, "年龄", "age";
        IdProvince = "id_province": Ty::Province, "身份证签发地省份", "province that issued the ID";
        IdLocal = "id_local": Ty::Bool, "本省身份证", "ID issued in the subject's province";
        OfficeAreaCode = "office_area_code": Ty::Text, "办公电话区号", "office phone area code";
        OfficeIsMobile = "office_is_mobile": Ty::Bool, "办公电话为手机号", "office phone is a mobile number";
        OfficeAreaInCity = "office_area_in_city": Ty::Bool, "办公电话区号属于所在城市", "office phone area code belongs to the city";
        IsSubjectPrincipal = "is_subject_principal": Ty::Bool, "与主体负责人为同一人", "the same person as the subject principal";
    }
}

fact_enum! {
    /// Facts of a website: `website.*`.
    WebsiteFact {
        Index = "index": Ty::Int, "网站序号", "website index";
        Name = "name": Ty::Text, "网站名称", "website name";
        Domains = "domains": Ty::TextList, "网站域名", "domains";
        Homepages = "homepages": Ty::TextList, "网站首页", "homepages";
        Service = "service": Ty::Choice(C::Service), "网站服务内容", "service content";
        Preapprovals = "preapprovals": Ty::ChoiceList(C::Preapproval), "前置审批", "pre-approvals";
        Languages = "languages": Ty::TextList, "网站语言", "languages";
        Note = "note": Ty::Text, "网站备注", "website note";
        IcpNumber = "icp_number": Ty::Text, "网站备案号", "website filing number";
        Filed = "filed": Ty::Bool, "已备案网站", "already filed";
        HostingType = "hosting_type": Ty::Choice(C::HostingType), "接入方式", "hosting type";
        Ips = "ips": Ty::TextList, "IP 地址", "IP addresses";
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), "网站材料", "website documents";
        DomainCount = "domain_count": Ty::Int, "域名数量", "number of domains";
        DistinctPrefixes = "distinct_prefixes": Ty::Int, "不同域名前缀数量", "number of distinct domain prefixes";
        NameLength = "name_length": Ty::Int, "网站名称字数", "website name length";
        NameHanCount = "name_han_count": Ty::Int, "网站名称汉字数", "Chinese characters in the website name";
    }
}

fact_enum! {
    /// Facts of a domain: `domain.*`.
    DomainFact {
        Index = "index": Ty::Int, "域名序号", "domain index";
        Name = "name": Ty::Text, "域名", "domain";
        Holder = "holder": Ty::Text, "域名持有者", "domain holder";
        Expires = "expires": Ty::Date, "域名到期日", "domain expiry";
        Suffix = "suffix": Ty::Text, "域名后缀", "domain suffix";
        Prefix = "prefix": Ty::Text, "域名前缀", "domain prefix";
        Registrable = "registrable": Ty::Text, "可注册域名", "registrable domain";
        Duplicate = "duplicate": Ty::Bool, "重复的域名", "listed before in this filing";
    }
}

fact_enum! {
    /// Facts of a homepage: `homepage.*`.
    HomepageFact {
        Url = "url": Ty::Text, "首页地址", "homepage";
        InDomains = "in_domains": Ty::Bool, "首页在网站域名内", "homepage lies in the website's domains";
    }
}

fact_enum! {
    /// Facts of a declared pre-approval: `preapproval.*`.
    PreapprovalFact {
        Category = "category": Ty::Choice(C::Preapproval), "前置审批类别", "pre-approval category";
    }
}

fact_enum! {
    /// Facts of an IP address: `ip.*`.
    IpFact {
        Address = "address": Ty::Text, "IP 地址", "IP address";
    }
}

/// A fact a rule file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// `filing.*`.
    Filing(FilingFact),
    /// `subject.*`.
    Subject(SubjectFact),
    /// `principal.*`, `subject.principal.*`, `website.principal.*`.
    Principal(Who, PrincipalFact),
    /// `website.*`.
    Website(WebsiteFact),
    /// `domain.*`.
    Domain(DomainFact),
    /// `homepage.*`.
    Homepage(HomepageFact),
    /// `preapproval.*`.
    Preapproval(PreapprovalFact),
    /// `ip.*`.
    Ip(IpFact),
}

impl Fact {
    /// Parses a fact name of a rule file.
    pub fn parse(name: &str) -> Option<Fact> {
        let (prefix, rest) = name.split_once('.')?;
        Some(match prefix {
            "filing" => Fact::Filing(FilingFact::parse(rest)?),
            "subject" => match rest.strip_prefix("principal.") {
                Some(p) => Fact::Principal(Who::Subject, PrincipalFact::parse(p)?),
                None => Fact::Subject(SubjectFact::parse(rest)?),
            },
            "principal" => Fact::Principal(Who::Current, PrincipalFact::parse(rest)?),
            "website" => match rest.strip_prefix("principal.") {
                Some(p) => Fact::Principal(Who::Website, PrincipalFact::parse(p)?),
                None => Fact::Website(WebsiteFact::parse(rest)?),
            },
            "domain" => Fact::Domain(DomainFact::parse(rest)?),
            "homepage" => Fact::Homepage(HomepageFact::parse(rest)?),
            "preapproval" => Fact::Preapproval(PreapprovalFact::parse(rest)?),
            "ip" => Fact::Ip(IpFact::parse(rest)?),
            _ => return None,
        })
    }

    /// Every fact name, for suggestions and documentation.
    pub fn names() -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |prefix: &str, keys: &mut dyn Iterator<Item = &'static str>| {
            for k in keys {
                out.push(format!("{prefix}.{k}"));
            }
        };
        push("filing", &mut FilingFact::ALL.iter().map(|f| f.key()));
        push("subject", &mut SubjectFact::ALL.iter().map(|f| f.key()));
        for prefix in ["principal", "subject.principal", "website.principal"] {
            push(prefix, &mut PrincipalFact::ALL.iter().map(|f| f.key()));
        }
        push("website", &mut WebsiteFact::ALL.iter().map(|f| f.key()));
        push("domain", &mut DomainFact::ALL.iter().map(|f| f.key()));
        push("homepage", &mut HomepageFact::ALL.iter().map(|f| f.key()));
        push(
            "preapproval",
            &mut PreapprovalFact::ALL.iter().map(|f| f.key()),
        );
        push("ip", &mut IpFact::ALL.iter().map(|f| f.key()));
        out
    }

    /// The fact's name in rule files.
    pub fn name(self) -> String {
        match self {
            Fact::Filing(f) => format!("filing.{}", f.key()),
            Fact::Subject(f) => format!("subject.{}", f.key()),
            Fact::Principal(Who::Current, f) => format!("principal.{}", f.key()),
            Fact::Principal(Who::Subject, f) => format!("subject.principal.{}", f.key()),
            Fact::Principal(Who::Website, f) => format!("website.principal.{}", f.key()),
            Fact::Website(f) => format!("website.{}", f.key()),
            Fact::Domain(f) => format!("domain.{}", f.key()),
            Fact::Homepage(f) => format!("homepage.{}", f.key()),
            Fact::Preapproval(f) => format!("preapproval.{}", f.key()),
            Fact::Ip(f) => format!("ip.{}", f.key()),
        }
    }

    /// The type.
    pub fn ty(self) -> Ty {
        match self {
            Fact::Filing(f) => f.ty(),
            Fact::Subject(f) => f.ty(),
            Fact::Principal(_, f) => f.ty(),
            Fact::Website(f) => f.ty(),
            Fact::Domain(f) => f.ty(),
            Fact::Homepage(f) => f.ty(),
            Fact::Preapproval(f) => f.ty(),
            Fact::Ip(f) => f.ty(),
        }
    }

    /// A label for prose (`checklist --province`, `explain`).
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Fact::Filing(f) => f.label(),
            Fact::Subject(f) => f.label(),
            Fact::Principal(who, f) => {
                let (zh, en) = f.label();
                let (pzh, pen) = match who {
                    Who::Current => ("", ""),
                    Who::Subject => ("主体负责人", "subject principal's "),
                    Who::Website => ("网站负责人", "website principal's "),
                };
                return Text::new(format!("{pzh}{zh}"), format!("{pen}{en}"));
            }
            Fact::Website(f) => f.label(),
            Fact::Domain(f) => f.label(),
            Fact::Homepage(f) => f.label(),
            Fact::Preapproval(f) => f.label(),
            Fact::Ip(f) => f.label(),
        };
        Text::new(zh, en)
    }

    fn level(self) -> Level {
        match self {
            Fact::Filing(_) | Fact::Subject(_) | Fact::Principal(Who::Subject, _) => Level::Filing,
            Fact::Principal(Who::Current, _) => Level::Principal,
            Fact::Principal(Who::Website, _) | Fact::Website(_) => Level::Website,
            Fact::Domain(_) => Level::Domain,
            Fact::Homepage(_) => Level::Homepage,
            Fact::Preapproval(_) => Level::Preapproval,
            Fact::Ip(_) => Level::Ip,
        }
    }

    /// Whether a rule iterating `each` can read this fact.
    pub fn available_in(self, each: Each) -> bool {
        each.has(self.level())
    }
}

/// What the evaluation needs besides the filing: the dates.
#[derive(Clone, Copy, Debug)]
pub struct Env {
    /// The as-of date: rules in force and ages/expiry are judged on it.
    pub as_of: Date,
    /// The system date.
    pub today: Date,
    /// Whether the as-of date is the filing's `prepared_on`.
    pub as_of_is_prepared_on: bool,
}

/// The filing and the item a rule is looking at.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The filing.
    pub filing: &'a Filing,
    /// Dates.
    pub env: &'a Env,
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
    pub fn new(filing: &'a Filing, env: &'a Env) -> Ctx<'a> {
        Ctx {
            filing,
            env,
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
                    HomepageFact::InDomains => Value::Bool(homepage_in_domains(&h.value, w)),
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
            FilingFact::PreparedDaysAgo => match &filing.prepared_on {
                Some(d) if self.env.as_of_is_prepared_on => {
                    Value::Int(i64::from((self.env.today - d.value).get_days()))
                }
                _ => Value::Null,
            },
            FilingFact::WebsiteCount => Value::Int(filing.websites.len() as i64),
            FilingFact::NewWebsiteCount => Value::Int(new_sites().count() as i64),
            FilingFact::DomainCount => {
                Value::Int(filing.websites.iter().map(|w| w.domains.len() as i64).sum())
            }
            FilingFact::NewDomainCount => {
                Value::Int(new_sites().map(|w| w.domains.len() as i64).sum())
            }
            FilingFact::DistinctDomainPrefixes => {
                let mut prefixes: Vec<String> = filing
                    .websites
                    .iter()
                    .flat_map(|w| w.domains.iter())
                    .filter_map(|d| parsed_domain(d))
                    .map(|d| d.prefix)
                    .collect();
                prefixes.sort();
                prefixes.dedup();
                Value::Int(prefixes.len() as i64)
            }
        }
    }

    fn subject_fact(&self, s: &'a Subject, f: SubjectFact) -> Value<'a> {
        let text = |field: &'a Field<String>| Value::of(field, |v| Value::text(v));
        let uscc = || {
            s.certificate_number
                .as_ref()
                .and_then(|n| checks::uscc::check(&checks::chars::clean(&n.value).value).0)
        };
        match f {
            SubjectFact::Province => Value::of(&s.province, |p| Value::text(p.code)),
            SubjectFact::City => text(&s.city),
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
            SubjectFact::Address => text(&s.address),
            // An optional note that is absent is an empty note.
            SubjectFact::Note => Value::Text(Cow::Borrowed(s.note.as_ref().map_or("", |n| &n.value))),
            SubjectFact::IcpNumber => text(&s.icp_number),
            SubjectFact::Documents => document_kinds(&s.documents),
            SubjectFact::IsUnit => Value::of(&s.nature, |n| Value::Bool(*n != Nature::Personal)),
            SubjectFact::CityInProvince => match (&s.province, &s.city) {
                (Some(p), Some(c)) => {
                    Value::Bool(data::city_in_province(p.value, &c.value).is_some())
                }
                _ => Value::Null,
            },
            SubjectFact::DistrictInCity => match (&s.province, &s.city, &s.district) {
                (Some(p), Some(c), Some(d)) => match data::city_in_province(p.value, &c.value) {
                    Some(city) => Value::Bool(data::district_in_city(city, &d.value)),
                    None => Value::Null,
                },
                _ => Value::Null,
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
        let resident = || resident_id(p, self.env.as_of);
        let landline = || {
            p.office_phone.as_ref().and_then(|o| {
                checks::phone::office_phone(&checks::chars::clean(&o.value).value).ok()
            })
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
            PrincipalFact::BirthDate => Value::opt(resident(), |id| Value::Date(id.birth)),
            PrincipalFact::Age => Value::opt(resident(), |id| {
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
                    (Some(id), Some(province), Some(t)) if t.value == IdType::IdCard => {
                        Value::Bool(id.province_gb == province.gb)
                    }
                    _ => Value::Null,
                }
            }
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
                    (Some(p), Some(c)) => data::city_in_province(p.value, &c.value),
                    _ => None,
                });
                match (landline(), city) {
                    (Some(l), Some(city)) => Value::Bool(
                        data::area_codes_of_city(city)
                            .iter()
                            .any(|c| *c == l.area_code),
                    ),
                    _ => Value::Null,
                }
            }
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
            WebsiteFact::Note => Value::Text(Cow::Borrowed(w.note.as_ref().map_or("", |n| &n.value))),
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
            WebsiteFact::DistinctPrefixes => {
                let mut prefixes: Vec<String> = w
                    .domains
                    .iter()
                    .filter_map(parsed_domain)
                    .map(|d| d.prefix)
                    .collect();
                prefixes.sort();
                prefixes.dedup();
                Value::Int(prefixes.len() as i64)
            }
            WebsiteFact::NameLength => Value::of(&w.name, |n| {
                Value::Int(checks::site_name::counted_length(n) as i64)
            }),
            WebsiteFact::NameHanCount => Value::of(&w.name, |n| {
                Value::Int(checks::site_name::han_count(n) as i64)
            }),
        }
    }

    fn domain_fact(&self, index: usize, d: &'a DomainEntry, f: DomainFact) -> Value<'a> {
        let parsed = || parsed_domain(d);
        match f {
            DomainFact::Index => Value::Int(index as i64),
            DomainFact::Name => Value::of(&d.name, |n| Value::text(n)),
            DomainFact::Holder => Value::of(&d.holder, |h| Value::text(h)),
            DomainFact::Expires => Value::of(&d.expires, |e| Value::Date(*e)),
            DomainFact::Suffix => Value::opt(parsed(), |p| Value::Text(Cow::Owned(p.suffix))),
            DomainFact::Prefix => Value::opt(parsed(), |p| Value::Text(Cow::Owned(p.prefix))),
            DomainFact::Registrable => {
                Value::opt(parsed(), |p| Value::Text(Cow::Owned(p.registrable)))
            }
            DomainFact::Duplicate => {
                let Some(key) = domain_key(d) else {
                    return Value::Null;
                };
                let (site, _) = self.website.unwrap_or((0, &EMPTY_SITE));
                let earlier = self
                    .filing
                    .websites
                    .iter()
                    .enumerate()
                    .flat_map(|(i, w)| w.domains.iter().enumerate().map(move |(j, d)| (i, j, d)))
                    .take_while(|(i, j, _)| (*i, *j) < (site, index))
                    .any(|(_, _, other)| domain_key(other).as_deref() == Some(key.as_str()));
                Value::Bool(earlier)
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
                    SubjectFact::City | SubjectFact::CityInProvince => {
                        span(s.city.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::District | SubjectFact::DistrictInCity => {
                        span(s.district.as_ref().map(|f| &f.span))
                    }
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
                    SubjectFact::CertificateAddress => {
                        span(s.certificate_address.as_ref().map(|f| &f.span))
                    }
                    SubjectFact::Investor => span(s.investor.as_ref().map(|f| &f.span)),
                    SubjectFact::Address => span(s.address.as_ref().map(|f| &f.span)),
                    SubjectFact::Note => span(s.note.as_ref().map(|f| &f.span)),
                    SubjectFact::IcpNumber => span(s.icp_number.as_ref().map(|f| &f.span)),
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
                    WebsiteFact::Name | WebsiteFact::NameLength | WebsiteFact::NameHanCount => {
                        w.name.as_ref().map(|f| f.span.clone())
                    }
                    WebsiteFact::Domains
                    | WebsiteFact::DomainCount
                    | WebsiteFact::DistinctPrefixes => w.domains_span.clone(),
                    WebsiteFact::Homepages => w.homepages.first().map(|h| h.span.clone()),
                    WebsiteFact::Service => w.service.as_ref().map(|f| f.span.clone()),
                    WebsiteFact::Preapprovals => w.preapprovals.first().map(|p| p.span.clone()),
                    WebsiteFact::Languages => w.languages.first().map(|p| p.span.clone()),
                    WebsiteFact::Note => w.note.as_ref().map(|f| f.span.clone()),
                    WebsiteFact::IcpNumber | WebsiteFact::Filed => {
                        w.icp_number.as_ref().map(|f| f.span.clone())
                    }
                    WebsiteFact::HostingType | WebsiteFact::Ips => {
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
        SubjectFact::CityInProvince => "city",
        SubjectFact::DistrictInCity => "district",
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
        | PrincipalFact::IdLocal => "id_number",
        PrincipalFact::OfficeAreaCode
        | PrincipalFact::OfficeIsMobile
        | PrincipalFact::OfficeAreaInCity => "office_phone",
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
        WebsiteFact::NameLength | WebsiteFact::NameHanCount => "name",
        WebsiteFact::DomainCount | WebsiteFact::DistinctPrefixes => "domains",
        WebsiteFact::Filed => "icp_number",
        WebsiteFact::HostingType => "hosting.type",
        WebsiteFact::Ips => "hosting.ips",
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

/// The parsed resident ID of a principal whose ID type carries a birth date.
fn resident_id(p: &Principal, as_of: Date) -> Option<checks::resident_id::ResidentId> {
    let kind = match p.id_type.as_ref()?.value {
        IdType::IdCard => checks::resident_id::IdKind::Citizen,
        IdType::ResidencePermitHmt => checks::resident_id::IdKind::HmtResidencePermit,
        _ => return None,
    };
    let number = checks::chars::clean(&p.id_number.as_ref()?.value);
    checks::resident_id::check(&number.value, as_of, kind).0
}

/// The province of a GB/T 2260 region code, as used in credit codes.
fn region_province(region: u32) -> Option<&'static Province> {
    u8::try_from(region / 10_000)
        .ok()
        .and_then(data::province_by_gb)
}

/// The parsed form of a domain entry, when it parses.
pub fn parsed_domain(d: &DomainEntry) -> Option<checks::domain::Domain> {
    let name = d.name.as_ref()?;
    checks::domain::check(&checks::chars::clean(&name.value).value).0
}

/// The name two domain entries are compared by (ASCII, lower case).
fn domain_key(d: &DomainEntry) -> Option<String> {
    match parsed_domain(d) {
        Some(p) => Some(p.ascii),
        None => d
            .name
            .as_ref()
            .map(|n| checks::chars::clean(&n.value).value.to_lowercase()),
    }
}

fn homepage_in_domains(url: &str, w: &Website) -> bool {
    let url = checks::chars::clean(url).value;
    w.domains
        .iter()
        .filter_map(parsed_domain)
        .any(|d| checks::domain::host_in_domain(&url, &d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for name in Fact::names() {
            let fact = Fact::parse(&name).unwrap_or_else(|| panic!("{name} does not parse"));
            assert_eq!(fact.name(), name);
        }
        assert_eq!(Fact::parse("principal.agee"), None);
        assert_eq!(Fact::parse("nope"), None);
    }

    #[test]
    fn availability_follows_each() {
        let age = Fact::parse("principal.age").unwrap();
        assert!(age.available_in(Each::Principal));
        assert!(!age.available_in(Each::Filing));
        let subject_age = Fact::parse("subject.principal.age").unwrap();
        assert!(subject_age.available_in(Each::Domain));
        let domain = Fact::parse("domain.suffix").unwrap();
        assert!(domain.available_in(Each::Domain));
        assert!(!domain.available_in(Each::Website));
        assert!(
            Fact::parse("website.name")
                .unwrap()
                .available_in(Each::Domain)
        );
    }
}
