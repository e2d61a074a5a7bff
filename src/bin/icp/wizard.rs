//! `icp new`: the interactive wizard.
//!
//! It asks for a filing in the order of the real filing form and checks every
//! answer as it is typed by putting it into a [`Draft`] and running the same
//! rules as `validate` on that field: an answer `validate` would refuse is
//! refused at the prompt, with the rule's message, and asked again. Warnings
//! and the province's document requirements are shown once, when the answer
//! that triggers them is given. Nothing is written until the last answer.
//!
//! The prompts of the filing's fields are those of the field table
//! ([`icp::filing::fields`]), so a field is worded the same in the wizard,
//! the written filing and the JSON Schema.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, FuzzySelect, Input, MultiSelect};
use icp::Lang;
use icp::data::{self, City, Province};
use icp::facts::{Fact, FilingFact, SubjectFact};
use icp::filing::draft::{
    self, DocumentDraft, Draft, HostingDraft, Mode, PrincipalDraft, WebsiteDraft,
};
use icp::filing::fields::{self, Field, Table};
use icp::filing::{
    DocTable, FilingType, HostingType, IdType, Nature, Owner, Preapproval, Service, Vocabulary,
};
use icp::finding::{Finding, KindName, Severity};
use icp::rules::RuleSet;
use icp::rules::engine::{Dates, DocStatus};

/// The most websites one filing may hold.
const MAX_WEBSITES: usize = 10;

type Step<T> = dialoguer::Result<T>;

/// The wizard's state: the answers so far and what has been said.
pub struct Wizard<'a> {
    rules: &'a RuleSet,
    dates: Dates,
    lang: Lang,
    /// The directory of the file to write: document paths are relative to it.
    dir: PathBuf,
    theme: ColorfulTheme,
    draft: Draft,
    /// Notes already shown, as `rule@path`.
    shown: HashSet<String>,
}

/// A setter of one field of a draft, given the trimmed answer.
type Setter = dyn Fn(&mut Draft, Option<String>);

/// The field table's row of a field, looked up when the wizard is built: a
/// key missing from the table fails the build.
macro_rules! field {
    ($table:ident, $key:literal) => {
        const { fields::get(Table::$table, $key) }
    };
}

impl<'a> Wizard<'a> {
    /// A wizard for a file to be written at `target`.
    pub fn new(rules: &'a RuleSet, dates: Dates, lang: Lang, target: &Path) -> Wizard<'a> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Wizard {
            rules,
            dates,
            lang,
            dir,
            theme: ColorfulTheme::default(),
            draft: Draft::new(FilingType::New, dates.forced.unwrap_or(dates.today)),
            shown: HashSet::new(),
        }
    }

    fn t(&self, zh: &str, en: &str) -> String {
        match self.lang {
            Lang::Zh => zh.to_owned(),
            Lang::En => en.to_owned(),
        }
    }

    /// The prompt of a field in a unit's filing.
    fn prompt(&self, f: &Field) -> String {
        f.prompt_text(self.lang, false)
    }

    fn say(&self, line: &str) {
        eprintln!("{line}");
    }

    /// Asks every question; returns the finished draft.
    pub fn run(mut self) -> Step<Draft> {
        self.say(&self.t(
            "按备案系统的顺序填写；每个回答都会立即检查。按 Ctrl-C 随时退出，不会写入任何文件。",
            "Answer in the order of the filing form; each answer is checked at once. \
             Ctrl-C quits at any point without writing anything.",
        ));
        self.draft.filing_type =
            self.choose(&self.prompt(field!(Top, "type")), FilingType::ALL, 0)?;
        self.place()?;
        self.subject()?;
        self.subject_principal()?;
        loop {
            self.website()?;
            if self.draft.websites.len() >= MAX_WEBSITES
                || !self.confirm(&self.t("再添加一个网站？", "Add another website?"), false)?
            {
                break;
            }
        }
        self.documents()?;
        Ok(self.draft)
    }

    // ------------------------------------------------------------ sections

    fn place(&mut self) -> Step<()> {
        let province = self.province()?;
        self.draft.subject.province = Some(province);
        let city = if province.municipality {
            // For 北京 / 天津 / 上海 / 重庆 the city is the municipality itself.
            data::city_in_province(province, province.name)
        } else {
            let cities = data::cities_of(province);
            let names: Vec<&str> = cities.iter().map(|c| c.name).collect();
            let pinyins: Vec<&str> = cities.iter().map(|c| c.pinyin).collect();
            let i = self.place_name(
                &self.prompt(field!(Subject, "city")),
                &names,
                &pinyins,
                false,
            )?;
            i.and_then(|i| cities.get(i).copied())
        };
        self.draft.subject.city = Some(city.map_or(province.name, |c| c.name).to_owned());
        if let Some(city) = city {
            let districts = data::districts_of(city);
            if !districts.is_empty() {
                let prompt = format!(
                    "{}{}",
                    self.prompt(field!(Subject, "district")),
                    self.t("（可留空）", " (may be empty)")
                );
                let pinyins = data::district_pinyins(city);
                let i = self.place_name(&prompt, &districts, &pinyins, true)?;
                self.draft.subject.district = i.map(|i| districts[i].to_owned());
            }
        }
        self.notes("subject");
        if self.draft.filing_type != FilingType::New {
            self.ask(
                &self.prompt(field!(Subject, "icp_number")),
                "subject.icp_number",
                Ask::required(),
                &|d, v| d.subject.icp_number = v,
            )?;
        }
        Ok(())
    }

    /// A city or district typed by name or in pinyin (深圳, shenzhen, Shen
    /// Zhen): an exact or single match is taken, several are offered to pick
    /// from (pinyin that begins several names: shen), and a name that matches
    /// nothing is refused with a hint (not silently ignored). `None` for an
    /// empty answer when `optional`.
    fn place_name(
        &self,
        prompt: &str,
        names: &[&str],
        pinyins: &[&str],
        optional: bool,
    ) -> Step<Option<usize>> {
        let matches = |input: &str| -> Vec<usize> {
            let input = input.trim();
            if let Some(i) = names.iter().position(|n| *n == input) {
                return vec![i];
            }
            let spelled = data::by_pinyin(pinyins, input);
            if !spelled.is_empty() {
                return spelled;
            }
            let begun = data::by_pinyin_prefix(pinyins, input);
            if !begun.is_empty() {
                return begun;
            }
            (0..names.len())
                .filter(|&i| names[i].contains(input))
                .collect()
        };
        let examples: Vec<&str> = names.iter().take(3).copied().collect();
        let validate = |input: &String| -> Result<(), String> {
            if input.trim().is_empty() {
                return if optional {
                    Ok(())
                } else {
                    Err(self.t("必填", "required"))
                };
            }
            if matches(input).is_empty() {
                return Err(match self.lang {
                    Lang::Zh => format!(
                        "没有名称含“{}”的地方；请输入中文名称或拼音，如 {}",
                        input.trim(),
                        examples.join("、")
                    ),
                    Lang::En => format!(
                        "no place here is named {}; type the Chinese name or its pinyin, e.g. {}",
                        input.trim(),
                        examples.join(", ")
                    ),
                });
            }
            Ok(())
        };
        let answer = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(validate)
            .interact_text()?;
        if answer.trim().is_empty() {
            return Ok(None);
        }
        let found = matches(&answer);
        if found.len() == 1 {
            return Ok(Some(found[0]));
        }
        let labels: Vec<&str> = found.iter().map(|&i| names[i]).collect();
        let k = self.pick(prompt, &labels, 0)?;
        Ok(found.get(k).copied())
    }

    fn province(&self) -> Step<&'static Province> {
        let all: Vec<&'static Province> = data::provinces().iter().filter(|p| p.mainland).collect();
        let labels: Vec<String> = all
            .iter()
            .map(|p| {
                format!(
                    "{}  {}  {}  {}",
                    p.name,
                    p.code,
                    p.pinyin,
                    p.abbrs.join(" ")
                )
            })
            .collect();
        let i = self.pick(&self.prompt(field!(Subject, "province")), &labels, 0)?;
        Ok(all[i])
    }

    fn subject(&mut self) -> Step<()> {
        let nature = self.choose(&self.prompt(field!(Subject, "nature")), Nature::ALL, 1)?;
        self.draft.subject.nature = Some(nature);
        self.notes("subject.nature");
        if nature == Nature::Personal {
            let name = self.ask(
                &field!(Subject, "name").prompt_text(self.lang, true),
                "subject.name",
                Ask::required(),
                &|d, v| {
                    d.subject.principal.name = v.clone();
                    d.subject.name = v;
                },
            )?;
            self.draft.subject.principal.name = name;
        } else {
            let types = draft::certificate_types(nature);
            let prompt = self.prompt(field!(Subject, "certificate_type"));
            let kind = if types.len() == 1 {
                self.say(&format!(
                    "{prompt}{}{}",
                    self.t("：", ": "),
                    types[0].label(self.lang)
                ));
                types[0]
            } else {
                self.choose(&prompt, types, 0)?
            };
            self.draft.subject.certificate_type = Some(kind);
            self.ask(
                &self.prompt(field!(Subject, "certificate_number")),
                "subject.certificate_number",
                Ask::required(),
                &|d, v| d.subject.certificate_number = v,
            )?;
            self.ask(
                &self.prompt(field!(Subject, "certificate_expires")),
                "subject.certificate_expires",
                Ask::with_default("长期"),
                &|d, v| d.subject.certificate_expires = v,
            )?;
            self.ask(
                &self.prompt(field!(Subject, "name")),
                "subject.name",
                Ask::required(),
                &|d, v| d.subject.name = v,
            )?;
            self.ask(
                &self.prompt(field!(Subject, "certificate_address")),
                "subject.certificate_address",
                Ask::required(),
                &|d, v| d.subject.certificate_address = v,
            )?;
            self.ask(
                &self.prompt(field!(Subject, "investor")),
                "subject.investor",
                Ask::required(),
                &|d, v| d.subject.investor = v,
            )?;
            // Optional, and asked only where a rule reads it.
            if self.read_by_rules(&[Fact::Subject(SubjectFact::BusinessScope)]) {
                self.ask(
                    &self.prompt(field!(Subject, "business_scope")),
                    "subject.business_scope",
                    Ask::optional(),
                    &|d, v| d.subject.business_scope = v,
                )?;
            }
        }
        self.ask(
            &self.prompt(field!(Subject, "address")),
            "subject.address",
            Ask::required(),
            &|d, v| d.subject.address = v,
        )?;
        self.ask(
            &self.prompt(field!(Subject, "note")),
            "subject.note",
            Ask::optional(),
            &|d, v| d.subject.note = v,
        )?;
        self.filed_counts()?;
        self.notes("subject");
        Ok(())
    }

    /// How many websites and domains the subject has filed before, in a
    /// change or add-website filing, when a rule counts them.
    fn filed_counts(&mut self) -> Step<()> {
        if !matches!(
            self.draft.filing_type,
            FilingType::Change | FilingType::AddWebsite
        ) {
            return Ok(());
        }
        let websites = [
            Fact::Subject(SubjectFact::FiledWebsites),
            Fact::Filing(FilingFact::SubjectWebsiteCount),
        ];
        if self.read_by_rules(&websites) {
            self.ask(
                &self.prompt(field!(Subject, "filed_websites")),
                "subject.filed_websites",
                Ask::count(),
                &|d, v| d.subject.filed_websites = v.and_then(|v| v.parse().ok()),
            )?;
        }
        let domains = [
            Fact::Subject(SubjectFact::FiledDomains),
            Fact::Filing(FilingFact::SubjectDomainCount),
        ];
        if self.read_by_rules(&domains) {
            self.ask(
                &self.prompt(field!(Subject, "filed_domains")),
                "subject.filed_domains",
                Ask::count(),
                &|d, v| d.subject.filed_domains = v.and_then(|v| v.parse().ok()),
            )?;
        }
        Ok(())
    }

    /// Whether a rule that runs on this filing (its province, nature, type
    /// and date, as answered so far) reads one of these facts.
    fn read_by_rules(&self, facts: &[Fact]) -> bool {
        let view = self.rules.view(self.draft.subject.province);
        let key = (
            self.dates.forced.unwrap_or(self.dates.today),
            self.draft.subject.nature,
            Some(self.draft.filing_type),
        );
        facts.iter().any(|f| view.reads(key, *f))
    }

    fn subject_principal(&mut self) -> Step<()> {
        self.say(&format!(
            "— {} —",
            self.prompt(field!(Subject, "principal"))
        ));
        let unit = !self.draft.is_personal();
        self.principal(Owner::Subject, unit)?;
        self.notes("subject.principal");
        Ok(())
    }

    /// The questions about a person, for the subject's principal or a
    /// website's.
    fn principal(&mut self, owner: Owner, unit: bool) -> Step<()> {
        fn at(d: &mut Draft, owner: Owner) -> &mut PrincipalDraft {
            match owner {
                Owner::Subject => &mut d.subject.principal,
                Owner::Website(i) => {
                    let site = &mut d.websites[i];
                    site.principal.get_or_insert_with(PrincipalDraft::default)
                }
            }
        }
        let base = owner.path();
        let field = |name: &str| format!("{base}.{name}");
        if unit || owner != Owner::Subject {
            self.ask(
                &self.prompt(field!(Principal, "name")),
                &field("name"),
                Ask::required(),
                &move |d, v| at(d, owner).name = v,
            )?;
        }
        let id_type = self.choose(&self.prompt(field!(Principal, "id_type")), IdType::ALL, 0)?;
        at(&mut self.draft, owner).id_type = Some(id_type);
        self.ask(
            &self.prompt(field!(Principal, "id_number")),
            &field("id_number"),
            Ask::required(),
            &move |d, v| at(d, owner).id_number = v,
        )?;
        self.ask(
            &self.prompt(field!(Principal, "id_expires")),
            &field("id_expires"),
            Ask::optional(),
            &move |d, v| at(d, owner).id_expires = v,
        )?;
        let prefix = self.area_code_prefix();
        self.ask(
            &self.prompt(field!(Principal, "office_phone")),
            &field("office_phone"),
            Ask {
                required: unit,
                initial: prefix.clone(),
                default: None,
                // The pre-filled prefix alone is no answer.
                empty_when: prefix,
                ..Ask::default()
            },
            &move |d, v| at(d, owner).office_phone = v,
        )?;
        self.ask(
            &self.prompt(field!(Principal, "mobile")),
            &field("mobile"),
            Ask::required(),
            &move |d, v| at(d, owner).mobile = v,
        )?;
        self.ask(
            &self.prompt(field!(Principal, "emergency_phone")),
            &field("emergency_phone"),
            Ask::required(),
            &move |d, v| at(d, owner).emergency_phone = v,
        )?;
        self.ask(
            &self.prompt(field!(Principal, "email")),
            &field("email"),
            Ask::required(),
            &move |d, v| at(d, owner).email = v,
        )?;
        if unit {
            let legal = self.confirm(
                &self.prompt(field!(Principal, "legal_representative")),
                true,
            )?;
            at(&mut self.draft, owner).legal_representative = Some(legal);
        }
        Ok(())
    }

    fn website(&mut self) -> Step<()> {
        let i = self.draft.websites.len();
        self.say(&format!(
            "— {} {} —",
            self.prompt(field!(Top, "websites")),
            i + 1
        ));
        self.draft.websites.push(WebsiteDraft {
            languages: vec!["zh-CN".into()],
            ..WebsiteDraft::default()
        });
        let base = format!("websites[{i}]");
        self.ask(
            &self.prompt(field!(Website, "name")),
            &format!("{base}.name"),
            Ask::required(),
            &move |d, v| d.websites[i].name = v,
        )?;
        self.ask(
            &self.prompt(field!(Website, "domains")),
            &format!("{base}.domains"),
            Ask::required(),
            &move |d, v| d.websites[i].domains = split(v.as_deref()),
        )?;
        // Who holds the domain and until when: the domain checks (holder
        // matches the subject, three months of validity) run on the answers.
        let holder = self
            .draft
            .subject
            .name
            .clone()
            .or_else(|| self.draft.subject.principal.name.clone())
            .unwrap_or_default();
        self.ask(
            &self.t(
                "域名持有者（注册信息上的姓名或单位名称）",
                "Domain holder (the name in the registration)",
            ),
            &format!("{base}.domains"),
            Ask::with_default(&holder),
            &move |d, v| d.websites[i].domain_holder = v,
        )?;
        self.ask(
            &self.t("域名到期日（YYYY-MM-DD）", "Domain expires on (YYYY-MM-DD)"),
            &format!("{base}.domains"),
            Ask::required(),
            &move |d, v| d.websites[i].domain_expires = v,
        )?;
        // The registrar only where a rule in force for the province needs
        // it (it refuses domains held abroad and asks to state it).
        let domains = format!("{base}.domains");
        let needs_registrar = icp::validate::draft_field(
            self.rules,
            &self.draft,
            self.dates,
            Some(&self.dir),
            &domains,
        )
        .iter()
        .any(|f| f.id() == "domain-registrar-stated" && f.severity() != Severity::Off);
        if needs_registrar {
            self.ask(
                &self.prompt(field!(Domain, "registrar")),
                &domains,
                Ask::optional(),
                &move |d, v| d.websites[i].domain_registrar = v,
            )?;
        }
        self.homepages(i)?;
        let personal = self.draft.is_personal();
        // A personal filing's website is, by default, a personal site or blog.
        let default_service = if personal {
            Service::Personal
        } else {
            Service::EnterprisePortal
        };
        let service = self.choose(
            &self.prompt(field!(Website, "service")),
            Service::ALL,
            Service::ALL
                .iter()
                .position(|s| *s == default_service)
                .unwrap_or(0),
        )?;
        self.draft.websites[i].service = Some(service);
        self.notes(&format!("{base}.service"));
        self.preapprovals(i)?;
        self.ask(
            &self.prompt(field!(Website, "note")),
            &format!("{base}.note"),
            Ask::optional(),
            &move |d, v| d.websites[i].note = v,
        )?;
        let kind = self.choose(
            &self.prompt(field!(Website, "hosting")),
            HostingType::ALL,
            0,
        )?;
        if kind == HostingType::AuthorizationCode {
            self.ask(
                &self.prompt(field!(Hosting, "code")),
                &format!("{base}.hosting"),
                Ask::required(),
                &move |d, v| {
                    d.websites[i].hosting = Some(HostingDraft {
                        kind,
                        ips: Vec::new(),
                        code: v,
                    });
                },
            )?;
        } else {
            self.ask(
                &self.prompt(field!(Hosting, "ips")),
                &format!("{base}.hosting"),
                Ask::required(),
                &move |d, v| {
                    d.websites[i].hosting = Some(HostingDraft {
                        kind,
                        ips: split(v.as_deref()),
                        code: None,
                    });
                },
            )?;
        }
        if !personal {
            let same = self.confirm(&self.prompt(field!(Principal, "same_as_subject")), true)?;
            if !same {
                self.say(&format!(
                    "— {} —",
                    self.prompt(field!(Website, "principal"))
                ));
                self.draft.websites[i].principal = Some(PrincipalDraft::default());
                self.principal(Owner::Website(i), true)?;
            }
        }
        self.notes(&base);
        Ok(())
    }

    fn homepages(&mut self, i: usize) -> Step<()> {
        let mut candidates = Vec::new();
        for d in &self.draft.websites[i].domains {
            let d = d.to_lowercase();
            if !d.starts_with("www.") {
                candidates.push(format!("www.{d}"));
            }
            candidates.push(d);
        }
        loop {
            let chosen = MultiSelect::with_theme(&self.theme)
                .with_prompt(self.prompt(field!(Website, "homepages")))
                .items(&candidates)
                .defaults(&[true])
                .interact()?;
            let homepages: Vec<String> = chosen.iter().map(|&k| candidates[k].clone()).collect();
            if homepages.is_empty() {
                self.error(&self.t("至少选择一个首页地址", "choose at least one homepage"));
                continue;
            }
            let mut d = self.draft.clone();
            d.websites[i].homepages = homepages.clone();
            if let Some(e) = self.first_error(&d, &format!("websites[{i}].homepages")) {
                self.error(&e);
                continue;
            }
            self.draft.websites[i].homepages = homepages;
            return Ok(());
        }
    }

    fn preapprovals(&mut self, i: usize) -> Step<()> {
        let labels: Vec<String> = Preapproval::ALL.iter().map(|p| self.label(*p)).collect();
        loop {
            let chosen = MultiSelect::with_theme(&self.theme)
                .with_prompt(self.prompt(field!(Website, "preapprovals")))
                .items(&labels)
                .interact()?;
            let chosen: Vec<Preapproval> = chosen.iter().map(|&k| Preapproval::ALL[k]).collect();
            let mut d = self.draft.clone();
            d.websites[i].preapprovals = chosen.clone();
            if let Some(e) = self.first_error(&d, &format!("websites[{i}].preapprovals")) {
                self.error(&e);
                continue;
            }
            self.draft.websites[i].preapprovals = chosen;
            return Ok(());
        }
    }

    /// Asks for each document the rules require, as a path to its scan.
    fn documents(&mut self) -> Step<()> {
        let list = self.checklist();
        let missing: Vec<_> = list
            .documents
            .iter()
            .filter(|r| matches!(r.status, DocStatus::Missing))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        self.say(&self.t(
            "— 材料：已有的扫描件填写路径（相对于备案文件所在目录），还没有的直接回车 —",
            "— Documents: the path of each scan you have (relative to the filing's directory); enter to skip —",
        ));
        for r in missing {
            let name = icp::report::checklist::document_name(self.rules, r, self.lang);
            let owner =
                icp::report::checklist::owner_label(&list.loaded.filing, r.table, self.lang);
            let Some(index) = self.draft.documents_mut(r.table).map(|v| v.len()) else {
                continue;
            };
            let path = format!("{}[{index}]", r.table.path());
            let table = r.table;
            let entry = DocumentDraft {
                kind: r.kind.clone(),
                file: String::new(),
                domain: r.domain.clone(),
                category: r.category.clone(),
                issued_on: None,
                valid_until: None,
            };
            let prompt = match self.lang {
                Lang::Zh => format!("{name}（{owner}）"),
                Lang::En => format!("{name} ({owner})"),
            };
            let file = self.ask(
                &prompt,
                &path,
                // Any finding about the file (absent, not a JPEG, too big)
                // refuses it: the wizard only records usable scans.
                Ask::optional().strict(),
                &move |d, v| {
                    if let (Some(file), Some(docs)) = (v, d.documents_mut(table)) {
                        docs.push(DocumentDraft {
                            file,
                            ..entry.clone()
                        });
                    }
                },
            )?;
            if file.is_some() {
                self.document_dates(table, index, &path)?;
            }
        }
        Ok(())
    }

    /// A document's dates, each only where a rule in force for the province
    /// needs it (it judges the document by the date and asks to state it).
    fn document_dates(&mut self, table: DocTable, index: usize, path: &str) -> Step<()> {
        type Date = fn(&mut DocumentDraft) -> &mut Option<String>;
        let dates: [(&str, Date); 2] = [
            ("issued_on", |d| &mut d.issued_on),
            ("valid_until", |d| &mut d.valid_until),
        ];
        for (key, date) in dates {
            let at = format!("{path}.{key}");
            let needed = icp::validate::draft_field(
                self.rules,
                &self.draft,
                self.dates,
                Some(&self.dir),
                &at,
            )
            .iter()
            .any(|f| f.rule.kind == KindName::Require);
            if !needed {
                continue;
            }
            let prompt = format!(
                "{}{}",
                fields::get(Table::Document, key).prompt_text(self.lang, false),
                self.t("（YYYY-MM-DD）", " (YYYY-MM-DD)")
            );
            self.ask(&prompt, &at, Ask::optional(), &move |d, v| {
                if let Some(doc) = d.documents_mut(table).and_then(|docs| docs.get_mut(index)) {
                    *date(doc) = v;
                }
            })?;
        }
        Ok(())
    }

    // ------------------------------------------------------------- helpers

    fn checklist(&self) -> icp::checklist::Checklist {
        let loaded = icp::filing::load(self.draft.render(Mode::Filing, self.lang));
        icp::checklist::for_loaded(self.rules, PathBuf::new(), loaded, &self.dir, self.dates)
    }

    /// The office phone's prefix from the subject's city: `086-0755-`.
    fn area_code_prefix(&self) -> Option<String> {
        let city = self.city()?;
        let code = data::area_codes_of_city(city).into_iter().next()?;
        Some(format!("086-{code}-"))
    }

    fn city(&self) -> Option<&'static City> {
        let p = self.draft.subject.province?;
        data::city_in_province(p, self.draft.subject.city.as_deref()?)
    }

    fn label<V: Vocabulary>(&self, v: V) -> String {
        match self.lang {
            Lang::Zh => format!("{}  {}", v.zh(), v.key()),
            Lang::En => format!("{}  {}  {}", v.en(), v.key(), v.zh()),
        }
    }

    fn choose<V: Vocabulary>(&self, prompt: &str, items: &[V], default: usize) -> Step<V> {
        let labels: Vec<String> = items.iter().map(|v| self.label(*v)).collect();
        let i = self.pick(prompt, &labels, default)?;
        Ok(items[i])
    }

    fn pick<S: std::fmt::Display>(
        &self,
        prompt: &str,
        labels: &[S],
        default: usize,
    ) -> Step<usize> {
        FuzzySelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(labels)
            .default(default)
            .max_length(10)
            .interact()
    }

    fn confirm(&self, prompt: &str, default: bool) -> Step<bool> {
        let theme = YesNo {
            colorful: &self.theme,
            lang: self.lang,
        };
        Confirm::with_theme(&theme)
            .with_prompt(prompt)
            .default(default)
            .interact()
    }

    fn error(&self, text: &str) {
        eprintln!("  ✘ {text}");
    }

    /// The first finding at `path` that refuses the answer, as text.
    fn first_error(&self, draft: &Draft, path: &str) -> Option<String> {
        self.refusal(draft, path, Severity::Error)
    }

    fn refusal(&self, draft: &Draft, path: &str, at_least: Severity) -> Option<String> {
        let findings =
            icp::validate::draft_field(self.rules, draft, self.dates, Some(&self.dir), path);
        // A field the rules ask for next to a file (a document's date) is
        // asked next, not a reason to refuse the file.
        let f = findings.iter().find(|f| {
            f.severity() >= at_least
                && !(at_least == Severity::Info && f.rule.kind == KindName::Require)
        })?;
        Some(self.describe(f))
    }

    fn describe(&self, f: &Finding) -> String {
        let help = f.help(self.lang);
        if help.is_empty() {
            format!("{} [{}]", f.message(self.lang), f.id())
        } else {
            format!("{} [{}]\n    {}", f.message(self.lang), f.id(), help)
        }
    }

    /// Asks for one text field, refusing answers the rules refuse.
    fn ask(&mut self, prompt: &str, path: &str, ask: Ask, set: &Setter) -> Step<Option<String>> {
        let at_least = if ask.strict_files {
            Severity::Info
        } else {
            Severity::Error
        };
        let answer = {
            let validate = |input: &String| -> Result<(), String> {
                let value = self.canonical(path, set, ask.value(input));
                if value.is_none() && ask.required {
                    return Err(self.t("必填", "required"));
                }
                if ask.count && value.as_deref().is_some_and(|v| v.parse::<u32>().is_err()) {
                    return Err(self.t("请填写整数（0 或以上）", "a whole number, 0 or more"));
                }
                // An empty answer is checked too: a rule may require it.
                let mut d = self.draft.clone();
                set(&mut d, value);
                match self.refusal(&d, path, at_least) {
                    Some(e) => Err(e),
                    None => Ok(()),
                }
            };
            let mut input = Input::<String>::with_theme(&self.theme)
                .with_prompt(prompt)
                .allow_empty(true)
                .validate_with(validate);
            if let Some(default) = &ask.default {
                input = input.default(default.clone());
            }
            match &ask.initial {
                // Pre-filled text is edited with the cursor keys.
                Some(initial) => input.with_initial_text(initial.clone()).interact_text()?,
                None => input.interact()?,
            }
        };
        let typed = ask.value(&answer);
        let value = self.canonical(path, set, typed.clone());
        if let (Some(typed), Some(fixed)) = (&typed, &value) {
            if typed != fixed {
                self.say(&format!("  ✔ {}{fixed}", self.t("已写作 ", "written as ")));
            }
        }
        set(&mut self.draft, value.clone());
        self.notes(path);
        // A document the answer makes necessary (a residence permit for an
        // ID from another province) is said now, not at the end.
        if let Some((table, _)) = path.rsplit_once('.') {
            self.notes_where(table, true);
        }
        Ok(value)
    }

    /// The answer for `path` as `icp fix` writes it (`0755-86013388` →
    /// `086-0755-86013388`): the fixes of the findings at that very field,
    /// applied until none applies.
    fn canonical(&self, path: &str, set: &Setter, mut value: Option<String>) -> Option<String> {
        for _ in 0..4 {
            let mut d = self.draft.clone();
            set(&mut d, value.clone());
            let findings =
                icp::validate::draft_field(self.rules, &d, self.dates, Some(&self.dir), path);
            match findings
                .into_iter()
                .find(|f| f.path == path && f.fix.is_some())
            {
                Some(f) => value = f.fix,
                None => break,
            }
        }
        value
    }

    /// Shows, once each, the warnings and notes at or under `path`: the
    /// province's requirements appear when the answer that triggers them is
    /// given.
    fn notes(&mut self, path: &str) {
        self.notes_where(path, false);
    }

    /// [`Self::notes`], of documents only when `documents_only`.
    fn notes_where(&mut self, path: &str, documents_only: bool) {
        let findings =
            icp::validate::draft_field(self.rules, &self.draft, self.dates, Some(&self.dir), path);
        for f in findings {
            if f.severity() == Severity::Error || f.severity() == Severity::Off {
                continue;
            }
            // Documents are asked for at the end: say only what is needed,
            // the province's own (or changed) requirements.
            let is_document = f.rule.kind == KindName::Document;
            if documents_only && !is_document {
                continue;
            }
            if is_document && f.rule.changed_by_province().is_none() {
                continue;
            }
            if !self.shown.insert(format!("{}@{}", f.id(), f.path)) {
                continue;
            }
            let province = f
                .rule
                .province
                .or_else(|| f.rule.overrides.iter().find_map(|o| o.province));
            let prefix = match province {
                Some(p) => format!("{}{}", p.short_name, self.t("：", ": ")),
                None => String::new(),
            };
            let text = match (&f.rule.summary, is_document) {
                (Some(summary), true) => summary.get(self.lang).to_owned(),
                _ => f.message(self.lang),
            };
            eprintln!("  ⚠ {prefix}{text} [{}]", f.id());
        }
    }
}

/// How one text question behaves.
#[derive(Clone, Default)]
struct Ask {
    required: bool,
    /// Text pre-filled for editing.
    initial: Option<String>,
    /// The answer an empty input stands for.
    default: Option<String>,
    /// An answer that counts as empty (the untouched pre-filled text).
    empty_when: Option<String>,
    /// Refuse warnings too (document files).
    strict_files: bool,
    /// The answer, when given, is a whole number of at least 0.
    count: bool,
}

impl Ask {
    fn required() -> Ask {
        Ask {
            required: true,
            ..Ask::default()
        }
    }

    fn optional() -> Ask {
        Ask::default()
    }

    /// An optional whole number of at least 0.
    fn count() -> Ask {
        Ask {
            count: true,
            ..Ask::default()
        }
    }

    fn with_default(value: &str) -> Ask {
        Ask {
            default: Some(value.to_owned()),
            ..Ask::default()
        }
    }

    fn strict(self) -> Ask {
        Ask {
            strict_files: true,
            ..self
        }
    }

    /// The answer as stored: trimmed, `None` when empty.
    fn value(&self, input: &str) -> Option<String> {
        let v = input.trim();
        if v.is_empty() || self.empty_when.as_deref().is_some_and(|e| e.trim() == v) {
            None
        } else {
            Some(v.to_owned())
        }
    }
}

/// A list typed on one line, separated by spaces or commas (also `，`, `、`).
fn split(v: Option<&str>) -> Vec<String> {
    v.unwrap_or_default()
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The colourful theme for yes/no questions, with the answers in the
/// wizard's language: dialoguer writes `(y/n)` and `yes`/`no` whatever the
/// language. The keys stay `y` and `n` (and Enter for the default).
struct YesNo<'t> {
    colorful: &'t ColorfulTheme,
    lang: Lang,
}

impl YesNo<'_> {
    fn answer(&self, yes: bool) -> &'static str {
        match (self.lang, yes) {
            (Lang::Zh, true) => "是",
            (Lang::Zh, false) => "否",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }

    fn hint(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "（y 是 / n 否）",
            Lang::En => "(y/n)",
        }
    }
}

impl Theme for YesNo<'_> {
    fn format_confirm_prompt(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> std::fmt::Result {
        let c = self.colorful;
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                c.prompt_prefix,
                c.prompt_style.apply_to(prompt)
            )?;
        }
        write!(
            f,
            "{} {}",
            c.hint_style.apply_to(self.hint()),
            c.prompt_suffix
        )?;
        match default {
            Some(yes) => write!(f, " {}", c.defaults_style.apply_to(self.answer(yes))),
            None => Ok(()),
        }
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn std::fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> std::fmt::Result {
        let c = self.colorful;
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                c.success_prefix,
                c.prompt_style.apply_to(prompt)
            )?;
        }
        match selection {
            Some(yes) => write!(
                f,
                "{} {}",
                c.success_suffix,
                c.values_style.apply_to(self.answer(yes))
            ),
            None => write!(f, "{}", c.success_suffix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_spaces_and_commas() {
        assert_eq!(
            split(Some("a.com, b.cn，c.net  d.org")),
            ["a.com", "b.cn", "c.net", "d.org"]
        );
        assert!(split(None).is_empty());
    }

    #[test]
    fn prefilled_text_alone_is_empty() {
        let ask = Ask {
            empty_when: Some("086-0755-".into()),
            ..Ask::default()
        };
        assert_eq!(ask.value(" 086-0755- "), None);
        assert_eq!(
            ask.value("086-0755-86013388").as_deref(),
            Some("086-0755-86013388")
        );
    }
}
