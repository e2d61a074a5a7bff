//! The fields of the filing format, each listed once.
//!
//! [`FIELDS`] is the one place a field is declared: its TOML key, the table
//! it belongs to, its type, whether the format requires it, whether it holds
//! personal data, and every word a user reads about it — its label in rule
//! prose and messages, its description in the JSON Schema, its comment in a
//! written filing or template, its prompt in the wizard. The loader accepts
//! exactly these keys (and suggests among them), `icp schema` describes them,
//! the draft writer comments them, the wizard asks them, `--redact` masks
//! the personal ones, and facts named after a field take its label. Adding a
//! field means a row here, plus the model and loader code that reads it.
//!
//! Texts that name the field write `{label}` for its label, so that the
//! label is worded once and a comment or prompt built on it follows it;
//! a text with words of its own (a sentence that reads better otherwise)
//! simply does not use it.

use crate::Lang;
use crate::filing::vocab::Choices;

// Short names keep each row of the table on few lines.
use Choices as C;
use Table as T;
use Type as Ty;

/// The tables of a filing: where a field belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// The top level of the file.
    Top,
    /// `[subject]`.
    Subject,
    /// `[subject.principal]` and `[websites.principal]`: one set of keys.
    Principal,
    /// Each `[[websites]]`.
    Website,
    /// A domain written as a table in `domains`.
    Domain,
    /// `hosting = { … }`.
    Hosting,
    /// An entry of a `documents` array.
    Document,
    /// Each `[[waive]]`.
    Waiver,
}

impl Table {
    /// Every table.
    pub const ALL: &'static [Table] = &[
        Table::Top,
        Table::Subject,
        Table::Principal,
        Table::Website,
        Table::Domain,
        Table::Hosting,
        Table::Document,
        Table::Waiver,
    ];

    /// The key a table is found under (`""` for the top level): how the
    /// schema's tests and messages about tables name it.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Top => "",
            Table::Subject => "subject",
            Table::Principal => "principal",
            Table::Website => "websites",
            Table::Domain => "domains",
            Table::Hosting => "hosting",
            Table::Document => "documents",
            Table::Waiver => "waive",
        }
    }

    /// What one such table is, for the tables the schema describes apart
    /// from the key holding them: the file itself and the items of arrays.
    /// `None` for a table the key's own description describes.
    pub const fn doc(self) -> Option<Words> {
        Some(match self {
            Table::Top => Words::new(
                "ICP 备案文件（icp 的 TOML 格式）",
                "an ICP filing in icp's TOML format",
            ),
            Table::Website => Words::new("一个网站", "one website"),
            Table::Domain => Words::new(
                "域名及其持有者、到期日、注册商",
                "a domain with its holder, expiry and registrar",
            ),
            Table::Document => Words::new("一份材料", "one document"),
            Table::Waiver => Words::new("一项豁免", "one waiver"),
            Table::Subject | Table::Principal | Table::Hosting => return None,
        })
    }

    /// The fields of this table, in the order of the filing form.
    pub fn fields(self) -> impl Iterator<Item = &'static Field> {
        FIELDS.iter().filter(move |f| f.table == self)
    }

    /// The keys of this table, in the order of the filing form.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.fields().map(|f| f.key)
    }

    /// The field of this table with a key, when there is one.
    pub fn field(self, key: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.key == key)
    }
}

/// What a field's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// `version`: the format version, an integer this build must know.
    Version,
    /// A string.
    Text,
    /// A count: an integer of at least 0.
    Count,
    /// `true` or `false`.
    Bool,
    /// A date: a TOML local date or a string `YYYY-MM-DD`.
    Date,
    /// A date, or `"long-term"` / `"长期"` for a document valid without end.
    Expiry,
    /// A province in any of its spellings (code, name, abbreviation, pinyin).
    Province,
    /// One value of a vocabulary, in either spelling.
    Choice(Choices),
    /// The id of a rule (of the built-in rules or a `--rules` directory).
    RuleId,
    /// An array of strings.
    TextList,
    /// An array of values of a vocabulary.
    ChoiceList(Choices),
    /// A table of its own.
    Table(Table),
    /// An array of tables.
    Tables(Table),
    /// `domains`: each a string (the name) or a [`Table::Domain`] table.
    Domains,
}

/// Personal data: the values `--redact` masks, by what they are (which
/// decides what of them a mask keeps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Personal {
    /// An identity document number.
    Id,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
}

/// A text in both languages, fixed at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Words {
    /// Both languages at once.
    pub const fn new(zh: &'static str, en: &'static str) -> Words {
        Words { zh, en }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// How the wording of a field changes when the subject is an individual
/// (the subject's name is then the person's name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Individual {
    /// The comment of a written filing.
    pub comment: Words,
    /// The wizard's prompt.
    pub prompt: Words,
}

/// One field of the filing format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The table it belongs to.
    pub table: Table,
    /// The TOML key.
    pub key: &'static str,
    /// What its value is.
    pub ty: Type,
    /// Whether the format itself requires it (the schema's `required`); most
    /// fields are required by rules instead, which say when.
    pub required: bool,
    /// Whether it holds personal data `--redact` masks, and which.
    pub personal: Option<Personal>,
    /// Its name in rule prose and messages.
    pub label: Words,
    /// Its description in the JSON Schema, for editors.
    pub doc: Words,
    /// The description of one item, for an array.
    pub item: Option<Words>,
    /// The comment beside it in a filing or template the draft writer
    /// writes, in the language asked for; `None` when the writer leaves
    /// the key out or writes it inside another's value.
    pub comment: Option<Words>,
    /// The wizard's prompt, when the wizard asks it.
    pub prompt: Option<Words>,
    /// Different wording in an individual's filing.
    pub individual: Option<Individual>,
}

/// A field with its label; the other columns are set by the methods below.
const fn field(
    table: Table,
    key: &'static str,
    ty: Type,
    zh: &'static str,
    en: &'static str,
) -> Field {
    Field {
        table,
        key,
        ty,
        required: false,
        personal: None,
        label: Words::new(zh, en),
        doc: Words::new("{label}", "{label}"),
        item: None,
        comment: None,
        prompt: None,
        individual: None,
    }
}

impl Field {
    const fn required(self) -> Field {
        Field {
            required: true,
            ..self
        }
    }

    const fn personal(self, kind: Personal) -> Field {
        Field {
            personal: Some(kind),
            ..self
        }
    }

    const fn doc(self, zh: &'static str, en: &'static str) -> Field {
        Field {
            doc: Words::new(zh, en),
            ..self
        }
    }

    const fn item(self, zh: &'static str, en: &'static str) -> Field {
        Field {
            item: Some(Words::new(zh, en)),
            ..self
        }
    }

    const fn comment(self, zh: &'static str, en: &'static str) -> Field {
        Field {
            comment: Some(Words::new(zh, en)),
            ..self
        }
    }

    const fn prompt(self, zh: &'static str, en: &'static str) -> Field {
        Field {
            prompt: Some(Words::new(zh, en)),
            ..self
        }
    }

    const fn individual(self, comment: Words, zh: &'static str, en: &'static str) -> Field {
        Field {
            individual: Some(Individual {
                comment,
                prompt: Words::new(zh, en),
            }),
            ..self
        }
    }

    /// A text of this field with `{label}` replaced by its label.
    fn spell(&self, text: &str, lang: Lang) -> String {
        text.replace("{label}", self.label.get(lang))
    }

    /// The description in the JSON Schema.
    pub fn description(&self, lang: Lang) -> String {
        self.spell(self.doc.get(lang), lang)
    }

    /// The comment of a written filing in a language, for a unit's filing
    /// or, with `individual`, an individual's.
    pub fn comment_text(&self, lang: Lang, individual: bool) -> Option<String> {
        let comment = match self.individual {
            Some(i) if individual => i.comment,
            _ => self.comment?,
        };
        Some(self.spell(comment.get(lang), lang))
    }

    /// The wizard's prompt in a language, for a unit's filing or, with
    /// `individual`, an individual's; the label when the table gives none.
    pub fn prompt_text(&self, lang: Lang, individual: bool) -> String {
        let prompt = match (self.individual, self.prompt) {
            (Some(i), _) if individual => i.prompt,
            (_, Some(p)) => p,
            (_, None) => self.label,
        };
        self.spell(prompt.get(lang), lang)
    }
}

/// The field of a table with a key. Meant for constant contexts
/// (`const { get(Table::Subject, "name") }`), where a key that is not in the
/// table fails the build instead of the program.
pub const fn get(table: Table, key: &str) -> &'static Field {
    let mut i = 0;
    while i < FIELDS.len() {
        let f = &FIELDS[i];
        if f.table as u8 == table as u8 && same(f.key, key) {
            return f;
        }
        i += 1;
    }
    panic!("no such field in the field table");
}

/// `a == b`, in a constant context.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every field of the filing format, table by table, each table's in the
/// order of the filing form.
pub const FIELDS: &[Field] = &[
    // ------------------------------------------------------------ top level
    field(T::Top, "version", Ty::Version, "格式版本", "format version")
        .required()
        .doc("{label}，必填，目前为 {version}", "{label}; required, currently {version}")
        .comment("{label}", "{label}"),
    field(T::Top, "type", Ty::Choice(C::FilingType), "备案类型", "filing type")
        .required()
        .doc("{label}，必填", "{label}; required")
        .comment("{label}", "{label}")
        .prompt("{label}", "Filing type"),
    field(T::Top, "prepared_on", Ty::Date, "准备日期", "preparation date")
        .doc(
            "{label}（可选）：年龄和有效期按此日期判断",
            "the date the filing was prepared (optional): ages and expiry are judged as of this day",
        )
        .comment("{label}：年龄和有效期按此日期计算", "{label}: ages and expiry dates are judged as of this day"),
    field(T::Top, "subject", Ty::Table(T::Subject), "主办单位", "subject")
        .doc(
            "{label}（个人备案时为本人）",
            "the filing subject: the unit, or the individual",
        )
        .comment("{label}", "the subject: the unit, or the individual"),
    field(T::Top, "websites", Ty::Tables(T::Website), "网站", "websites")
        .doc(
            "{label}，每个备案 1 至 10 个（[[websites]]）",
            "the {label}, 1 to 10 per filing ([[websites]])",
        )
        .comment("{label}", "website")
        .prompt("{label}", "Website"),
    field(T::Top, "waive", Ty::Tables(T::Waiver), "豁免", "waivers").doc(
        "{label}（[[waive]]）：本备案不报告某条警告级规则，须写明理由",
        "{label} ([[waive]]): a warning-level rule not reported for this filing, with a written reason",
    ),
    // ------------------------------------------------------------ [subject]
    field(T::Subject, "province", Ty::Province, "主办单位所在省份", "subject's province")
        .doc(
            "省份：代码（gd）、名称（广东省 / 广东）、简称（粤）或拼音（guangdong）",
            "province: code (gd), name (广东省 / 广东), abbreviation (粤) or pinyin (guangdong)",
        )
        .comment("省份", "province")
        .prompt(
            "省份（可输入代码、名称或拼音筛选）",
            "Province (type its code, name or pinyin to filter)",
        ),
    field(T::Subject, "city", Ty::Text, "所在城市", "city")
        .doc(
            "地级市；直辖市填本市，如 北京市",
            "{label} (prefecture level); for a municipality the municipality itself, e.g. 北京市",
        )
        .comment("所在市", "city (prefecture level)")
        .prompt("所在市", "City"),
    field(T::Subject, "district", Ty::Text, "所在区县", "district")
        .doc("区县（可选）", "{label} or county (optional)")
        .comment("{label}", "{label} or county")
        .prompt("{label}", "District"),
    field(T::Subject, "nature", Ty::Choice(C::Nature), "主办单位性质", "subject nature")
        .doc("{label}", "the subject's nature")
        .comment("{label}", "nature of the subject")
        .prompt("{label}", "Nature of the subject"),
    field(
        T::Subject,
        "certificate_type",
        Ty::Choice(C::CertificateType),
        "证件类型",
        "certificate type",
    )
    .doc("主办单位{label}（单位）", "the unit's {label} (units only)")
    .comment("{label}", "{label}")
    .prompt("{label}", "Certificate type"),
    field(T::Subject, "certificate_number", Ty::Text, "证件号码", "certificate number")
        .doc(
            "主办单位{label}（单位），如统一社会信用代码",
            "the unit's {label} (units only), e.g. the unified social credit code",
        )
        .comment("{label}", "{label}")
        .prompt(
            "{label}（统一社会信用代码）",
            "Certificate number (unified social credit code)",
        ),
    field(T::Subject, "certificate_expires", Ty::Expiry, "证件有效期", "certificate expiry")
        .doc(
            "{label}至（可选）：日期或 \"长期\"",
            "the certificate's expiry (optional): a date, or \"long-term\" (长期)",
        )
        .comment("{label}：日期或 \"长期\"", "certificate valid until: a date or \"long-term\"")
        .prompt(
            "{label}（YYYY-MM-DD 或 长期）",
            "Certificate valid until (YYYY-MM-DD or 长期)",
        ),
    field(T::Subject, "name", Ty::Text, "主办单位名称", "subject name")
        .doc(
            "{label}；个人备案填本人姓名",
            "the subject's name; for an individual, the person's name",
        )
        .comment("{label}（与证件一致）", "name of the unit (as on the certificate)")
        .prompt("{label}（与证件一致）", "Name of the unit (as on the certificate)")
        .individual(
            Words::new("主办者姓名", "your name (as on your ID)"),
            "主办者姓名（与证件一致）",
            "Your name (as on your ID)",
        ),
    field(T::Subject, "certificate_address", Ty::Text, "证件住所", "certificate address")
        .doc("{label}（证件上的地址）", "the address on the certificate")
        .comment("{label}（与证件一致）", "registered address (as on the certificate)")
        .prompt("{label}（与证件一致）", "Registered address (as on the certificate)"),
    field(T::Subject, "investor", Ty::Text, "投资人或主管单位", "investor or supervising unit")
        .doc("{label}（单位）", "investor or supervising body (units only)")
        .comment("{label}", "investor or supervising body")
        .prompt("{label}", "Investor or supervising body"),
    field(T::Subject, "business_scope", Ty::Text, "经营范围", "business scope")
        .doc(
            "{label}（单位，可选；与营业执照一致）：部分省份按经营范围要求承诺书或许可",
            "the business scope (units, optional; as on the licence): some provinces ask for a commitment or a licence by it",
        )
        .comment("{label}（与营业执照一致）", "business scope (as on the licence)")
        .prompt("{label}（与营业执照一致）", "Business scope (as on the licence)"),
    field(T::Subject, "legal_representative", Ty::Text, "法定代表人", "legal representative")
        .doc(
            "{label}姓名（单位，可选；与证件一致）：域名可由法定代表人持有",
            "the legal representative's name (units, optional; as on the certificate): a domain may be held by the legal representative",
        )
        .comment(
            "{label}姓名（与证件一致）",
            "legal representative's name (as on the certificate)",
        ),
    field(T::Subject, "address", Ty::Text, "通信地址", "communications address")
        .comment("{label}", "postal address")
        .prompt("{label}（详细到门牌号）", "Postal address (down to the door number)"),
    field(T::Subject, "note", Ty::Text, "主体信息备注", "subject note")
        .doc("{label}", "note on the subject")
        .comment("{label}", "{label}")
        .prompt("{label}（可留空）", "Note on the subject (may be empty)"),
    field(T::Subject, "icp_number", Ty::Text, "主体备案号", "subject filing number")
        .doc(
            "已有的{label}，如 粤ICP备12345678号（接入、新增网站、变更备案必填）",
            "the existing {label}, e.g. 粤ICP备12345678号 (required for access, add-website and change filings)",
        )
        .comment("已有的备案号", "existing ICP filing number")
        .prompt(
            "已有的备案号（如 粤ICP备12345678号）",
            "Existing ICP number (e.g. 粤ICP备12345678号)",
        ),
    field(T::Subject, "filed_websites", Ty::Count, "已备案网站数", "websites already filed")
        .doc(
            "主体名下{label}（变更、新增网站备案，可选）：部分省份按主体的网站总数（已备案加本次新增）提出要求",
            "the number of websites already filed under the subject (change and add-website filings, optional): some provinces set requirements by the subject's total, those filed plus the new ones of this filing",
        )
        .comment(
            "主体名下{label}（不含本次新增）",
            "{label} under the subject (not counting the new ones)",
        )
        .prompt(
            "主体名下{label}（不含本次新增；不清楚可留空）",
            "Websites already filed under the subject (not counting the new ones; may be empty)",
        ),
    field(T::Subject, "filed_domains", Ty::Count, "已备案域名数", "domains already filed")
        .doc(
            "主体名下{label}（变更、新增网站备案，可选）：部分省份按主体的域名总数提出要求",
            "the number of domains already filed under the subject (change and add-website filings, optional): some provinces set requirements by the subject's total of domains",
        )
        .comment(
            "主体名下{label}（不含本次新增）",
            "{label} under the subject (not counting the new ones)",
        )
        .prompt(
            "主体名下{label}（不含本次新增；不清楚可留空）",
            "Domains already filed under the subject (not counting the new ones; may be empty)",
        ),
    field(T::Subject, "documents", Ty::Tables(T::Document), "主体材料", "subject documents")
        .doc(
            "主办单位的材料，如营业执照扫描件",
            "the subject's documents, e.g. the scanned business licence",
        )
        .comment("主办单位证件扫描件", "scans of the subject's certificate")
        .individual(
            Words::new("主办者身份证件扫描件", "scans of your ID"),
            "主办者身份证件扫描件",
            "Scans of your ID",
        ),
    field(T::Subject, "principal", Ty::Table(T::Principal), "主体负责人", "subject principal")
        .doc(
            "{label}（[subject.principal]）",
            "the subject's principal, the person in charge ([subject.principal])",
        )
        .comment("{label}", "{label}")
        .prompt("{label}", "Subject principal"),
    // ------------------------------------- [subject.principal], [websites.principal]
    field(T::Principal, "same_as_subject", Ty::Bool, "同主体负责人", "same as the subject principal")
        .doc(
            "网站负责人即主体负责人（仅此一行即可）",
            "the website's principal is the subject's (this line alone suffices)",
        )
        .comment("与主体负责人相同", "the same person as the subject principal")
        .prompt(
            "网站负责人与主体负责人是同一人吗？",
            "Is the website principal the subject principal?",
        ),
    field(T::Principal, "name", Ty::Text, "负责人姓名", "principal's name")
        .doc("姓名", "name")
        .comment("姓名", "name")
        .prompt("姓名（与证件一致）", "Name (as on the ID)"),
    field(T::Principal, "id_type", Ty::Choice(C::IdType), "证件类型", "ID type")
        .doc("{label}", "identity document type")
        .comment("{label}", "{label}")
        .prompt("{label}", "{label}"),
    field(T::Principal, "id_number", Ty::Text, "证件号码", "ID number")
        .personal(Personal::Id)
        .doc("{label}", "identity document number")
        .comment("{label}", "{label}")
        .prompt("{label}", "{label}"),
    field(T::Principal, "id_expires", Ty::Expiry, "证件有效期", "ID expiry")
        .doc(
            "{label}至（可选）：日期或 \"长期\"",
            "the identity document's expiry (optional): a date, or \"long-term\" (长期)",
        )
        .comment("{label}：日期或 \"长期\"", "ID valid until: a date or \"long-term\"")
        .prompt(
            "{label}（YYYY-MM-DD 或 长期，可留空）",
            "ID valid until (YYYY-MM-DD or 长期; may be empty)",
        ),
    field(T::Principal, "office_phone", Ty::Text, "办公电话", "office phone")
        .personal(Personal::Phone)
        .doc(
            "{label}，写作 086-区号-号码，如 086-0755-86013388",
            "{label}, written 086-<area code>-<number>, e.g. 086-0755-86013388",
        )
        .comment("{label}：086-区号-号码", "{label}: 086-<area code>-<number>")
        .prompt("{label}（086-区号-号码）", "Office phone (086-area code-number)"),
    field(T::Principal, "mobile", Ty::Text, "手机号码", "mobile number")
        .personal(Personal::Phone)
        .doc("{label}", "mobile phone number")
        .comment("{label}", "{label}")
        .prompt("{label}", "Mobile number"),
    field(T::Principal, "emergency_phone", Ty::Text, "应急联系电话", "emergency phone")
        .personal(Personal::Phone)
        .doc(
            "{label}，须与手机号码不同",
            "emergency contact phone; must differ from the mobile",
        )
        .comment("{label}：不能与本人手机相同", "{label}: not the same as the mobile")
        .prompt(
            "{label}（不能与本人手机相同）",
            "Emergency phone (not the same as the mobile)",
        ),
    field(T::Principal, "email", Ty::Text, "电子邮箱", "e-mail")
        .personal(Personal::Email)
        .doc("{label}", "e-mail address")
        .comment("{label}", "{label}")
        .prompt("{label}", "E-mail"),
    field(
        T::Principal,
        "legal_representative",
        Ty::Bool,
        "是法定代表人",
        "is the legal representative",
    )
    .doc(
        "是否为法定代表人",
        "whether this person is the legal representative (法定代表人)",
    )
    .comment("是否为法定代表人（true 或 false）", "whether this person is the legal representative (true or false)")
    .prompt("此人是法定代表人吗？", "Is this person the legal representative?"),
    field(T::Principal, "documents", Ty::Tables(T::Document), "负责人材料", "principal's documents")
        .doc(
            "负责人的材料：身份证扫描件、授权书等",
            "this person's documents: ID scans, letter of authorisation, …",
        )
        .comment("证件扫描件", "scans of the ID"),
    // ------------------------------------------------------------ [[websites]]
    field(T::Website, "name", Ty::Text, "网站名称", "website name")
        .comment("{label}", "{label}")
        .prompt("{label}", "Website name"),
    field(T::Website, "domains", Ty::Domains, "网站域名", "domains")
        .doc(
            "{label}：字符串，或 { name, holder, expires, registrar, privacy } 表",
            "the website's {label}: strings, or tables { name, holder, expires, registrar, privacy }",
        )
        .item("一个域名：字符串或表", "a domain: a string or a table")
        .comment("{label}", "{label}")
        .prompt(
            "域名（一个网站一个域名；其他域名请作为另一个网站添加）",
            "Domain (one per website; add another domain as another website)",
        ),
    field(T::Website, "homepages", Ty::TextList, "网站首页", "homepages")
        .doc(
            "{label}地址，须在 domains 之内",
            "homepage addresses; each must lie within the domains",
        )
        .item("首页地址，如 www.example.com", "a homepage address, e.g. www.example.com")
        .comment("{label}地址：须在域名之内", "homepage addresses: within the domains")
        .prompt(
            "{label}地址（空格选择，回车确认）",
            "Homepage addresses (space to select, enter to confirm)",
        ),
    field(T::Website, "service", Ty::Choice(C::Service), "网站服务内容", "service content")
        .doc("{label}", "the website's {label}")
        .comment("服务内容", "{label}")
        .prompt("服务内容", "Service"),
    field(T::Website, "preapprovals", Ty::ChoiceList(C::Preapproval), "前置审批", "pre-approvals")
        .doc(
            "需{label}的内容类别",
            "content categories that need a pre-approval (前置审批)",
        )
        .item("前置审批类别", "pre-approval category")
        .comment("{label}", "{label}")
        .prompt(
            "{label}（涉及才选；空格选择，回车确认）",
            "Pre-approvals, if any (space to select, enter to confirm)",
        ),
    field(T::Website, "languages", Ty::TextList, "网站语言", "languages")
        .doc("{label}", "the website's {label}")
        .item("语言，如 zh-CN", "a language, e.g. zh-CN")
        .comment("{label}", "{label}"),
    field(T::Website, "note", Ty::Text, "网站备注", "website note")
        .doc("{label}", "note on the website")
        .comment("{label}", "{label}")
        .prompt("{label}（可留空）", "Note on the website (may be empty)"),
    field(T::Website, "hosting", Ty::Table(T::Hosting), "接入方式", "hosting")
        .doc(
            "{label}：资源类型与 IP，或备案授权码",
            "how the website is hosted: the kind of resource and its IPs, or an authorisation code",
        )
        .comment("{label}", "{label}")
        .prompt("{label}", "Hosting"),
    field(T::Website, "icp_number", Ty::Text, "网站备案号", "website filing number").doc(
        "网站已有的备案号（已备案时）",
        "the website's own filing number, when it is already filed",
    ),
    field(T::Website, "documents", Ty::Tables(T::Document), "网站材料", "website documents")
        .doc(
            "网站的材料：核验单、域名证书、前置审批文件等",
            "the website's documents: verification sheet, domain certificates, pre-approvals, …",
        )
        .comment("{label}（核验单等）", "the website's documents (verification sheet, …)"),
    field(T::Website, "principal", Ty::Table(T::Principal), "网站负责人", "website principal")
        .doc(
            "{label}（[websites.principal]），或只写 same_as_subject = true",
            "the website's principal ([websites.principal]), or just same_as_subject = true",
        )
        .comment("{label}", "{label}")
        .prompt("{label}", "Website principal"),
    // ------------------------------------------------------------ domains
    field(T::Domain, "name", Ty::Text, "域名", "domain")
        .required()
        .doc("{label}，如 example.com", "the domain name, e.g. example.com"),
    field(T::Domain, "holder", Ty::Text, "域名持有者", "domain holder")
        .doc("{label}", "the domain's holder"),
    field(T::Domain, "expires", Ty::Date, "域名到期日", "domain expiry")
        .doc("{label}", "the domain's expiry date"),
    field(T::Domain, "registrar", Ty::Text, "域名注册商", "registrar")
        .doc(
            "{label}名称（可选），如 阿里云、GoDaddy：部分省份不受理境外注册商的域名",
            "the registrar's name (optional), e.g. 阿里云, GoDaddy: some provinces refuse domains held at foreign registrars",
        )
        .prompt(
            "{label}（如 阿里云、腾讯云）",
            "Registrar (e.g. 阿里云, 腾讯云, GoDaddy)",
        ),
    field(T::Domain, "privacy", Ty::Bool, "域名隐私保护", "WHOIS privacy")
        .doc(
            "{label}是否开启（可选）：备案期间应关闭",
            "whether WHOIS privacy protection is on (optional): switch it off while filing",
        ),
    // ------------------------------------------------------------ hosting
    field(
        T::Hosting,
        "type",
        Ty::Choice(C::HostingType),
        "接入资源类型",
        "kind of hosting resource",
    ),
    field(T::Hosting, "ips", Ty::TextList, "服务器公网 IP", "public IP addresses")
        .doc("{label}", "the server's {label}")
        .item("公网 IP 地址", "a public IP address")
        .prompt(
            "服务器 IP 地址（多个用空格或逗号分隔）",
            "Server IP addresses (separate several with spaces or commas)",
        ),
    field(T::Hosting, "code", Ty::Text, "备案授权码", "authorisation code")
        .doc(
            "{label}（type = \"authorization-code\" 时）",
            "the {label} (with type = \"authorization-code\")",
        )
        .prompt("{label}", "Filing authorisation code"),
    // ------------------------------------------------------------ documents
    field(T::Document, "kind", Ty::Choice(C::DocumentKind), "材料类型", "document kind").required(),
    field(T::Document, "file", Ty::Text, "文件", "file")
        .required()
        .doc(
            "文件路径，相对于备案文件所在目录；须为 .jpg，不超过 2 MiB",
            "the {label}, relative to the filing's directory; a .jpg of at most 2 MiB",
        ),
    field(T::Document, "category", Ty::Choice(C::Preapproval), "前置审批类别", "pre-approval category")
        .doc(
            "{label}（kind = \"preapproval\" 时）",
            "the {label} (with kind = \"preapproval\")",
        ),
    field(T::Document, "domain", Ty::Text, "对应域名", "domain it is for").doc(
        "该材料对应的域名（按域名提交时）",
        "the domain this document is for (where one is kept per domain)",
    ),
    field(T::Document, "issued_on", Ty::Date, "签发日期", "date issued")
        .doc(
            "材料的{label}或落款日期（可选），如核验单、话费清单",
            "the date the document was issued or signed (optional), e.g. of a verification sheet or phone bill",
        )
        .prompt("材料上的日期（签发或落款）", "Date on the document (issued or signed)"),
    field(T::Document, "valid_until", Ty::Date, "有效期至", "valid until")
        .doc(
            "材料{label}（可选），如居住证",
            "the last day the document is valid (optional), e.g. of a residence permit",
        )
        .prompt("{label}", "Valid until"),
    // ------------------------------------------------------------ [[waive]]
    field(T::Waiver, "rule", Ty::RuleId, "规则编号", "rule id")
        .required()
        .doc("要豁免的{label}", "the id of the rule to waive"),
    field(T::Waiver, "reason", Ty::Text, "豁免理由", "reason")
        .required()
        .doc(
            "{label}：为何该规则不适用于本备案",
            "why the rule does not apply to this filing",
        ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_once_in_its_table() {
        for (i, f) in FIELDS.iter().enumerate() {
            let first = FIELDS
                .iter()
                .position(|g| g.table == f.table && g.key == f.key);
            assert_eq!(
                first,
                Some(i),
                "{}.{} is listed twice",
                f.table.name(),
                f.key
            );
        }
    }

    #[test]
    fn every_table_has_fields_and_is_reached_from_the_top() {
        let mut reached = vec![Table::Top];
        let mut i = 0;
        while let Some(&table) = reached.get(i) {
            for f in table.fields() {
                let inner = match f.ty {
                    Type::Table(t) | Type::Tables(t) => Some(t),
                    Type::Domains => Some(Table::Domain),
                    _ => None,
                };
                if let Some(t) = inner.filter(|t| !reached.contains(t)) {
                    reached.push(t);
                }
            }
            i += 1;
        }
        for table in Table::ALL {
            assert!(table.fields().next().is_some(), "{table:?} has no fields");
            assert!(reached.contains(table), "{table:?} is in no table");
        }
    }

    #[test]
    fn arrays_and_only_arrays_describe_their_items() {
        for f in FIELDS {
            let plain_list = matches!(f.ty, Type::TextList | Type::ChoiceList(_) | Type::Domains);
            assert_eq!(f.item.is_some(), plain_list, "{}.{}", f.table.name(), f.key);
        }
        for table in Table::ALL {
            // An array's tables need a description of their own; so does the file.
            let in_array = FIELDS.iter().any(|f| {
                f.ty == Type::Tables(*table) || (f.ty == Type::Domains && *table == Table::Domain)
            });
            assert_eq!(
                table.doc().is_some(),
                in_array || *table == Table::Top,
                "{table:?}"
            );
        }
    }

    #[test]
    fn labels_are_spelled_in_place_of_the_placeholder() {
        let f = get(Table::Principal, "office_phone");
        assert_eq!(
            f.comment_text(Lang::Zh, false).as_deref(),
            Some("办公电话：086-区号-号码")
        );
        assert_eq!(
            f.comment_text(Lang::En, false).as_deref(),
            Some("office phone: 086-<area code>-<number>")
        );
        assert_eq!(f.prompt_text(Lang::Zh, false), "办公电话（086-区号-号码）");
        assert!(f.description(Lang::En).starts_with("office phone, written"));
        let name = get(Table::Subject, "name");
        assert_eq!(
            name.comment_text(Lang::Zh, true).as_deref(),
            Some("主办者姓名")
        );
        assert_eq!(
            name.comment_text(Lang::En, true).as_deref(),
            Some("your name (as on your ID)")
        );
        assert_eq!(
            name.prompt_text(Lang::En, false),
            "Name of the unit (as on the certificate)"
        );
        // No text is left with a placeholder but the version's, which the
        // schema fills in.
        for f in FIELDS {
            for lang in [Lang::Zh, Lang::En] {
                let texts = [
                    Some(f.description(lang)),
                    Some(f.prompt_text(lang, false)),
                    Some(f.prompt_text(lang, true)),
                    f.comment_text(lang, false),
                    f.comment_text(lang, true),
                ];
                for text in texts.into_iter().flatten() {
                    let left = text.replace("{version}", "");
                    assert!(
                        !left.contains("{label"),
                        "{}.{}: {text}",
                        f.table.name(),
                        f.key
                    );
                    assert!(!text.trim().is_empty(), "{}.{}", f.table.name(), f.key);
                }
            }
        }
    }

    #[test]
    fn english_comments_are_english() {
        // The comments of an English template have no Chinese but what a
        // filer must type as it is (长期).
        for f in FIELDS {
            for individual in [false, true] {
                let Some(text) = f.comment_text(Lang::En, individual) else {
                    continue;
                };
                let text = text.replace("长期", "");
                assert!(
                    !text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c)
                        || ('\u{ff00}'..='\u{ffef}').contains(&c)),
                    "{}.{}: {text}",
                    f.table.name(),
                    f.key
                );
            }
        }
    }

    #[test]
    fn a_key_is_personal_data_in_every_table_or_in_none() {
        // `--redact` finds values by their key alone, wherever the key is.
        for f in FIELDS {
            for g in FIELDS.iter().filter(|g| g.key == f.key) {
                assert_eq!(f.personal, g.personal, "`{}` differs between tables", f.key);
            }
        }
    }

    #[test]
    fn lookups_find_the_listed_field() {
        assert_eq!(get(Table::Hosting, "type").label.zh, "接入资源类型");
        assert_eq!(
            Table::Website.field("name").map(|f| f.label.zh),
            Some("网站名称")
        );
        assert_eq!(Table::Domain.field("holderr"), None);
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("ab", "abc"));
    }
}
