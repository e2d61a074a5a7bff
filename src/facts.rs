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

mod ctx;
mod memo;
mod probe;

use std::borrow::Cow;

use jiff::civil::Date;

pub use crate::filing::DocTable;
pub use ctx::{Ctx, Env, KindNames, Place};
pub use memo::Memo;
// The vocabularies belong to the filing format; rule files see them as the
// types of facts.
pub use crate::filing::vocab::Choices;
pub use probe::{Probe, Scans};

use crate::filing::fields::{self, Table, Words};
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
    /// Every declared document of every table.
    Document,
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
            "document" => Each::Document,
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
        "document",
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
            Level::Document => self == Each::Document,
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
    Document,
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

/// An enum of the facts of one table. A fact written `field` is the field
/// of that table with the same key, and takes its label from the field
/// table (a key the table lacks fails the build); the others, derived from
/// fields, carry their own.
macro_rules! fact_enum {
    (@label $table:ident $key:literal field) => {{
        const LABEL: Words = fields::get(Table::$table, $key).label;
        (LABEL.zh, LABEL.en)
    }};
    (@label $table:ident $key:literal $zh:literal $en:literal) => {
        ($zh, $en)
    };
    (@doc $key:literal field) => {
        concat!("The field `", $key, "`.")
    };
    (@doc $key:literal $zh:literal $en:literal) => {
        $zh
    };
    ($(#[$m:meta])* $name:ident in $table:ident { $( $variant:ident = $key:literal : $ty:expr, $zh:tt $(, $en:literal)?; )* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $( #[doc = fact_enum!(@doc $key $zh $($en)?)] $variant, )* }
        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The table whose fields these facts read.
            #[cfg(test)]
            const TABLE: Table = Table::$table;
            /// The name after the prefix in rule files.
            pub fn key(self) -> &'static str { match self { $($name::$variant => $key,)* } }
            /// The type.
            pub fn ty(self) -> Ty { match self { $($name::$variant => $ty,)* } }
            /// A label for prose, in both languages.
            pub fn label(self) -> (&'static str, &'static str) {
                match self { $($name::$variant => fact_enum!(@label $table $key $zh $($en)?),)* }
            }
            fn parse(s: &str) -> Option<Self> { Self::ALL.iter().copied().find(|f| f.key() == s) }
        }
    };
}

use Choices as C;

fact_enum! {
    /// Facts of the whole filing: `filing.*`.
    FilingFact in Top {
        Type = "type": Ty::Choice(C::FilingType), field;
        Version = "version": Ty::Int, field;
        PreparedOn = "prepared_on": Ty::Date, field;
        AsOf = "as_of": Ty::Date, "判断日期", "as-of date";
        Now = "now": Ty::Date, "检查当天", "the day of the check";
        PreparedDaysAgo = "prepared_days_ago": Ty::Int, "准备日期距今天数", "days since the preparation date";
        WebsiteCount = "website_count": Ty::Int, "网站数量", "the number of websites";
        NewWebsiteCount = "new_website_count": Ty::Int, "未备案网站数量", "the number of websites not yet filed";
        DomainCount = "domain_count": Ty::Int, "域名总数", "the number of domains";
        NewDomainCount = "new_domain_count": Ty::Int, "未备案网站的域名数量", "the number of domains of websites not yet filed";
        DistinctDomainPrefixes = "distinct_domain_prefixes": Ty::Int, "不同域名前缀数量", "the number of distinct domain prefixes";
        SubjectWebsiteCount = "subject_website_count": Ty::Int, "主体名下网站总数", "the number of websites under the subject";
        SubjectDomainCount = "subject_domain_count": Ty::Int, "主体名下域名总数", "the number of domains under the subject";
    }
}

fact_enum! {
    /// Facts of the subject: `subject.*`.
    SubjectFact in Subject {
        Province = "province": Ty::Province, field;
        City = "city": Ty::Text, field;
        CityShort = "city_short": Ty::Text, "城市简称（去掉市、地区等）", "city name without its suffix (市, 地区…)";
        District = "district": Ty::Text, field;
        Nature = "nature": Ty::Choice(C::Nature), field;
        CertificateType = "certificate_type": Ty::Choice(C::CertificateType), field;
        CertificateNumber = "certificate_number": Ty::Text, field;
        CertificateExpires = "certificate_expires": Ty::Date, field;
        CertificateLongTerm = "certificate_long_term": Ty::Bool, "证件长期有效", "certificate valid without end";
        Name = "name": Ty::Text, field;
        CertificateAddress = "certificate_address": Ty::Text, field;
        Investor = "investor": Ty::Text, field;
        BusinessScope = "business_scope": Ty::Text, field;
        LegalRepresentative = "legal_representative": Ty::Text, field;
        Address = "address": Ty::Text, field;
        Note = "note": Ty::Text, field;
        IcpNumber = "icp_number": Ty::Text, field;
        FiledWebsites = "filed_websites": Ty::Int, field;
        FiledDomains = "filed_domains": Ty::Int, field;
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), field;
        IsUnit = "is_unit": Ty::Bool, "单位主体", "a unit (not an individual)";
        CityInProvince = "city_in_province": Ty::Bool, "城市属于所选省份", "city lies in the province";
        DistrictInCity = "district_in_city": Ty::Bool, "区县属于所选城市", "district lies in the city";
        CityHasDistricts = "city_has_districts": Ty::Bool, "所在城市下设区县", "the city has districts";
        CityPinyin = "city_pinyin": Ty::TextList, "城市拼音可指的城市", "cities the city's pinyin may name";
        DistrictPinyin = "district_pinyin": Ty::TextList, "区县拼音可指的区县", "districts the district's pinyin may name";
        UsccType = "uscc_type": Ty::Text, "统一社会信用代码登记管理部门和机构类别", "credit code registration authority and type";
        CertificateInProvince = "certificate_in_province": Ty::Bool, "证件登记地在本省", "certificate registered in the province";
        CertificateRegionProvince = "certificate_region_province": Ty::Province, "证件登记地省份", "province of the certificate's registration";
        SelfEmployed = "self_employed": Ty::Bool, "个体工商户", "self-employed business";
        CityAreaCodes = "city_area_codes": Ty::TextList, "所在城市的长途区号", "area codes of the city";
        AddressInCity = "address_in_city": Ty::Bool, "通信地址在所在城市", "communications address lies in the city";
        CertificateAddressInCity = "certificate_address_in_city": Ty::Bool, "证件住所在所在城市", "certificate address lies in the city";
    }
}

fact_enum! {
    /// Facts of a principal: `principal.*`, `subject.principal.*`, `website.principal.*`.
    PrincipalFact in Principal {
        Present = "present": Ty::Bool, "已填写负责人", "principal given";
        SameAsSubject = "same_as_subject": Ty::Bool, field;
        Name = "name": Ty::Text, field;
        IdType = "id_type": Ty::Choice(C::IdType), field;
        IdNumber = "id_number": Ty::Text, field;
        IdExpires = "id_expires": Ty::Date, field;
        IdLongTerm = "id_long_term": Ty::Bool, "证件长期有效", "ID valid without end";
        OfficePhone = "office_phone": Ty::Text, field;
        Mobile = "mobile": Ty::Text, field;
        EmergencyPhone = "emergency_phone": Ty::Text, field;
        Email = "email": Ty::Text, field;
        LegalRepresentative = "legal_representative": Ty::Bool, field;
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), field;
        BirthDate = "birth_date": Ty::Date, "出生日期", "date of birth";
        Age = "age": Ty::Int, "年龄", "age";
        IdProvince = "id_province": Ty::Province, "身份证签发地省份", "province that issued the ID";
        IdLocal = "id_local": Ty::Bool, "本省身份证", "ID issued in the subject's province";
        IdCity = "id_city": Ty::Text, "身份证签发地城市", "city that issued the ID";
        AddressInIdCity = "address_in_id_city": Ty::Bool, "通信地址在身份证签发地城市", "communications address lies in the ID's city";
        OfficeAreaCode = "office_area_code": Ty::Text, "办公电话区号", "office phone area code";
        OfficeIsMobile = "office_is_mobile": Ty::Bool, "办公电话为手机号", "office phone is a mobile number";
        OfficeAreaInCity = "office_area_in_city": Ty::Bool, "办公电话区号属于所在城市", "office phone area code belongs to the city";
        OfficeAreaCities = "office_area_cities": Ty::TextList, "使用办公电话区号的城市", "cities that use the office phone's area code";
        IsSubjectPrincipal = "is_subject_principal": Ty::Bool, "与主体负责人为同一人", "the same person as the subject principal";
        MobileProvince = "mobile_province": Ty::Province, "手机号码归属省份", "province the mobile was issued in";
        MobileRegion = "mobile_region": Ty::Text, "手机号码归属地", "place the mobile was issued in";
        MobileLocal = "mobile_local": Ty::Bool, "手机号码归属本省", "mobile issued in the filing's province";
    }
}

fact_enum! {
    /// Facts of a website: `website.*`.
    WebsiteFact in Website {
        Index = "index": Ty::Int, "网站序号", "website index";
        Name = "name": Ty::Text, field;
        Domains = "domains": Ty::TextList, field;
        Homepages = "homepages": Ty::TextList, field;
        Service = "service": Ty::Choice(C::Service), field;
        Preapprovals = "preapprovals": Ty::ChoiceList(C::Preapproval), field;
        Languages = "languages": Ty::TextList, field;
        Note = "note": Ty::Text, field;
        IcpNumber = "icp_number": Ty::Text, field;
        Filed = "filed": Ty::Bool, "已备案网站", "already filed";
        HostingType = "hosting_type": Ty::Choice(C::HostingType), "接入方式", "hosting type";
        Ips = "ips": Ty::TextList, "IP 地址", "IP addresses";
        Documents = "documents": Ty::ChoiceList(C::DocumentKind), field;
        DomainCount = "domain_count": Ty::Int, "域名数量", "the number of domains";
        IpCount = "ip_count": Ty::Int, "IP 地址数量", "the number of IP addresses";
        HomepageCount = "homepage_count": Ty::Int, "首页地址数量", "the number of homepages";
        DistinctPrefixes = "distinct_prefixes": Ty::Int, "不同域名前缀数量", "the number of distinct domain prefixes";
        NameLength = "name_length": Ty::Int, "网站名称字数", "the length of the website name";
        NameHanCount = "name_han_count": Ty::Int, "网站名称汉字数", "the number of Chinese characters in the website name";
        NameSymbols = "name_symbols": Ty::Text, "网站名称中的符号", "symbols in the website name";
        NameRepeated = "name_repeated": Ty::Bool, "与前面的网站同名", "named like an earlier website of the filing";
        NameRelatesToSubject = "name_relates_to_subject": Ty::Bool, "网站名称与主办单位名称相关", "website name relates to the subject's name";
        NameCore = "name_core": Ty::Text, "网站名称去掉“网站”等字样", "website name without words such as 网站";
        NameIsPlace = "name_is_place": Ty::Bool, "网站名称是地名", "website name is a place name";
    }
}

fact_enum! {
    /// Facts of a domain: `domain.*`.
    DomainFact in Domain {
        Index = "index": Ty::Int, "域名序号", "domain index";
        Name = "name": Ty::Text, field;
        Holder = "holder": Ty::Text, field;
        Expires = "expires": Ty::Date, field;
        Registrar = "registrar": Ty::Text, field;
        Privacy = "privacy": Ty::Bool, field;
        RegistrarKnown = "registrar_known": Ty::Bool, "注册商在注册商表中", "registrar is in the table of registrars";
        RegistrarForeign = "registrar_foreign": Ty::Bool, "境外域名注册商", "registrar based outside mainland China";
        Suffix = "suffix": Ty::Text, "域名后缀", "domain suffix";
        Prefix = "prefix": Ty::Text, "域名前缀", "domain prefix";
        Registrable = "registrable": Ty::Text, "可注册域名", "registrable domain";
        Duplicate = "duplicate": Ty::Bool, "重复的域名", "listed before in this filing";
    }
}

fact_enum! {
    /// Facts of a homepage: `homepage.*`.
    HomepageFact in Website {
        Url = "url": Ty::Text, "首页地址", "homepage";
        InDomains = "in_domains": Ty::Bool, "首页在网站域名内", "homepage lies in the website's domains";
    }
}

fact_enum! {
    /// Facts of a declared pre-approval: `preapproval.*`.
    PreapprovalFact in Website {
        Category = "category": Ty::Choice(C::Preapproval), "前置审批类别", "pre-approval category";
    }
}

fact_enum! {
    /// Facts of an IP address: `ip.*`.
    IpFact in Hosting {
        Address = "address": Ty::Text, "IP 地址", "IP address";
    }
}

fact_enum! {
    /// Facts of a declared document: `document.*`. The file facts are read
    /// from the file's size and first bytes, never the whole image; they are
    /// unknown when the filing was not read from a directory.
    DocumentFact in Document {
        Kind = "kind": Ty::Choice(C::DocumentKind), field;
        KindKnown = "kind_known": Ty::Bool, "材料类型可识别", "document kind is known";
        File = "file": Ty::Text, field;
        Domain = "domain": Ty::Text, field;
        Category = "category": Ty::Choice(C::Preapproval), field;
        IssuedOn = "issued_on": Ty::Date, field;
        ValidUntil = "valid_until": Ty::Date, field;
        Exists = "exists": Ty::Bool, "文件存在", "the file exists";
        Size = "size": Ty::Int, "文件大小（字节）", "file size in bytes";
        IsJpeg = "is_jpeg": Ty::Bool, "文件是 JPEG 图片", "the file is a JPEG image";
        SharedFile = "shared_file": Ty::Bool, "文件也登记为另一类材料", "the file is also declared as another kind of document";
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
    /// `document.*`.
    Document(DocumentFact),
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
            "document" => Fact::Document(DocumentFact::parse(rest)?),
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
        push("document", &mut DocumentFact::ALL.iter().map(|f| f.key()));
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
            Fact::Document(f) => format!("document.{}", f.key()),
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
            Fact::Document(f) => f.ty(),
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
                    Who::Current => return Text::new(zh, en),
                    Who::Subject => ("主体负责人", "subject principal"),
                    Who::Website => ("网站负责人", "website principal"),
                };
                // "负责人姓名" of the subject principal is "主体负责人姓名", not
                // "主体负责人负责人姓名"; a label that is a predicate ("is the
                // legal representative") follows the person.
                let zh = zh.strip_prefix("负责人").unwrap_or(zh);
                let en = match en.strip_prefix("principal's ") {
                    Some(rest) => format!("{pen}'s {rest}"),
                    None if en.starts_with("is ") || en.starts_with("the same") => {
                        format!("{pen} {en}")
                    }
                    None => format!("{pen}'s {en}"),
                };
                return Text::new(format!("{pzh}{zh}"), en);
            }
            Fact::Website(f) => f.label(),
            Fact::Domain(f) => f.label(),
            Fact::Homepage(f) => f.label(),
            Fact::Preapproval(f) => f.label(),
            Fact::Ip(f) => f.label(),
            Fact::Document(f) => f.label(),
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
            Fact::Document(_) => Level::Document,
        }
    }

    /// Whether a rule iterating `each` can read this fact.
    pub fn available_in(self, each: Each) -> bool {
        each.has(self.level())
    }
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

    /// Every fact named like a field of its table is that field: labelled
    /// by the field table, typed like the field.
    #[test]
    fn facts_named_like_a_field_are_the_field() {
        fn agree(ty: Ty, field: fields::Type) -> bool {
            use fields::Type as F;
            match (ty, field) {
                (Ty::Text, F::Text) | (Ty::Bool, F::Bool) | (Ty::Int, F::Version | F::Count) => {
                    true
                }
                (Ty::Province, F::Province) => true,
                (Ty::Date, F::Date | F::Expiry) => true,
                (Ty::TextList, F::TextList | F::Domains) => true,
                (Ty::Choice(a), F::Choice(b)) | (Ty::ChoiceList(a), F::ChoiceList(b)) => a == b,
                (Ty::ChoiceList(C::DocumentKind), F::Tables(Table::Document)) => true,
                _ => false,
            }
        }
        fn check<E: Copy + std::fmt::Debug>(
            all: &[E],
            table: Table,
            key: fn(E) -> &'static str,
            ty: fn(E) -> Ty,
            label: fn(E) -> (&'static str, &'static str),
        ) -> usize {
            let mut n = 0;
            for &fact in all {
                let Some(field) = table.field(key(fact)) else {
                    continue;
                };
                assert_eq!(label(fact), (field.label.zh, field.label.en), "{fact:?}");
                assert!(
                    agree(ty(fact), field.ty),
                    "{fact:?}: {:?} {:?}",
                    ty(fact),
                    field.ty
                );
                n += 1;
            }
            n
        }
        macro_rules! check {
            ($e:ident) => {
                check($e::ALL, $e::TABLE, $e::key, $e::ty, $e::label)
            };
        }
        let n = check!(FilingFact)
            + check!(SubjectFact)
            + check!(PrincipalFact)
            + check!(WebsiteFact)
            + check!(DomainFact)
            + check!(HomepageFact)
            + check!(PreapprovalFact)
            + check!(IpFact)
            + check!(DocumentFact);
        assert!(n >= 40, "only {n} facts are fields");
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
