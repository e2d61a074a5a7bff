//! Loading a filing: bytes → TOML with spans → the typed [`Filing`].
//!
//! The loader never stops at the first problem. An oversized file, invalid
//! UTF-8 or invalid TOML ends loading with one finding; after that, every
//! unknown key, wrong type or unknown enumerated value is a finding and the
//! rest of the file is still read. Findings name the rule that reports them
//! (`unknown-key`, `wrong-type`, …); the rules in `rules/national.yaml` give
//! their severity and messages.

use std::borrow::Cow;

use toml::Spanned as TomlSpanned;
use toml::de::{DeTable, DeValue};

use super::fields::Table;
use super::*;
use crate::finding::{Args, Issue};
use crate::lang::Text;

/// Filings larger than this are refused unread (docs/development.md#performance).
pub const MAX_FILING_BYTES: usize = 1024 * 1024;

/// The format version this build reads.
pub const FORMAT_VERSION: i64 = 1;

/// The result of loading one file.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The source text (BOM removed), for spans and snippets; empty when the
    /// bytes were refused before decoding.
    pub text: String,
    /// The model; default when the text could not be parsed.
    pub filing: Filing,
    /// Whether the TOML was parsed (rules only run on a parsed filing).
    pub parsed: bool,
    /// What the loader found wrong.
    pub issues: Vec<Issue>,
}

/// Loads a filing from its bytes (a `Vec` is used in place, a slice copied).
pub fn load(bytes: impl Into<Vec<u8>>) -> Loaded {
    let mut bytes: Vec<u8> = bytes.into();
    let mut loaded = Loaded::default();
    if bytes.len() > MAX_FILING_BYTES {
        loaded.issues.push(Issue::new(
            "file-too-large",
            None,
            "",
            vec![
                ("size", bytes.len().to_string().into()),
                ("max", MAX_FILING_BYTES.to_string().into()),
            ],
        ));
        return loaded;
    }
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            // Keep a displayable copy: the valid prefix is unchanged, so the
            // span of the first invalid byte is still right.
            let at = err.utf8_error().valid_up_to();
            loaded.text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let end = (at + 1).min(loaded.text.len());
            loaded
                .issues
                .push(Issue::new("not-utf8", Some(at..end), "", Args::new()));
            return loaded;
        }
    };
    loaded.text = text;
    let (table, errors) = DeTable::parse_recoverable(&loaded.text);
    if !errors.is_empty() {
        for err in errors.iter().take(10) {
            let span = err.span().map(|s| clamp(s, loaded.text.len()));
            loaded.issues.push(Issue::new(
                "toml-syntax",
                span,
                "",
                vec![("detail", err.message().trim().to_owned().into())],
            ));
        }
        return loaded;
    }
    let mut walker = Walker {
        issues: &mut loaded.issues,
    };
    loaded.filing = walker.filing(table.get_ref());
    loaded.parsed = true;
    loaded
}

fn clamp(span: Span, len: usize) -> Span {
    let start = span.start.min(len);
    start..span.end.clamp(start, len)
}

type Value<'i> = TomlSpanned<DeValue<'i>>;

/// Walks the parsed TOML, building the model and collecting issues.
struct Walker<'a> {
    issues: &'a mut Vec<Issue>,
}

/// A field path, built into a string only when an issue needs it (most
/// files have none, and formatting every key's path would cost more than
/// parsing them). A path is its last key (and index) and its parent's path.
#[derive(Clone, Copy)]
struct FieldPath<'a> {
    parent: Option<&'a FieldPath<'a>>,
    key: &'a str,
    index: Option<usize>,
}

impl<'a> FieldPath<'a> {
    /// The top level of the file (the empty path).
    const ROOT: FieldPath<'static> = FieldPath {
        parent: None,
        key: "",
        index: None,
    };

    /// The path of a key of this table.
    fn child(&'a self, key: &'a str) -> FieldPath<'a> {
        FieldPath {
            parent: Some(self),
            key,
            index: None,
        }
    }

    /// The path of the `i`-th item of this array.
    fn item(self, i: usize) -> Self {
        FieldPath {
            index: Some(i),
            ..self
        }
    }

    fn get(&self) -> String {
        let mut s = self.parent.map(FieldPath::get).unwrap_or_default();
        if !s.is_empty() && !self.key.is_empty() {
            s.push('.');
        }
        s.push_str(self.key);
        if let Some(i) = self.index {
            s.push_str(&format!("[{i}]"));
        }
        s
    }
}

/// A TOML type, as "expected …, found …" messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TomlType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Date,
    Array,
    Table,
    StringOrTable,
}

impl TomlType {
    /// The type of a value.
    pub(crate) fn of(value: &DeValue<'_>) -> TomlType {
        match value {
            DeValue::String(_) => TomlType::String,
            DeValue::Integer(_) => TomlType::Integer,
            DeValue::Float(_) => TomlType::Float,
            DeValue::Boolean(_) => TomlType::Boolean,
            DeValue::Datetime(_) => TomlType::Datetime,
            DeValue::Array(_) => TomlType::Array,
            DeValue::Table(_) => TomlType::Table,
        }
    }

    /// Its name in each language.
    pub(crate) fn words(self) -> Text {
        let (zh, en) = match self {
            TomlType::String => ("字符串", "string"),
            TomlType::Integer => ("整数", "integer"),
            TomlType::Float => ("小数", "float"),
            TomlType::Boolean => ("布尔值", "boolean"),
            TomlType::Datetime => ("日期时间", "datetime"),
            TomlType::Date => ("日期", "date"),
            TomlType::Array => ("数组", "array"),
            TomlType::Table => ("表", "table"),
            TomlType::StringOrTable => ("字符串或表", "string or table"),
        };
        Text::new(zh, en)
    }
}

impl Walker<'_> {
    fn issue(&mut self, rule: &'static str, span: Span, path: String, args: Args) {
        self.issues.push(Issue::new(rule, Some(span), path, args));
    }

    fn wrong_type(&mut self, value: &Value<'_>, path: FieldPath<'_>, expected: TomlType) {
        let found = TomlType::of(value.get_ref());
        self.issue(
            "wrong-type",
            value.span(),
            path.get(),
            vec![
                ("expected", expected.words().into()),
                ("found", found.words().into()),
            ],
        );
    }

    fn unknown_key(&mut self, key: &TomlSpanned<Cow<'_, str>>, path: &FieldPath<'_>, table: Table) {
        let name = key.get_ref().as_ref();
        // The message names the key with its table (`websites[0].principal.x`):
        // the same key in several tables is several findings.
        let full = path.child(name).get();
        let mut args = vec![("key", full.clone().into())];
        if let Some(best) = crate::suggest::closest(name, table.keys()) {
            args.push(("suggestion", best.to_owned().into()));
        }
        self.issue("unknown-key", key.span(), full, args);
    }

    /// Visits the entries of a table whose keys the field table lists;
    /// any other key is an `unknown-key` issue and is not visited, so the
    /// loader reads no key the field table (and so the JSON Schema) lacks.
    /// `visit` returns `false` for a listed key it does not read.
    fn entries<'i>(
        &mut self,
        table: &DeTable<'i>,
        path: &FieldPath<'_>,
        fields: Table,
        mut visit: impl FnMut(&mut Self, &str, &Value<'i>, FieldPath<'_>) -> bool,
    ) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let known = fields.field(name).is_some();
            if !known || !visit(self, name, value, path.child(name)) {
                // A listed key left unread is a loader bug the tests walking
                // the field table catch; the user still hears of the key.
                debug_assert!(!known, "`{name}` is listed but not read");
                self.unknown_key(key, path, fields);
            }
        }
    }

    fn table<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        path: FieldPath<'_>,
    ) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, path, TomlType::Table);
                None
            }
        }
    }

    fn array<'v, 'i>(
        &mut self,
        value: &'v Value<'i>,
        path: FieldPath<'_>,
    ) -> Option<&'v [TomlSpanned<DeValue<'i>>]> {
        match value.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(value, path, TomlType::Array);
                None
            }
        }
    }

    fn string(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(s.to_string(), value.span())),
            _ => {
                self.wrong_type(value, path, TomlType::String);
                None
            }
        }
    }

    fn strings(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Vec<Spanned<String>> {
        let Some(items) = self.array(value, path) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string(item, path.item(i)))
            .collect()
    }

    fn bool(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, value.span())),
            _ => {
                self.wrong_type(value, path, TomlType::Boolean);
                None
            }
        }
    }

    fn integer(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<i64> {
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(Spanned::new(n, value.span())),
                Err(_) => {
                    self.invalid(value.span(), path, i.as_str(), None, "");
                    None
                }
            },
            _ => {
                self.wrong_type(value, path, TomlType::Integer);
                None
            }
        }
    }

    /// A count: a TOML integer of at least 0 (and at most `u32::MAX`).
    fn count(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<u32> {
        let n = self.integer(value, path)?;
        match u32::try_from(n.value) {
            Ok(c) => Some(Spanned::new(c, n.span)),
            Err(_) => {
                self.invalid(n.span, path, &n.value.to_string(), None, "0, 1, 2, …");
                None
            }
        }
    }

    fn invalid(
        &mut self,
        span: Span,
        path: FieldPath<'_>,
        found: &str,
        suggestion: Option<&str>,
        allowed: &str,
    ) {
        let mut args = vec![("value", found.to_owned().into())];
        if let Some(s) = suggestion {
            args.push(("suggestion", s.to_owned().into()));
        }
        if !allowed.is_empty() {
            args.push(("allowed", allowed.to_owned().into()));
        }
        self.issue("invalid-value", span, path.get(), args);
    }

    fn vocab<V: Vocabulary>(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<V> {
        let text = self.string(value, path)?;
        match V::parse(&text.value) {
            Some(v) => Some(Spanned::new(v, text.span)),
            None => {
                let spellings = V::spellings();
                let suggestion = crate::suggest::closest(&text.value, spellings.iter().copied());
                let allowed = V::ALL
                    .iter()
                    .map(|v| format!("{} ({})", v.key(), v.zh()))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.invalid(text.span, path, &text.value, suggestion, &allowed);
                None
            }
        }
    }

    fn vocab_list<V: Vocabulary>(
        &mut self,
        value: &Value<'_>,
        path: FieldPath<'_>,
    ) -> Vec<Spanned<V>> {
        let Some(items) = self.array(value, path) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.vocab(item, path.item(i)))
            .collect()
    }

    /// A date: a TOML local date, or a string `YYYY-MM-DD`.
    fn date(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<Date> {
        match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                    Ok(date) => Some(Spanned::new(date, value.span())),
                    Err(_) => {
                        self.invalid(value.span(), path, &dt.to_string(), None, "YYYY-MM-DD");
                        None
                    }
                },
                _ => {
                    self.invalid(value.span(), path, &dt.to_string(), None, "YYYY-MM-DD");
                    None
                }
            },
            DeValue::String(s) => match s.trim().parse::<Date>() {
                Ok(date) => Some(Spanned::new(date, value.span())),
                Err(_) => {
                    self.invalid(value.span(), path, s, None, "YYYY-MM-DD");
                    None
                }
            },
            _ => {
                self.wrong_type(value, path, TomlType::Date);
                None
            }
        }
    }

    /// An expiry: a date, or `"long-term"` / `"长期"`.
    fn expiry(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<Expiry> {
        if let DeValue::String(s) = value.get_ref() {
            let s = s.trim();
            if s.eq_ignore_ascii_case("long-term") || s == "长期" {
                return Some(Spanned::new(Expiry::LongTerm, value.span()));
            }
            if s.parse::<Date>().is_err() {
                self.invalid(value.span(), path, s, None, "YYYY-MM-DD, long-term (长期)");
                return None;
            }
        }
        let date = self.date(value, path)?;
        Some(Spanned::new(Expiry::Date(date.value), date.span))
    }

    fn province(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Field<&'static Province> {
        let text = self.string(value, path)?;
        match crate::data::find_province(&text.value) {
            Some(p) => Some(Spanned::new(p, text.span)),
            None => {
                let names = crate::data::provinces()
                    .iter()
                    .filter(|p| p.mainland)
                    .flat_map(|p| [p.code, p.name, p.short_name]);
                let suggestion = crate::suggest::closest(&text.value, names);
                self.invalid(text.span, path, &text.value, suggestion, "");
                None
            }
        }
    }

    fn filing(&mut self, root: &DeTable<'_>) -> Filing {
        let mut filing = Filing::default();
        self.entries(root, &FieldPath::ROOT, Table::Top, |w, key, value, path| {
            match key {
                "version" => filing.version = w.integer(value, path),
                "type" => filing.filing_type = w.vocab(value, path),
                "prepared_on" => filing.prepared_on = w.date(value, path),
                "subject" => {
                    if let Some(t) = w.table(value, path) {
                        filing.subject = Some(w.subject(t, value.span()));
                    }
                }
                "websites" => {
                    filing.websites_span = Some(value.span());
                    if let Some(items) = w.array(value, path) {
                        for (i, item) in items.iter().enumerate() {
                            let item_path = path.item(i);
                            if let Some(t) = w.table(item, item_path) {
                                filing.websites.push(w.website(t, item.span(), &item_path));
                            }
                        }
                    }
                }
                "waive" => {
                    if let Some(items) = w.array(value, path) {
                        for (i, item) in items.iter().enumerate() {
                            let item_path = path.item(i);
                            if let Some(t) = w.table(item, item_path) {
                                filing.waivers.push(w.waiver(t, item.span(), &item_path));
                            }
                        }
                    }
                }
                _ => return false,
            }
            true
        });
        filing
    }

    fn waiver(&mut self, table: &DeTable<'_>, span: Span, path: &FieldPath<'_>) -> Waiver {
        let mut waiver = Waiver {
            span,
            ..Waiver::default()
        };
        self.entries(table, path, Table::Waiver, |w, key, value, path| {
            match key {
                "rule" => waiver.rule = w.string(value, path),
                "reason" => waiver.reason = w.string(value, path),
                _ => return false,
            }
            true
        });
        waiver
    }

    fn subject(&mut self, table: &DeTable<'_>, span: Span) -> Subject {
        let mut s = Subject {
            span,
            ..Subject::default()
        };
        let subject = FieldPath::ROOT.child("subject");
        self.entries(table, &subject, Table::Subject, |w, key, value, path| {
            match key {
                "province" => s.province = w.province(value, path),
                "city" => s.city = w.string(value, path),
                "district" => s.district = w.string(value, path),
                "nature" => s.nature = w.vocab(value, path),
                "certificate_type" => s.certificate_type = w.vocab(value, path),
                "certificate_number" => s.certificate_number = w.string(value, path),
                "certificate_expires" => s.certificate_expires = w.expiry(value, path),
                "name" => s.name = w.string(value, path),
                "certificate_address" => s.certificate_address = w.string(value, path),
                "investor" => s.investor = w.string(value, path),
                "business_scope" => s.business_scope = w.string(value, path),
                "legal_representative" => s.legal_representative = w.string(value, path),
                "address" => s.address = w.string(value, path),
                "note" => s.note = w.string(value, path),
                "icp_number" => s.icp_number = w.string(value, path),
                "filed_websites" => s.filed_websites = w.count(value, path),
                "filed_domains" => s.filed_domains = w.count(value, path),
                "documents" => s.documents = w.documents(value, path),
                "principal" => {
                    if let Some(t) = w.table(value, path) {
                        s.principal = Some(w.principal(t, value.span(), &path));
                    }
                }
                _ => return false,
            }
            true
        });
        s
    }

    fn principal(&mut self, table: &DeTable<'_>, span: Span, path: &FieldPath<'_>) -> Principal {
        let mut p = Principal {
            span,
            ..Principal::default()
        };
        self.entries(table, path, Table::Principal, |w, key, value, path| {
            match key {
                "same_as_subject" => p.same_as_subject = w.bool(value, path),
                "name" => p.name = w.string(value, path),
                "id_type" => p.id_type = w.vocab(value, path),
                "id_number" => p.id_number = w.string(value, path),
                "id_expires" => p.id_expires = w.expiry(value, path),
                "office_phone" => p.office_phone = w.string(value, path),
                "mobile" => p.mobile = w.string(value, path),
                "emergency_phone" => p.emergency_phone = w.string(value, path),
                "email" => p.email = w.string(value, path),
                "legal_representative" => p.legal_representative = w.bool(value, path),
                "documents" => p.documents = w.documents(value, path),
                _ => return false,
            }
            true
        });
        p
    }

    fn website(&mut self, table: &DeTable<'_>, span: Span, path: &FieldPath<'_>) -> Website {
        let mut site = Website {
            span,
            ..Website::default()
        };
        self.entries(table, path, Table::Website, |w, key, value, path| {
            match key {
                "name" => site.name = w.string(value, path),
                "domains" => {
                    site.domains_span = Some(value.span());
                    if let Some(items) = w.array(value, path) {
                        site.domains = items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, item)| w.domain(item, path.item(i)))
                            .collect();
                    }
                }
                "homepages" => site.homepages = w.strings(value, path),
                "service" => site.service = w.vocab(value, path),
                "preapprovals" => site.preapprovals = w.vocab_list(value, path),
                "languages" => site.languages = w.strings(value, path),
                "note" => site.note = w.string(value, path),
                "hosting" => {
                    if let Some(t) = w.table(value, path) {
                        site.hosting = Some(w.hosting(t, value.span(), &path));
                    }
                }
                "icp_number" => site.icp_number = w.string(value, path),
                "documents" => site.documents = w.documents(value, path),
                "principal" => {
                    if let Some(t) = w.table(value, path) {
                        site.principal = Some(w.principal(t, value.span(), &path));
                    }
                }
                _ => return false,
            }
            true
        });
        site
    }

    fn domain(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Option<DomainEntry> {
        let span = value.span();
        match value.get_ref() {
            DeValue::String(s) => Some(DomainEntry {
                span: span.clone(),
                name: Some(Spanned::new(s.to_string(), span)),
                ..DomainEntry::default()
            }),
            DeValue::Table(t) => {
                let mut d = DomainEntry {
                    span,
                    ..DomainEntry::default()
                };
                self.entries(t, &path, Table::Domain, |w, key, value, path| {
                    match key {
                        "name" => d.name = w.string(value, path),
                        "holder" => d.holder = w.string(value, path),
                        "expires" => d.expires = w.date(value, path),
                        "registrar" => d.registrar = w.string(value, path),
                        "privacy" => d.privacy = w.bool(value, path),
                        _ => return false,
                    }
                    true
                });
                Some(d)
            }
            _ => {
                self.wrong_type(value, path, TomlType::StringOrTable);
                None
            }
        }
    }

    fn hosting(&mut self, table: &DeTable<'_>, span: Span, path: &FieldPath<'_>) -> Hosting {
        let mut h = Hosting {
            span,
            ..Hosting::default()
        };
        self.entries(table, path, Table::Hosting, |w, key, value, path| {
            match key {
                "type" => h.kind = w.vocab(value, path),
                "ips" => h.ips = w.strings(value, path),
                "code" => h.code = w.string(value, path),
                _ => return false,
            }
            true
        });
        h
    }

    fn documents(&mut self, value: &Value<'_>, path: FieldPath<'_>) -> Documents {
        let mut docs = Documents {
            span: Some(value.span()),
            items: Vec::new(),
        };
        let Some(items) = self.array(value, path) else {
            return docs;
        };
        for (i, item) in items.iter().enumerate() {
            let Some(t) = self.table(item, path.item(i)) else {
                continue;
            };
            let item_path = path.item(i);
            let mut d = Document {
                span: item.span(),
                ..Document::default()
            };
            self.entries(t, &item_path, Table::Document, |w, key, value, path| {
                match key {
                    "kind" => d.kind = w.string(value, path),
                    "file" => d.file = w.string(value, path),
                    "category" => d.category = w.vocab(value, path),
                    "domain" => d.domain = w.string(value, path),
                    "issued_on" => d.issued_on = w.date(value, path),
                    "valid_until" => d.valid_until = w.date(value, path),
                    _ => return false,
                }
                true
            });
            docs.items.push(d);
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields;
    use super::*;

    fn rules(loaded: &Loaded) -> Vec<(&str, &str)> {
        loaded
            .issues
            .iter()
            .map(|i| (i.rule, i.path.as_str()))
            .collect()
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let loaded = load("\u{feff}version = 1\r\ntype = \"new\"\r\n".as_bytes());
        assert!(loaded.parsed);
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        assert_eq!(loaded.filing.version.map(|v| v.value), Some(1));
        assert_eq!(
            loaded.filing.filing_type.map(|v| v.value),
            Some(FilingType::New)
        );
    }

    #[test]
    fn chinese_labels_and_keys_are_equivalent() {
        let a = load("[subject]\nnature = \"企业\"\nprovince = \"粤\"\n".as_bytes());
        let b = load("[subject]\nnature = \"enterprise\"\nprovince = \"gd\"\n".as_bytes());
        let (sa, sb) = (a.filing.subject.unwrap(), b.filing.subject.unwrap());
        assert_eq!(sa.nature.unwrap().value, sb.nature.unwrap().value);
        assert_eq!(sa.province.unwrap().value.code, "gd");
        assert_eq!(sb.province.unwrap().value.code, "gd");
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let loaded = load(b"[subject]\nprovice = \"gd\"\n".as_slice());
        assert_eq!(rules(&loaded), [("unknown-key", "subject.provice")]);
        let args = &loaded.issues[0].args;
        assert!(
            args.contains(&("key", "subject.provice".into())),
            "{args:?}"
        );
        assert!(
            args.contains(&("suggestion", "province".into())),
            "{args:?}"
        );
    }

    #[test]
    fn wrong_types_are_found_at_the_value() {
        let text = "[subject.principal]\nmobile = 13800138000\n";
        let loaded = load(text.as_bytes());
        assert_eq!(rules(&loaded), [("wrong-type", "subject.principal.mobile")]);
        let span = loaded.issues[0].span.clone().unwrap();
        assert_eq!(&text[span], "13800138000");
    }

    #[test]
    fn invalid_toml_is_an_issue_with_a_span() {
        let loaded = load(b"version = \n");
        assert!(!loaded.parsed);
        assert_eq!(loaded.issues[0].rule, "toml-syntax");
        assert!(loaded.issues[0].span.is_some());
    }

    #[test]
    fn oversized_and_binary_input_are_refused() {
        let big = vec![b'#'; MAX_FILING_BYTES + 1];
        assert_eq!(load(big).issues[0].rule, "file-too-large");
        assert_eq!(load([0x66, 0xff, 0xfe]).issues[0].rule, "not-utf8");
    }

    #[test]
    fn domains_as_strings_or_tables() {
        let loaded = load(
            b"[[websites]]\ndomains = [\"a.com\", { name = \"b.com\", holder = \"x\", expires = 2030-01-01 }]\n",
        );
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let site = &loaded.filing.websites[0];
        assert_eq!(site.domains.len(), 2);
        assert_eq!(site.domains[1].name.as_ref().unwrap().value, "b.com");
        assert!(site.domains[1].expires.is_some());
    }

    #[test]
    fn waivers_keep_their_spans() {
        let text = "[[waive]]\nrule = \"domain-holder\"\nreason = \"转入中\"\nreasn = 1\n";
        let loaded = load(text.as_bytes());
        assert_eq!(rules(&loaded), [("unknown-key", "waive[0].reasn")]);
        let waiver = &loaded.filing.waivers[0];
        let rule = waiver.rule.as_ref().unwrap();
        assert_eq!(rule.value, "domain-holder");
        assert_eq!(&text[rule.span.clone()], "\"domain-holder\"");
        assert_eq!(waiver.reason.as_ref().unwrap().value, "转入中");
        let loaded = load(b"waive = [{ rule = 1 }]\n".as_slice());
        assert_eq!(rules(&loaded), [("wrong-type", "waive[0].rule")]);
    }

    #[test]
    fn counts_are_whole_numbers_of_at_least_zero() {
        let loaded = load(b"[subject]\nfiled_websites = 12\nfiled_domains = 0\n".as_slice());
        assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        let s = loaded.filing.subject.as_ref().unwrap();
        assert_eq!(s.filed_websites.as_ref().map(|n| n.value), Some(12));
        assert_eq!(s.filed_domains.as_ref().map(|n| n.value), Some(0));
        let loaded = load(b"[subject]\nfiled_websites = -1\nfiled_domains = \"3\"\n".as_slice());
        assert_eq!(
            rules(&loaded),
            [
                ("wrong-type", "subject.filed_domains"),
                ("invalid-value", "subject.filed_websites")
            ]
        );
        assert!(
            loaded
                .filing
                .subject
                .as_ref()
                .unwrap()
                .filed_websites
                .is_none()
        );
    }

    /// A TOML value of a field's type.
    fn sample(ty: fields::Type) -> String {
        use fields::Type;
        let first = |c: Choices| format!("{:?}", c.spellings().first().copied().unwrap_or("x"));
        match ty {
            Type::Version => FORMAT_VERSION.to_string(),
            Type::Text | Type::RuleId | Type::Choice(Choices::DocumentKind) => "\"x\"".into(),
            Type::Bool => "true".into(),
            Type::Count => "3".into(),
            Type::Date => "2026-11-28".into(),
            Type::Expiry => "\"长期\"".into(),
            Type::Province => "\"gd\"".into(),
            Type::Choice(c) => first(c),
            Type::TextList => "[\"x\"]".into(),
            Type::ChoiceList(c) => format!("[{}]", first(c)),
            Type::Table(_) => "{}".into(),
            Type::Tables(_) => "[{}]".into(),
            Type::Domains => "[\"example.com\"]".into(),
        }
    }

    /// A filing with one `key = value` line in a table of a kind.
    fn filing_with(table: Table, line: &str) -> String {
        match table {
            Table::Top => format!("{line}\n"),
            Table::Subject => format!("[subject]\n{line}\n"),
            Table::Principal => format!("[subject.principal]\n{line}\n"),
            Table::Website => format!("[[websites]]\n{line}\n"),
            Table::Domain => format!("[[websites]]\ndomains = [{{ {line} }}]\n"),
            Table::Hosting => format!("[[websites]]\nhosting = {{ {line} }}\n"),
            Table::Document => format!("[subject]\ndocuments = [{{ {line} }}]\n"),
            Table::Waiver => format!("[[waive]]\n{line}\n"),
        }
    }

    #[test]
    fn every_field_of_the_table_is_read_with_its_type() {
        for f in fields::FIELDS {
            let text = filing_with(f.table, &format!("{} = {}", f.key, sample(f.ty)));
            let loaded = load(text.as_bytes());
            assert!(loaded.parsed, "{text}");
            assert!(loaded.issues.is_empty(), "{text}{:?}", loaded.issues);
        }
    }

    #[test]
    fn keys_outside_the_table_are_unknown_and_suggest_from_it() {
        for table in Table::ALL {
            let key = table.keys().next().unwrap();
            let typo = format!("{key}x");
            let loaded = load(filing_with(*table, &format!("{typo} = 1")));
            let issue = loaded.issues.iter().find(|i| i.rule == "unknown-key");
            let issue = issue.unwrap_or_else(|| panic!("{table:?}: {typo} accepted"));
            assert!(
                issue.args.contains(&("suggestion", key.into())),
                "{:?}",
                issue.args
            );
        }
    }

    #[test]
    fn long_term_expiry() {
        let loaded = load("[subject]\ncertificate_expires = \"长期\"\n".as_bytes());
        let s = loaded.filing.subject.unwrap();
        assert_eq!(s.certificate_expires.unwrap().value, Expiry::LongTerm);
    }
}
