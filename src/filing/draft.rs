//! A filing being written: the wizard's answers so far, or a template.
//!
//! A draft renders to the format of docs/filing-format.md with a short comment naming
//! each field in the language asked for (the comments of the field table,
//! [`super::fields`]); it is
//! the loader's inverse: what it writes, [`super::load`] reads back. It is
//! checked one field at a time by rendering it, loading
//! the text and running the same rules as `validate` ([`Draft::check`]): the
//! wizard can never accept an answer that `validate` would then refuse.

use jiff::civil::Date;

use crate::Lang;
use crate::data::Province;
use crate::filing::fields::{Table, Words};
use crate::filing::{
    CertificateType, DocTable, FilingType, HostingType, IdType, Nature, Owner, Preapproval,
    Service, Vocabulary,
};

/// A filing under construction. Every field the user has not answered yet
/// is `None` (or empty) and left out of the rendered file.
#[derive(Clone, Debug)]
pub struct Draft {
    pub filing_type: FilingType,
    pub prepared_on: Date,
    pub subject: SubjectDraft,
    pub websites: Vec<WebsiteDraft>,
}

/// `[subject]`.
#[derive(Clone, Debug, Default)]
pub struct SubjectDraft {
    pub province: Option<&'static Province>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub nature: Option<Nature>,
    pub certificate_type: Option<CertificateType>,
    pub certificate_number: Option<String>,
    /// A date (`2035-01-01`) or `长期`.
    pub certificate_expires: Option<String>,
    pub name: Option<String>,
    pub certificate_address: Option<String>,
    pub investor: Option<String>,
    pub business_scope: Option<String>,
    pub legal_representative: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
    pub icp_number: Option<String>,
    /// Websites and domains filed under the subject before (change and
    /// add-website filings).
    pub filed_websites: Option<u32>,
    pub filed_domains: Option<u32>,
    pub documents: Vec<DocumentDraft>,
    pub principal: PrincipalDraft,
}

/// `[subject.principal]` or `[websites.principal]`.
#[derive(Clone, Debug, Default)]
pub struct PrincipalDraft {
    pub name: Option<String>,
    pub id_type: Option<IdType>,
    pub id_number: Option<String>,
    /// A date or `长期`.
    pub id_expires: Option<String>,
    pub office_phone: Option<String>,
    pub mobile: Option<String>,
    pub emergency_phone: Option<String>,
    pub email: Option<String>,
    pub legal_representative: Option<bool>,
    pub documents: Vec<DocumentDraft>,
}

/// One `[[websites]]` entry.
#[derive(Clone, Debug, Default)]
pub struct WebsiteDraft {
    pub name: Option<String>,
    pub domains: Vec<String>,
    /// The holder of the domains (each written as a table with it).
    pub domain_holder: Option<String>,
    /// The domains' expiry date, `YYYY-MM-DD`.
    pub domain_expires: Option<String>,
    /// The domains' registrar, asked where a province refuses foreign ones.
    pub domain_registrar: Option<String>,
    pub homepages: Vec<String>,
    pub service: Option<Service>,
    pub preapprovals: Vec<Preapproval>,
    pub languages: Vec<String>,
    pub note: Option<String>,
    pub hosting: Option<HostingDraft>,
    pub documents: Vec<DocumentDraft>,
    /// `None` is `same_as_subject = true`.
    pub principal: Option<PrincipalDraft>,
}

/// `hosting = { … }`.
#[derive(Clone, Debug)]
pub struct HostingDraft {
    pub kind: HostingType,
    pub ips: Vec<String>,
    pub code: Option<String>,
}

/// One entry of a `documents` array.
#[derive(Clone, Debug)]
pub struct DocumentDraft {
    pub kind: String,
    pub file: String,
    pub domain: Option<String>,
    pub category: Option<String>,
    /// `issued_on`, `YYYY-MM-DD`.
    pub issued_on: Option<String>,
    /// `valid_until`, `YYYY-MM-DD`.
    pub valid_until: Option<String>,
}

/// How [`Draft::render`] writes what is not answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A filing: unanswered fields are left out.
    Filing,
    /// A template to fill in by hand: every field is written, a required one
    /// as `""` marked 必填 (required), an optional one commented out.
    Template,
}

impl Draft {
    /// An empty draft of a filing type, prepared on a date.
    pub fn new(filing_type: FilingType, prepared_on: Date) -> Draft {
        Draft {
            filing_type,
            prepared_on,
            subject: SubjectDraft::default(),
            websites: Vec::new(),
        }
    }

    /// A template for a province and nature: the fields that follow from
    /// them are filled in, one website with its principal is laid out.
    pub fn template(
        filing_type: FilingType,
        province: &'static Province,
        nature: Nature,
        prepared_on: Date,
    ) -> Draft {
        let mut d = Draft::new(filing_type, prepared_on);
        d.subject.province = Some(province);
        d.subject.nature = Some(nature);
        d.subject.certificate_type = certificate_types(nature).first().copied();
        d.subject.principal.id_type = Some(IdType::IdCard);
        if province.municipality {
            d.subject.city = Some(province.name.to_string());
        }
        d.websites.push(WebsiteDraft {
            languages: vec!["zh-CN".into()],
            service: Some(if nature == Nature::Personal {
                Service::Other
            } else {
                Service::EnterprisePortal
            }),
            ..WebsiteDraft::default()
        });
        d
    }

    /// The `documents` array of a table, when the draft has that table.
    pub fn documents_mut(&mut self, table: DocTable) -> Option<&mut Vec<DocumentDraft>> {
        match table {
            DocTable::Subject => Some(&mut self.subject.documents),
            DocTable::Principal(Owner::Subject) => Some(&mut self.subject.principal.documents),
            DocTable::Principal(Owner::Website(i)) => self
                .websites
                .get_mut(i)?
                .principal
                .as_mut()
                .map(|p| &mut p.documents),
            DocTable::Website(i) => Some(&mut self.websites.get_mut(i)?.documents),
        }
    }

    /// Whether the subject is a person.
    pub fn is_personal(&self) -> bool {
        self.subject.nature == Some(Nature::Personal)
    }

    /// The filing as TOML text, its comments in `lang`.
    pub fn render(&self, mode: Mode, lang: Lang) -> String {
        let mut w = Writer {
            out: String::new(),
            mode,
            lang,
        };
        let personal = self.is_personal();
        let unit = !personal;
        w.comment(&match (mode, self.subject.name.as_deref(), lang) {
            (Mode::Template, _, Lang::Zh) => {
                "ICP 备案模板：填写每个空值（\"\"），再运行 icp validate 检查。".into()
            }
            (Mode::Template, _, Lang::En) => {
                "ICP filing template: fill in every empty value (\"\"), then check it with icp validate.".into()
            }
            (Mode::Filing, Some(name), Lang::Zh) => format!("{name}的 ICP 备案，由 icp new 生成。"),
            (Mode::Filing, Some(name), Lang::En) => {
                format!("The ICP filing of {name}, written by icp new.")
            }
            (Mode::Filing, None, Lang::Zh) => "ICP 备案，由 icp new 生成。".into(),
            (Mode::Filing, None, Lang::En) => "An ICP filing, written by icp new.".into(),
        });
        let comment = |table, key| individual_comment(table, key, false, lang);
        let with_value = |c: String, v: Option<&str>| with_value(c, v, lang);
        let top = |key| comment(Table::Top, key);
        w.raw("version", "1", &top("version"));
        w.raw(
            "type",
            &quote(self.filing_type.key()),
            &with_value(top("type"), Some(self.filing_type.label(lang))),
        );
        w.raw(
            "prepared_on",
            &self.prepared_on.to_string(),
            &top("prepared_on"),
        );

        let s = &self.subject;
        let sub = |key| comment(Table::Subject, key);
        w.table("subject", &top("subject"));
        w.field(
            "province",
            s.province.map(|p| quote(p.code)),
            &with_value(
                sub("province"),
                s.province.map(|p| p.name_in(lang)).as_deref(),
            ),
            Need::Required,
        );
        w.string("city", s.city.as_deref(), &sub("city"), Need::Required);
        w.string(
            "district",
            s.district.as_deref(),
            &sub("district"),
            Need::Optional,
        );
        w.field(
            "nature",
            s.nature.map(|n| quote(n.key())),
            &with_value(sub("nature"), s.nature.map(|n| n.label(lang))),
            Need::Required,
        );
        if unit {
            let mut label = with_value(
                sub("certificate_type"),
                s.certificate_type.map(|t| t.label(lang)),
            );
            if mode == Mode::Template
                && let Some(n) = s.nature
                && certificate_types(n).len() > 1
            {
                let others: Vec<&str> = certificate_types(n).iter().map(|t| t.key()).collect();
                label = match lang {
                    Lang::Zh => format!("{label}（可选 {}）", others.join(" | ")),
                    Lang::En => format!("{label} (one of {})", others.join(" | ")),
                };
            }
            w.field(
                "certificate_type",
                s.certificate_type.map(|t| quote(t.key())),
                &label,
                Need::Required,
            );
            w.string(
                "certificate_number",
                s.certificate_number.as_deref(),
                &sub("certificate_number"),
                Need::Required,
            );
            w.field(
                "certificate_expires",
                s.certificate_expires.as_deref().map(date_or_string),
                &sub("certificate_expires"),
                Need::Optional,
            );
        }
        w.string(
            "name",
            s.name.as_deref(),
            &individual_comment(Table::Subject, "name", personal, lang),
            Need::Required,
        );
        if unit {
            w.string(
                "certificate_address",
                s.certificate_address.as_deref(),
                &sub("certificate_address"),
                Need::Required,
            );
            w.string(
                "investor",
                s.investor.as_deref(),
                &sub("investor"),
                Need::Required,
            );
            w.string(
                "business_scope",
                s.business_scope.as_deref(),
                &sub("business_scope"),
                Need::Optional,
            );
            w.string(
                "legal_representative",
                s.legal_representative.as_deref(),
                &sub("legal_representative"),
                Need::Optional,
            );
        }
        w.string(
            "address",
            s.address.as_deref(),
            &sub("address"),
            Need::Required,
        );
        w.string(
            "note",
            Some(s.note.as_deref().unwrap_or("")),
            &sub("note"),
            Need::Optional,
        );
        if self.filing_type != FilingType::New {
            w.string(
                "icp_number",
                s.icp_number.as_deref(),
                &sub("icp_number"),
                Need::Required,
            );
        }
        if matches!(
            self.filing_type,
            FilingType::Change | FilingType::AddWebsite
        ) {
            for (key, value) in [
                ("filed_websites", s.filed_websites),
                ("filed_domains", s.filed_domains),
            ] {
                w.field(
                    key,
                    value.map(|n| n.to_string()),
                    &sub(key),
                    Need::OptionalTyped("0"),
                );
            }
        }
        w.documents(
            &s.documents,
            &individual_comment(Table::Subject, "documents", personal, lang),
        );

        w.table("subject.principal", &sub("principal"));
        w.principal(&s.principal, unit);

        let c = |key| comment(Table::Website, key);
        for (i, site) in self.websites.iter().enumerate() {
            w.array_table("websites", &format!("{} {}", top("websites"), i + 1));
            w.string("name", site.name.as_deref(), &c("name"), Need::Required);
            w.field(
                "domains",
                (!site.domains.is_empty()).then(|| domain_list(site)),
                &c("domains"),
                Need::Typed("[\"\"]"),
            );
            w.field(
                "homepages",
                (!site.homepages.is_empty()).then(|| list(&site.homepages)),
                &c("homepages"),
                Need::Typed("[\"\"]"),
            );
            w.field(
                "service",
                site.service.map(|v| quote(v.key())),
                &with_value(c("service"), site.service.map(|v| v.label(lang))),
                Need::Required,
            );
            let keys: Vec<String> = site.preapprovals.iter().map(|p| p.key().into()).collect();
            let names: Vec<&str> = site.preapprovals.iter().map(|p| p.label(lang)).collect();
            let names = match (names.is_empty(), lang) {
                (true, Lang::Zh) => "无".to_owned(),
                (true, Lang::En) => "none".to_owned(),
                (false, Lang::Zh) => names.join("、"),
                (false, Lang::En) => names.join(", "),
            };
            w.raw(
                "preapprovals",
                &list(&keys),
                &with_value(c("preapprovals"), Some(&names)),
            );
            w.field(
                "languages",
                (!site.languages.is_empty()).then(|| list(&site.languages)),
                &c("languages"),
                Need::Required,
            );
            w.string(
                "note",
                Some(site.note.as_deref().unwrap_or("")),
                &c("note"),
                Need::Optional,
            );
            // Unanswered, a template shows both ways of writing it.
            let hosting_value = match (&site.hosting, lang) {
                (Some(h), _) => h.kind.label(lang),
                (None, Lang::Zh) => "云服务器，或 { type = \"authorization-code\", code = \"…\" }",
                (None, Lang::En) => {
                    "a cloud server, or { type = \"authorization-code\", code = \"…\" }"
                }
            };
            w.field(
                "hosting",
                site.hosting.as_ref().map(hosting),
                &with_value(c("hosting"), Some(hosting_value)),
                Need::Typed("{ type = \"cloud-server\", ips = [\"\"] }"),
            );
            w.documents(&site.documents, &c("documents"));
            if unit {
                w.array_subtable("websites.principal", &c("principal"));
                match &site.principal {
                    None => w.raw(
                        "same_as_subject",
                        "true",
                        &comment(Table::Principal, "same_as_subject"),
                    ),
                    Some(p) => w.principal(p, unit),
                }
            }
        }
        w.out
    }
}

/// Whether a finding's path is `path` or lies below it.
pub fn is_within(finding: &str, path: &str) -> bool {
    finding
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The certificate types a nature may use (docs/filing-format.md), the usual one first.
pub fn certificate_types(nature: Nature) -> &'static [CertificateType] {
    use CertificateType as C;
    match nature {
        Nature::Personal => &[],
        Nature::Enterprise => &[C::BusinessLicense],
        Nature::Government => &[C::UnifiedCodeCertificate, C::OrganizationCode],
        Nature::Institution => &[C::InstitutionCertificate],
        Nature::SocialGroup => &[C::SocialGroupCertificate],
        Nature::PrivateNonEnterprise => &[C::PrivateNonEnterpriseCertificate],
        Nature::Foundation => &[C::FoundationCertificate],
        Nature::LawFirm => &[C::LawFirmLicense],
        Nature::Military => &[C::MilitaryCode],
    }
}

/// Whether a field must be there, and what a template writes for it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Required; a template writes `""`.
    Required,
    /// Required and not a string; a template writes this value of the right
    /// type, so that the template loads without type errors.
    Typed(&'static str),
    /// Asked for by a warning, not an error: a template writes `""`, marked
    /// recommended.
    Recommended,
    /// Optional; a template writes it commented out.
    Optional,
    /// Optional and not a string; a template writes it commented out with
    /// this value of the right type.
    OptionalTyped(&'static str),
}

/// Writes `key = value   # comment` lines with the comments aligned.
struct Writer {
    out: String,
    mode: Mode,
    lang: Lang,
}

/// The column comments start at, as in the shipped examples.
const COMMENT_COLUMN: usize = 29;

impl Writer {
    fn comment(&mut self, text: &str) {
        self.out.push_str("# ");
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn line(&mut self, code: &str, comment: &str) {
        self.out.push_str(code);
        let width = unicode_width::UnicodeWidthStr::width(code);
        let pad = COMMENT_COLUMN.saturating_sub(width).max(2);
        self.out.extend(std::iter::repeat_n(' ', pad));
        self.out.push_str("# ");
        self.out.push_str(comment);
        self.out.push('\n');
    }

    fn table(&mut self, name: &str, comment: &str) {
        self.out.push('\n');
        self.line(&format!("[{name}]"), comment);
    }

    fn array_table(&mut self, name: &str, comment: &str) {
        self.out.push('\n');
        self.line(&format!("[[{name}]]"), comment);
    }

    fn array_subtable(&mut self, name: &str, comment: &str) {
        self.table(name, comment);
    }

    fn raw(&mut self, key: &str, value: &str, comment: &str) {
        self.line(&format!("{key} = {value}"), comment);
    }

    /// A field that is written when known; in a template, a required one
    /// is written as `""` and an optional one commented out.
    fn field(&mut self, key: &str, value: Option<String>, comment: &str, need: Need) {
        match (value, self.mode, need) {
            (Some(v), _, _) => self.raw(key, &v, comment),
            (None, Mode::Filing, _) => {}
            (None, Mode::Template, Need::Required) => {
                self.raw(key, "\"\"", &self.marked(REQUIRED, comment));
            }
            (None, Mode::Template, Need::Typed(placeholder)) => {
                self.raw(key, placeholder, &self.marked(REQUIRED, comment));
            }
            (None, Mode::Template, Need::Recommended) => {
                self.raw(key, "\"\"", &self.marked(RECOMMENDED, comment));
            }
            (None, Mode::Template, Need::Optional) => {
                let marked = self.marked(OPTIONAL, comment);
                self.line(&format!("# {key} = \"\""), &marked);
            }
            (None, Mode::Template, Need::OptionalTyped(placeholder)) => {
                let marked = self.marked(OPTIONAL, comment);
                self.line(&format!("# {key} = {placeholder}"), &marked);
            }
        }
    }

    /// A comment with its mark (必填：…, required: …).
    fn marked(&self, mark: Words, comment: &str) -> String {
        format!("{}{comment}", mark.get(self.lang))
    }

    fn string(&mut self, key: &str, value: Option<&str>, comment: &str, need: Need) {
        self.field(key, value.map(quote), comment, need);
    }

    fn documents(&mut self, docs: &[DocumentDraft], comment: &str) {
        if docs.is_empty() {
            if self.mode == Mode::Template {
                let marked = self.marked(OPTIONAL, comment);
                self.line(
                    "# documents = [{ kind = \"…\", file = \"scans/….jpg\" }]",
                    &marked,
                );
            }
            return;
        }
        let entries: Vec<String> = docs.iter().map(document).collect();
        if entries.len() == 1 {
            self.raw("documents", &format!("[{}]", entries[0]), comment);
        } else {
            self.line("documents = [", comment);
            for e in entries {
                self.out.push_str(&format!("  {e},\n"));
            }
            self.out.push_str("]\n");
        }
    }

    fn principal(&mut self, p: &PrincipalDraft, unit: bool) {
        let lang = self.lang;
        let c = |key| individual_comment(Table::Principal, key, false, lang);
        self.string("name", p.name.as_deref(), &c("name"), Need::Required);
        let mut label = with_value(c("id_type"), p.id_type.map(|t| t.label(lang)), lang);
        if self.mode == Mode::Template {
            label.push_str(match lang {
                Lang::Zh => "（或 passport 护照、hk-macau-permit 港澳通行证等）",
                Lang::En => " (or passport, hk-macau-permit, …)",
            });
        }
        self.field(
            "id_type",
            p.id_type.map(|t| quote(t.key())),
            &label,
            Need::Required,
        );
        self.string(
            "id_number",
            p.id_number.as_deref(),
            &c("id_number"),
            Need::Required,
        );
        self.field(
            "id_expires",
            p.id_expires.as_deref().map(date_or_string),
            &c("id_expires"),
            Need::Optional,
        );
        self.string(
            "office_phone",
            p.office_phone.as_deref(),
            &c("office_phone"),
            // The rule asking for it is a warning: marked recommended.
            if unit {
                Need::Recommended
            } else {
                Need::Optional
            },
        );
        self.string("mobile", p.mobile.as_deref(), &c("mobile"), Need::Required);
        self.string(
            "emergency_phone",
            p.emergency_phone.as_deref(),
            &c("emergency_phone"),
            Need::Required,
        );
        self.string("email", p.email.as_deref(), &c("email"), Need::Required);
        if unit {
            self.field(
                "legal_representative",
                p.legal_representative.map(|b| b.to_string()),
                &c("legal_representative"),
                Need::Typed("true"),
            );
        }
        self.documents(&p.documents, &c("documents"));
    }
}

/// The marks of a template's required and optional fields.
const REQUIRED: Words = Words::new("必填：", "required: ");
/// A field a warning asks for: most providers want it, the filing is not
/// refused without it.
const RECOMMENDED: Words = Words::new(
    "建议填写（留空有警告）：",
    "recommended (a warning when empty): ",
);
const OPTIONAL: Words = Words::new("可选：", "optional: ");

/// The comment the field table gives a key of a table, in an individual's
/// filing or a unit's, in a language. Every key written here is in the table
/// (the tests walk a rendered draft); an unknown one would only go without
/// comment.
fn individual_comment(table: Table, key: &str, individual: bool, lang: Lang) -> String {
    table
        .field(key)
        .and_then(|f| f.comment_text(lang, individual))
        .unwrap_or_default()
}

/// `comment：value` once the value is known (`省份：广东省`, `province:
/// Guangdong`), else the comment.
fn with_value(comment: String, value: Option<&str>, lang: Lang) -> String {
    match (value, lang) {
        (Some(v), Lang::Zh) => format!("{comment}：{v}"),
        (Some(v), Lang::En) => format!("{comment}: {v}"),
        (None, _) => comment,
    }
}

/// A TOML basic string.
pub fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML array of strings.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A website's domains: strings, or tables `{ name, holder, expires,
/// registrar }` when the holder, the expiry date or the registrar is known.
fn domain_list(site: &WebsiteDraft) -> String {
    if site.domain_holder.is_none()
        && site.domain_expires.is_none()
        && site.domain_registrar.is_none()
    {
        return list(&site.domains);
    }
    let items: Vec<String> = site
        .domains
        .iter()
        .map(|d| {
            let mut parts = vec![format!("name = {}", quote(d))];
            if let Some(h) = &site.domain_holder {
                parts.push(format!("holder = {}", quote(h)));
            }
            if let Some(e) = &site.domain_expires {
                parts.push(format!("expires = {}", date_or_string(e)));
            }
            if let Some(r) = &site.domain_registrar {
                parts.push(format!("registrar = {}", quote(r)));
            }
            format!("{{ {} }}", parts.join(", "))
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// A date as a TOML date, anything else (`长期`) as a string.
fn date_or_string(s: &str) -> String {
    match s.parse::<Date>() {
        Ok(d) if d.to_string() == s => s.to_string(),
        _ => quote(s),
    }
}

fn hosting(h: &HostingDraft) -> String {
    match &h.code {
        Some(code) => format!(
            "{{ type = {}, code = {} }}",
            quote(h.kind.key()),
            quote(code)
        ),
        None => format!(
            "{{ type = {}, ips = {} }}",
            quote(h.kind.key()),
            list(&h.ips)
        ),
    }
}

fn document(d: &DocumentDraft) -> String {
    let mut s = format!("{{ kind = {}, file = {}", quote(&d.kind), quote(&d.file));
    if let Some(domain) = &d.domain {
        s.push_str(&format!(", domain = {}", quote(domain)));
    }
    if let Some(category) = &d.category {
        s.push_str(&format!(", category = {}", quote(category)));
    }
    if let Some(date) = &d.issued_on {
        s.push_str(&format!(", issued_on = {}", date_or_string(date)));
    }
    if let Some(date) = &d.valid_until {
        s.push_str(&format!(", valid_until = {}", date_or_string(date)));
    }
    s.push_str(" }");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::fields::{self, Type};

    #[test]
    fn paths_within() {
        assert!(is_within("subject.name", "subject.name"));
        assert!(is_within("websites[0].domains[1]", "websites[0].domains"));
        assert!(is_within("subject.principal.mobile", "subject.principal"));
        assert!(!is_within("subject.principal_x", "subject.principal"));
        assert!(!is_within("subject", "subject.name"));
    }

    /// `(table, key, comment)` of every commented line of a rendered draft,
    /// commented-out ones included; a table's header counts as its key in
    /// the table above. The comment loses its 必填 / 可选 (required /
    /// optional) mark.
    fn commented(text: &str) -> Vec<(Table, String, String)> {
        let mut at = Table::Top;
        let mut out = Vec::new();
        for line in text.lines() {
            let Some((code, comment)) = line.split_once("  # ") else {
                continue;
            };
            let code = code.trim_end().trim_start_matches("# ");
            let comment = [REQUIRED, RECOMMENDED, OPTIONAL]
                .iter()
                .flat_map(|m| [m.zh, m.en])
                .fold(comment, |c, m| c.trim_start_matches(m));
            let (table, key) = match code.trim_matches(['[', ']']) {
                "subject" => (Table::Top, "subject"),
                "websites" => (Table::Top, "websites"),
                "subject.principal" => (Table::Subject, "principal"),
                "websites.principal" => (Table::Website, "principal"),
                _ => (at, code.split(" = ").next().unwrap_or(code)),
            };
            if code.starts_with('[') {
                at = match table.field(key).map(|f| f.ty) {
                    Some(Type::Table(t) | Type::Tables(t)) => t,
                    other => panic!("{code}: {other:?}"),
                };
            }
            out.push((table, key.to_owned(), comment.to_owned()));
        }
        out
    }

    #[test]
    fn every_commented_key_is_a_field_with_the_table_s_comment_and_every_such_field_is_written() {
        let date = jiff::civil::date(2026, 11, 28);
        let gd = crate::data::province("gd").unwrap();
        let sc = crate::data::province("sc").unwrap();
        let unit = Draft::template(FilingType::Change, gd, Nature::Government, date);
        let person = Draft::template(FilingType::New, sc, Nature::Personal, date);
        let mut filled = unit.clone();
        let scan = |kind: &str| DocumentDraft {
            kind: kind.into(),
            file: "scans/a.jpg".into(),
            domain: None,
            category: None,
            issued_on: None,
            valid_until: None,
        };
        filled.subject.documents = vec![scan("business-license")];
        filled.subject.principal.documents = vec![scan("id-card-front"), scan("id-card-back")];
        filled.websites[0].principal = Some(PrincipalDraft {
            name: Some("张三".into()),
            documents: vec![scan("id-card-front")],
            ..PrincipalDraft::default()
        });
        filled.websites[0].documents = vec![scan("verification-sheet")];
        let mut written = std::collections::HashSet::new();
        let drafts = [
            (&unit, Mode::Template),
            (&person, Mode::Template),
            (&filled, Mode::Filing),
        ];
        for ((draft, mode), lang) in drafts
            .into_iter()
            .flat_map(|d| [(d, Lang::Zh), (d, Lang::En)])
        {
            let text = draft.render(mode, lang);
            for (table, key, comment) in commented(&text) {
                let field = table.field(&key);
                let field = field.unwrap_or_else(|| panic!("{key} is no field of {table:?}"));
                let expected = field.comment_text(lang, draft.is_personal());
                let expected = expected.unwrap_or_else(|| panic!("{key}: no comment"));
                assert!(
                    comment.starts_with(&expected),
                    "{key}: {comment} ≠ {expected}"
                );
                written.insert((table, key));
            }
        }
        for f in fields::FIELDS.iter().filter(|f| f.comment.is_some()) {
            let at = (f.table, f.key.to_owned());
            assert!(
                written.contains(&at),
                "{:?}.{} is never written",
                f.table,
                f.key
            );
        }
    }

    /// Whether a text has Chinese characters or full-width signs.
    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
    }

    #[test]
    fn an_english_template_is_english_but_its_chinese_values() {
        let date = jiff::civil::date(2026, 11, 28);
        for (code, nature, kind) in [
            ("gd", Nature::Enterprise, FilingType::New),
            ("sc", Nature::Personal, FilingType::New),
            ("bj", Nature::Government, FilingType::Change),
        ] {
            let p = crate::data::province(code).unwrap();
            let draft = Draft::template(kind, p, nature, date);
            let en = draft.render(Mode::Template, Lang::En);
            for line in en.lines() {
                // A municipality's city is its Chinese name, a value to keep.
                let line = line.replace(&format!("\"{}\"", p.name), "\"\"");
                assert!(!has_cjk(&line.replace("长期", "")), "{code}: {line}");
            }
            assert!(en.contains("required: "), "{en}");
            let zh = draft.render(Mode::Template, Lang::Zh);
            assert!(zh.contains("必填：") && !zh.contains("required"), "{zh}");
            // Both load to the same filing: only comments differ.
            let strip = |t: &str| -> Vec<String> {
                t.lines()
                    .filter(|l| !l.starts_with('#'))
                    .map(|l| l.split("  #").next().unwrap_or(l).trim_end().to_owned())
                    .collect()
            };
            assert_eq!(strip(&en), strip(&zh));
        }
    }

    #[test]
    fn a_domain_with_what_is_known_of_it_is_a_table() {
        let mut site = WebsiteDraft {
            domains: vec!["example.cn".into()],
            ..WebsiteDraft::default()
        };
        assert_eq!(domain_list(&site), "[\"example.cn\"]");
        site.domain_registrar = Some("阿里云".into());
        assert_eq!(
            domain_list(&site),
            "[{ name = \"example.cn\", registrar = \"阿里云\" }]"
        );
        site.domain_expires = Some("2028-05-01".into());
        assert_eq!(
            domain_list(&site),
            "[{ name = \"example.cn\", expires = 2028-05-01, registrar = \"阿里云\" }]"
        );
    }

    #[test]
    fn strings_are_escaped() {
        for s in ["a\"b\\c", "'''", "line\nbreak", "广东 \u{200b}"] {
            let doc = format!("x = {}", quote(s));
            let table: toml::Table = doc.parse().unwrap();
            assert_eq!(table["x"].as_str(), Some(s), "{doc}");
        }
        assert_eq!(date_or_string("2030-01-02"), "2030-01-02");
        assert_eq!(date_or_string("长期"), "\"长期\"");
        assert_eq!(date_or_string("2030-1-2"), "\"2030-1-2\"");
    }
}
