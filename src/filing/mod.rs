//! The filing model (docs/filing-format.md): one filing file, typed, with the source span of
//! every value so each finding can point at the exact text.
//!
//! Every field is optional in the model: a missing or malformed value is a
//! finding of a rule (`require`, `wrong-type`, …), never a reason to stop, so
//! the rest of the filing is still checked.
//!
//! The fields themselves — keys, types, labels — are declared once in
//! [`fields`]; [`load`] reads a file into the model, [`draft`] writes one.

pub mod draft;
pub mod fields;
pub mod load;
pub mod vocab;

use std::ops::Range;

use jiff::civil::Date;

pub use load::{Loaded, load};
pub use vocab::{
    CertificateType, Choices, FilingType, HostingType, IdType, Nature, Preapproval, Service,
    Vocabulary,
};

use crate::data::Province;

/// A byte range in the filing's source text.
pub type Span = Range<usize>;

/// A value with the span of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// A value at a span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// An optional spanned value: absent when the key is missing or its value
/// could not be read.
pub type Field<T> = Option<Spanned<T>>;

/// The end of a document's validity: a date, or 长期 (no end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    /// Valid until this day.
    Date(Date),
    /// 长期: valid without end.
    LongTerm,
}

/// One filing file.
#[derive(Clone, Debug, Default)]
pub struct Filing {
    /// `version`: the format version.
    pub version: Field<i64>,
    /// `type`: 备案类型.
    pub filing_type: Field<FilingType>,
    /// `prepared_on`: the date the filing was prepared, the default as-of date.
    pub prepared_on: Field<Date>,
    /// `[subject]`: 主办单位; `None` when the table is missing.
    pub subject: Option<Subject>,
    /// `[[websites]]`.
    pub websites: Vec<Website>,
    /// Span of the first `[[websites]]` header or of the `websites` key.
    pub websites_span: Option<Span>,
    /// `[[waive]]`: warnings the filing waives, each with its reason.
    pub waivers: Vec<Waiver>,
}

/// `[[waive]]`: a warning-level rule this filing waives, with the reason
/// written down (the engine drops the rule's warnings and infos, and
/// reports a waiver that cannot or does not apply).
#[derive(Clone, Debug, Default)]
pub struct Waiver {
    /// Span of the `[[waive]]` header (or the inline table).
    pub span: Span,
    /// The id of the waived rule.
    pub rule: Field<String>,
    /// Why the filing may go without it.
    pub reason: Field<String>,
}

/// `[subject]`: the filing subject (主办单位 or the individual).
#[derive(Clone, Debug, Default)]
pub struct Subject {
    /// Span of the `[subject]` header (or its key).
    pub span: Span,
    /// The province the subject files in.
    pub province: Field<&'static Province>,
    /// City (地级市); for municipalities the municipality itself.
    pub city: Field<String>,
    /// District or county.
    pub district: Field<String>,
    /// 主办单位性质.
    pub nature: Field<Nature>,
    /// 证件类型 (units only).
    pub certificate_type: Field<CertificateType>,
    /// 证件号码 (units only).
    pub certificate_number: Field<String>,
    /// Validity of the unit certificate.
    pub certificate_expires: Field<Expiry>,
    /// 主办单位名称 (for individuals: the person's name).
    pub name: Field<String>,
    /// 证件住所.
    pub certificate_address: Field<String>,
    /// 投资人或主管单位 (units only).
    pub investor: Field<String>,
    /// 经营范围 (units, optional).
    pub business_scope: Field<String>,
    /// The legal representative's name (法定代表人, units, optional).
    pub legal_representative: Field<String>,
    /// 通信地址.
    pub address: Field<String>,
    /// 主体信息备注.
    pub note: Field<String>,
    /// The existing subject filing number.
    pub icp_number: Field<String>,
    /// 已备案网站数: websites filed under the subject before this filing.
    pub filed_websites: Field<u32>,
    /// 已备案域名数: domains filed under the subject before this filing.
    pub filed_domains: Field<u32>,
    /// Documents of the subject (the unit certificate).
    pub documents: Documents,
    /// `[subject.principal]`: 主体负责人.
    pub principal: Option<Principal>,
}

/// A person responsible for the subject or a website (负责人).
#[derive(Clone, Debug, Default)]
pub struct Principal {
    /// Span of the table header (or its key).
    pub span: Span,
    /// `same_as_subject = true`: a website principal who is the subject's.
    pub same_as_subject: Field<bool>,
    /// Name.
    pub name: Field<String>,
    /// Identity document type.
    pub id_type: Field<IdType>,
    /// Identity document number.
    pub id_number: Field<String>,
    /// Identity document validity.
    pub id_expires: Field<Expiry>,
    /// 办公电话, written `086-<area code>-<number>`.
    pub office_phone: Field<String>,
    /// 手机号码.
    pub mobile: Field<String>,
    /// 应急联系电话.
    pub emergency_phone: Field<String>,
    /// 电子邮箱.
    pub email: Field<String>,
    /// Whether this person is the legal representative (法定代表人).
    pub legal_representative: Field<bool>,
    /// Documents of this person (ID scans, letters of authorization…).
    pub documents: Documents,
}

/// `[[websites]]`: one website of the filing.
#[derive(Clone, Debug, Default)]
pub struct Website {
    /// Span of the `[[websites]]` header (or the inline table).
    pub span: Span,
    /// 网站名称.
    pub name: Field<String>,
    /// 网站域名.
    pub domains: Vec<DomainEntry>,
    /// Span of the `domains` array.
    pub domains_span: Option<Span>,
    /// 网站首页地址.
    pub homepages: Vec<Spanned<String>>,
    /// 网站服务内容.
    pub service: Field<Service>,
    /// 前置审批 categories.
    pub preapprovals: Vec<Spanned<Preapproval>>,
    /// 网站语言.
    pub languages: Vec<Spanned<String>>,
    /// 网站备注.
    pub note: Field<String>,
    /// How it is hosted.
    pub hosting: Option<Hosting>,
    /// The website's own filing number when it is already filed.
    pub icp_number: Field<String>,
    /// Documents of the website (verification sheet, domain certificates…).
    pub documents: Documents,
    /// `[websites.principal]`: 网站负责人.
    pub principal: Option<Principal>,
}

/// A domain of a website: a plain string or a table with holder and expiry.
#[derive(Clone, Debug, Default)]
pub struct DomainEntry {
    /// Span of the whole entry.
    pub span: Span,
    /// The domain name as written.
    pub name: Field<String>,
    /// 域名持有者.
    pub holder: Field<String>,
    /// The domain's expiry date.
    pub expires: Field<Date>,
    /// The registrar (域名注册商), as its name is written.
    pub registrar: Field<String>,
    /// Whether WHOIS privacy protection (隐私保护) is on.
    pub privacy: Field<bool>,
}

/// `hosting = { … }`.
#[derive(Clone, Debug, Default)]
pub struct Hosting {
    /// Span of the table.
    pub span: Span,
    /// The kind of resource.
    pub kind: Field<HostingType>,
    /// Public IP addresses.
    pub ips: Vec<Spanned<String>>,
    /// The authorisation code for `authorization-code` hosting.
    pub code: Field<String>,
}

/// The `documents` array of a table.
#[derive(Clone, Debug, Default)]
pub struct Documents {
    /// Span of the `documents` key's value, when present.
    pub span: Option<Span>,
    /// The declared documents.
    pub items: Vec<Document>,
}

/// One declared document (docs/filing-format.md).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Span of the entry.
    pub span: Span,
    /// The kind as written (key or Chinese label; rule files may add kinds).
    pub kind: Field<String>,
    /// The file, relative to the filing's directory.
    pub file: Field<String>,
    /// For pre-approval documents: the category.
    pub category: Field<Preapproval>,
    /// For documents kept per domain: which domain.
    pub domain: Field<String>,
    /// The date the document was issued or signed (签发日期).
    pub issued_on: Field<Date>,
    /// The last day the document is valid (有效期至).
    pub valid_until: Field<Date>,
}

/// The table a declared document is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocTable {
    /// `subject.documents`.
    Subject,
    /// A principal's `documents`.
    Principal(Owner),
    /// `websites[i].documents`.
    Website(usize),
}

impl DocTable {
    /// The field path of the `documents` array.
    pub fn path(self) -> String {
        match self {
            DocTable::Subject => "subject.documents".into(),
            DocTable::Principal(owner) => format!("{}.documents", owner.path()),
            DocTable::Website(i) => format!("websites[{i}].documents"),
        }
    }
}

/// Which person a principal table belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// `subject.principal`.
    Subject,
    /// `websites[i].principal`.
    Website(usize),
}

impl Owner {
    /// The field path of the principal table.
    pub fn path(self) -> String {
        match self {
            Owner::Subject => "subject.principal".to_owned(),
            Owner::Website(i) => format!("websites[{i}].principal"),
        }
    }
}

impl Filing {
    /// Every declared document, of the subject, its principal, each website
    /// and each website's principal, in file order.
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        let subject = self.subject.iter().flat_map(|s| {
            s.documents
                .items
                .iter()
                .chain(s.principal.iter().flat_map(|p| p.documents.items.iter()))
        });
        let websites = self.websites.iter().flat_map(|w| {
            w.documents
                .items
                .iter()
                .chain(w.principal.iter().flat_map(|p| p.documents.items.iter()))
        });
        subject.chain(websites)
    }

    /// The subject principal, when given.
    pub fn subject_principal(&self) -> Option<&Principal> {
        self.subject.as_ref()?.principal.as_ref()
    }

    /// The principal table of an owner.
    pub fn principal(&self, owner: Owner) -> Option<&Principal> {
        match owner {
            Owner::Subject => self.subject_principal(),
            Owner::Website(i) => self.websites.get(i)?.principal.as_ref(),
        }
    }

    /// The person who is a website's principal: the subject principal when the
    /// website says `same_as_subject` (or gives no principal in a personal
    /// filing), else its own table.
    pub fn website_principal(&self, index: usize) -> Option<(Owner, &Principal)> {
        let site = self.websites.get(index)?;
        match &site.principal {
            Some(p) if !p.is_same_as_subject() => Some((Owner::Website(index), p)),
            Some(_) => self.subject_principal().map(|p| (Owner::Subject, p)),
            None if self.nature() == Some(Nature::Personal) => {
                self.subject_principal().map(|p| (Owner::Subject, p))
            }
            None => None,
        }
    }

    /// The subject's nature, when known.
    pub fn nature(&self) -> Option<Nature> {
        Some(self.subject.as_ref()?.nature.as_ref()?.value)
    }

    /// The subject's province, when known.
    pub fn province(&self) -> Option<&'static Province> {
        Some(self.subject.as_ref()?.province.as_ref()?.value)
    }
}

impl Principal {
    /// Whether this table only says `same_as_subject = true`.
    pub fn is_same_as_subject(&self) -> bool {
        self.same_as_subject.as_ref().is_some_and(|s| s.value)
    }
}
