//! `icp new`: the wizard driven through a real pseudo-terminal, the
//! template, and the refusals (an existing file, no terminal).

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use rexpect::ReadUntil;
use rexpect::session::PtySession;

/// Seconds any one prompt may take to appear (debug builds on a busy CI
/// machine check every answer with the whole rule set).
const TIMEOUT_MS: u64 = 30_000;

fn icp() -> Command {
    Command::cargo_bin("icp").unwrap()
}

/// A directory with the example scans under `scans/`.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_example_scans(dir.path());
    dir
}

fn spawn(dir: &Path, lang: &str) -> PtySession {
    let mut cmd = icp();
    cmd.current_dir(dir)
        .args(["new", "--today", "2026-11-28", "--lang", lang])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).unwrap()
}

/// Waits for text on the terminal. rexpect reads the output byte by byte
/// as Latin-1 characters, so the needle is spelled the same way.
fn expect(p: &mut PtySession, text: &str) {
    let needle: String = text.bytes().map(char::from).collect();
    p.exp_string(&needle)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
}

/// Waits for a prompt, then answers it (the answer's keys, then Enter).
fn answer(p: &mut PtySession, prompt: &str, keys: &str) {
    expect(p, prompt);
    if !keys.is_empty() {
        p.send(keys).unwrap();
    }
    p.send("\r").unwrap();
    p.flush().unwrap();
}

/// Types a line at once (after a refused answer, the prompt is asked again).
fn retype(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.send("\r").unwrap();
    p.flush().unwrap();
}

/// Answers the document questions until `end` appears: each prompt gets the
/// file of the first entry whose text it contains.
/// The first question is first answered with a file that does not exist,
/// which must be refused.
fn documents(p: &mut PtySession, end: &str, files: &[(&str, &str)]) {
    let mut first = true;
    let latin1 = |s: &str| -> String { s.bytes().map(char::from).collect() };
    let end = latin1(end);
    // A question is the line that starts with "? " and ends in " › ".
    let question = regex::Regex::new(
        &(regex::escape(&latin1("? ")) + "[^\r\n]*" + &regex::escape(&latin1(" › "))),
    )
    .unwrap();
    loop {
        let (_, found) = p
            .exp_any(vec![
                ReadUntil::String(end.clone()),
                ReadUntil::Regex(question.clone()),
            ])
            .unwrap_or_else(|e| panic!("waiting for a document question: {e}"));
        if found == end {
            return;
        }
        let asked: String = String::from_utf8(found.chars().map(|c| c as u8).collect()).unwrap();
        let (_, file) = files
            .iter()
            .find(|(name, _)| asked.contains(name))
            .expect("a fallback entry");
        if std::mem::take(&mut first) {
            retype(p, "scans/nope.jpg");
            expect(p, "document-file-missing");
        }
        retype(p, file);
    }
}

fn validate_clean(dir: &Path) {
    let out = icp()
        .current_dir(dir)
        .args(["validate", "--deny-warnings", "filing.toml"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        std::fs::read_to_string(dir.join("filing.toml")).unwrap()
    );
}

#[test]
fn an_enterprise_filing_with_a_corrected_id_number() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "en");
    answer(&mut p, "Filing type", "");
    answer(&mut p, "Province", "guangdong");
    // A name that matches no city is refused with a hint, not ignored;
    // pinyin is taken for the Chinese name.
    answer(&mut p, "City", "atlantis");
    expect(&mut p, "no place here is named atlantis");
    retype(&mut p, "shenzhen");
    answer(&mut p, "District", "nan shan");
    answer(&mut p, "Nature of the subject", "");
    answer(&mut p, "Certificate number", "91440300MA5F12342Q");
    answer(&mut p, "Certificate valid until", "");
    answer(&mut p, "Name of the unit", "深圳市示例科技有限公司");
    answer(
        &mut p,
        "Registered address",
        "深圳市南山区粤海街道科技园路1号",
    );
    answer(&mut p, "Investor", "深圳市示例控股有限公司");
    // Guangdong's finance rule reads the business scope, so it is asked.
    answer(&mut p, "Business scope", "软件开发；信息技术咨询服务");
    answer(
        &mut p,
        "Postal address",
        "广东省深圳市南山区粤海街道科技园路1号A座301",
    );
    answer(&mut p, "Note on the subject", "");
    answer(&mut p, "Name (as on the ID)", "张三");
    answer(&mut p, "ID type", "");
    // A typo in the last digit: the check character no longer matches.
    answer(&mut p, "ID number", "440305199003074438");
    expect(&mut p, "resident-id-checksum");
    retype(&mut p, "440305199003074437");
    answer(&mut p, "ID valid until", "2036-05-01");
    // The office phone comes with the city's area code filled in.
    answer(&mut p, "086-0755-", "86013388");
    answer(&mut p, "Mobile number", "13800138000");
    answer(&mut p, "Emergency phone", "13912345678");
    answer(&mut p, "E-mail", "zhangsan@example.com");
    answer(&mut p, "legal representative", "");
    answer(&mut p, "Website name", "示例科技");
    answer(&mut p, "Domain (one per website", "example.com");
    // The holder defaults to the subject; the expiry date is checked at once.
    answer(&mut p, "Domain holder", "");
    answer(&mut p, "Domain expires on", "2026-12-01");
    expect(&mut p, "domain-validity-short");
    retype(&mut p, "2028-03-01");
    answer(&mut p, "Homepage addresses", "");
    answer(&mut p, "Service", "");
    answer(&mut p, "Pre-approvals", "");
    answer(&mut p, "Note on the website", "");
    answer(&mut p, "Hosting", "");
    answer(&mut p, "Server IP addresses", "119.29.168.10");
    answer(&mut p, "website principal the subject principal", "");
    answer(&mut p, "Add another website", "");
    // The documents the rules ask for (the province's may change); a file
    // that is not there is refused at the prompt.
    documents(
        &mut p,
        "wrote filing.toml",
        &[
            ("business licence", "scans/license.jpg"),
            ("photo side", "scans/zhangsan-front.jpg"),
            ("emblem side", "scans/zhangsan-back.jpg"),
            ("verification sheet", "scans/sheet.jpg"),
            // Guangdong's letter of commitment has a scan of its own: one
            // file declared as two kinds of document is refused.
            ("commitment", "scans/commitment.jpg"),
            // Any other document: a placeholder scan.
            ("", "scans/sheet.jpg"),
        ],
    );
    p.exp_eof().unwrap();
    validate_clean(dir.path());
    let text = std::fs::read_to_string(dir.path().join("filing.toml")).unwrap();
    assert!(text.contains("prepared_on = 2026-11-28"), "{text}");
    // Commented in the wizard's language, the names in Chinese.
    assert!(text.contains("# the subject"), "{text}");
    assert!(text.contains("city = \"深圳市\""), "{text}");
    assert!(text.contains("district = \"南山区\""), "{text}");
    assert!(
        text.contains("id_number = \"440305199003074437\""),
        "{text}"
    );
}

/// A new-website filing in Jiangxi: its rule on the websites already filed
/// makes the wizard ask their number (a whole number), and no rule of
/// Jiangxi counts the domains filed, so that is not asked.
#[test]
fn a_new_website_filing_asks_what_is_filed_where_a_rule_counts_it() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "en");
    answer(&mut p, "Filing type", "add-website");
    answer(&mut p, "Province", "jiangxi");
    answer(&mut p, "City", "南昌");
    answer(&mut p, "District", "东湖");
    answer(&mut p, "Existing ICP number", "赣ICP备20260001号");
    answer(&mut p, "Nature of the subject", "");
    answer(&mut p, "Certificate number", "91360102MA1K5L2N2C");
    answer(&mut p, "Certificate valid until", "");
    answer(&mut p, "Name of the unit", "南昌东湖示例文化传播有限公司");
    answer(&mut p, "Registered address", "南昌市东湖区八一大道357号");
    answer(&mut p, "Investor", "南昌东湖示例控股有限公司");
    answer(&mut p, "Business scope", "组织文化艺术交流活动");
    answer(
        &mut p,
        "Postal address",
        "江西省南昌市东湖区八一大道357号财富广场906室",
    );
    answer(&mut p, "Note on the subject", "");
    answer(&mut p, "Websites already filed", "many");
    expect(&mut p, "a whole number, 0 or more");
    retype(&mut p, "16");
    let needle: String = "Name (as on the ID)".bytes().map(char::from).collect();
    let before = p.exp_string(&needle).unwrap();
    assert!(!before.contains("Domains already filed"), "{before}");
}

#[test]
fn a_personal_filing() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "zh");
    answer(&mut p, "备案类型", "");
    answer(&mut p, "省份", "sichuan");
    answer(&mut p, "所在市", "成都");
    answer(&mut p, "所在区县", "锦江");
    answer(&mut p, "主办单位性质", "个人");
    answer(&mut p, "主办者姓名", "李四");
    answer(
        &mut p,
        "通信地址",
        "四川省成都市锦江区红星路三段1号2栋3单元401",
    );
    answer(&mut p, "主体信息备注", "");
    answer(&mut p, "证件类型", "");
    answer(&mut p, "证件号码", "510104199506123019");
    answer(&mut p, "证件有效期", "2035-06-01");
    // Optional for an individual: the pre-filled area code alone is no answer.
    answer(&mut p, "086-028-", "");
    // Answers are written as `icp fix` writes them: the mobile at once…
    answer(&mut p, "手机号码", "+86 139 0080 1234");
    expect(&mut p, "已写作 13900801234");
    answer(&mut p, "应急联系电话", "13800138000");
    answer(&mut p, "电子邮箱", "lisi@example.cn");
    answer(&mut p, "网站名称", "李四的编程笔记");
    // …a list item when the filing is written, in canonical form.
    answer(&mut p, "域名（一个网站一个域名", "LiSi-Notes.cn");
    answer(&mut p, "域名持有者", "");
    answer(&mut p, "域名到期日", "2028-05-01");
    answer(&mut p, "网站首页地址", "");
    answer(&mut p, "服务内容", "");
    answer(&mut p, "前置审批", "");
    // The note a personal site needs: refused empty, then given.
    answer(&mut p, "网站备注", "");
    expect(&mut p, "[personal-content-note]");
    retype(
        &mut p,
        "个人技术博客，记录编程学习笔记，不涉及企业信息和经营性内容",
    );
    answer(&mut p, "接入方式", "");
    answer(&mut p, "服务器 IP 地址", "119.29.168.11");
    // A yes/no question reads in Chinese, default and answer too (the
    // keys stay y and n).
    answer(&mut p, "再添加一个网站？ （y 是 / n 否） › 否", "");
    expect(&mut p, "再添加一个网站？ · 否");
    documents(
        &mut p,
        "已写入 filing.toml",
        &[
            ("人像面", "scans/lisi-front.jpg"),
            ("国徽面", "scans/lisi-back.jpg"),
            ("核验单", "scans/lisi-sheet.jpg"),
            ("", "scans/lisi-sheet.jpg"),
        ],
    );
    p.exp_eof().unwrap();
    validate_clean(dir.path());
    let text = std::fs::read_to_string(dir.path().join("filing.toml")).unwrap();
    assert!(text.contains("mobile = \"13900801234\""), "{text}");
    assert!(text.contains("# 主办单位"), "{text}");
    // A personal site or blog by default, and the domain with its holder
    // and expiry date.
    assert!(text.contains("service = \"personal\""), "{text}");
    assert!(
        text.contains("{ name = \"lisi-notes.cn\", holder = \"李四\", expires = 2028-05-01 }"),
        "{text}"
    );
}

#[test]
fn a_province_requirement_shows_when_its_answer_is_given() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "zh");
    answer(&mut p, "备案类型", "");
    answer(&mut p, "省份", "sichuan");
    answer(&mut p, "所在市", "成都");
    answer(&mut p, "所在区县", "锦江");
    answer(&mut p, "主办单位性质", "个人");
    answer(&mut p, "主办者姓名", "张三");
    answer(
        &mut p,
        "通信地址",
        "四川省成都市锦江区红星路三段1号2栋3单元401",
    );
    answer(&mut p, "主体信息备注", "");
    answer(&mut p, "证件类型", "");
    // A Guangdong ID in a Sichuan personal filing: Sichuan's proof of
    // residence is asked for at once, before the next question.
    answer(&mut p, "证件号码", "440305199003074437");
    expect(&mut p, "⚠ 四川：");
    expect(&mut p, "证件有效期");
}

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filing.toml");
    std::fs::write(&path, "keep me").unwrap();
    for args in [
        &["new", "--lang", "en"][..],
        &["new", "--lang", "en", "--template", "--province", "gd"][..],
    ] {
        let out = icp().current_dir(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("filing.toml already exists; add --force"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    }
    let out = icp()
        .current_dir(dir.path())
        .args(["new", "--template", "--province", "gd", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("[subject]")
    );
    // Nothing but the filing is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn without_a_terminal_it_does_not_ask() {
    let dir = tempfile::tempdir().unwrap();
    let out = icp()
        .current_dir(dir.path())
        .args(["new", "--lang", "en"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--template"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    let out = icp()
        .args(["new", "--template", "-", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--template needs --province");
}

#[test]
fn ctrl_c_leaves_nothing_behind() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "en");
    answer(&mut p, "Filing type", "");
    answer(&mut p, "Province", "gd");
    expect(&mut p, "City");
    p.send_control('c').unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    assert!(!dir.path().join("filing.toml").exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["scans"]);
}

/// Cancelling says so in the wizard's language, and nothing in English
/// about the interrupted read behind it.
#[test]
fn ctrl_c_says_cancelled_in_chinese() {
    let dir = workdir();
    let mut p = spawn(dir.path(), "zh");
    answer(&mut p, "备案类型", "");
    answer(&mut p, "省份", "gd");
    expect(&mut p, "所在市");
    p.send_control('c').unwrap();
    p.flush().unwrap();
    let rest = p.exp_eof().unwrap();
    let rest =
        String::from_utf8_lossy(&rest.chars().map(|c| c as u8).collect::<Vec<u8>>()).into_owned();
    assert!(rest.contains("已取消，未写入任何文件"), "{rest}");
    assert!(
        !rest.contains("error") && !rest.contains("interrupted"),
        "{rest}"
    );
    assert!(!dir.path().join("filing.toml").exists());
}

/// The template of every province and nature loads without a syntax, key
/// or type error: only its empty values are reported.
/// An English template has no Chinese but in values to keep as they are: a
/// municipality's city, and in the list of the province's documents, whose
/// names may carry their Chinese name and whose conditions quote the words
/// they look for (`when website name contains 网约车`).
fn english_but_values(text: &str, p: &icp::data::Province) {
    let cjk = |s: &str| {
        s.chars().any(|c| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
    };
    for line in text.lines() {
        let line = line.replace(&format!("city = \"{}\"", p.name), "");
        if line.starts_with("#   kind = ") {
            continue;
        }
        assert!(!cjk(&line), "{}: {line}", p.code);
    }
}

#[test]
fn the_template_of_every_province_parses() {
    let natures = ["enterprise", "personal", "government"];
    for p in icp::data::provinces().iter().filter(|p| p.mainland) {
        for nature in natures {
            let out = icp()
                .args([
                    "new",
                    "--template",
                    "-",
                    "--province",
                    p.code,
                    "--nature",
                    nature,
                ])
                .args(["--today", "2026-11-28", "--lang", "en"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{} {nature}", p.code);
            english_but_values(&String::from_utf8_lossy(&out.stdout), p);
            let loaded = icp::filing::load(out.stdout);
            assert!(loaded.parsed, "{} {nature}", p.code);
            assert!(
                loaded.issues.is_empty(),
                "{} {nature}: {:?}",
                p.code,
                loaded.issues
            );
            assert_eq!(loaded.filing.province().map(|x| x.code), Some(p.code));
        }
    }
}

/// The wizard shows a province's requirement when the answer that triggers
/// it is given: the finding it shows is there, at the principal, and is the
/// province's.
#[test]
fn a_province_requirement_appears_at_the_answer_that_triggers_it() {
    use icp::filing::draft::{Draft, PrincipalDraft};
    use icp::filing::{FilingType, Nature};
    let rules = icp::rules::RuleSet::builtin().unwrap();
    let date = jiff::civil::date(2026, 11, 28);
    let dates = icp::rules::engine::Dates {
        today: date,
        forced: Some(date),
    };
    let mut draft = Draft::new(FilingType::New, date);
    draft.subject.province = icp::data::province("sc");
    draft.subject.city = Some("成都市".into());
    draft.subject.nature = Some(Nature::Enterprise);
    draft.subject.principal = PrincipalDraft {
        name: Some("张三".into()),
        legal_representative: Some(true),
        ..PrincipalDraft::default()
    };
    let letter = |d: &Draft| {
        icp::validate::draft_field(&rules, d, dates, None, "subject.principal")
            .into_iter()
            .find(|f| f.id() == "subject-principal-letter")
    };
    assert!(letter(&draft).is_none());
    draft.subject.principal.legal_representative = Some(false);
    let f = letter(&draft).expect("Sichuan asks for a letter");
    let province = f
        .rule
        .province
        .or_else(|| f.rule.overrides.iter().find_map(|o| o.province));
    assert_eq!(province.map(|p| p.code), Some("sc"));
}

#[test]
fn the_registrar_is_asked_where_the_province_refuses_foreign_ones() {
    // Inner Mongolia refuses domains held at foreign registrars and asks for
    // the registrar (a Sichuan filing is never asked: `a_personal_filing`).
    let dir = workdir();
    let mut p = spawn(dir.path(), "zh");
    answer(&mut p, "备案类型", "");
    answer(&mut p, "省份", "neimenggu");
    answer(&mut p, "所在市", "呼和浩特");
    answer(&mut p, "所在区县", "新城");
    answer(&mut p, "主办单位性质", "个人");
    answer(&mut p, "主办者姓名", "乌兰");
    answer(
        &mut p,
        "通信地址",
        "内蒙古自治区呼和浩特市新城区兴安北路12号4单元301",
    );
    answer(&mut p, "主体信息备注", "");
    answer(&mut p, "证件类型", "");
    answer(&mut p, "证件号码", "150102199403162023");
    answer(&mut p, "证件有效期", "2034-03-16");
    answer(&mut p, "086-0471-", "");
    answer(&mut p, "手机号码", "13704712233");
    answer(&mut p, "应急联系电话", "13604714455");
    answer(&mut p, "电子邮箱", "wulan@example.cn");
    answer(&mut p, "网站名称", "乌兰的草原摄影");
    answer(&mut p, "域名（一个网站一个域名", "wulan-photo.cn");
    answer(&mut p, "域名持有者", "");
    answer(&mut p, "域名到期日", "2028-05-01");
    // A registrar abroad is refused, one in China accepted.
    answer(&mut p, "域名注册商（如 阿里云", "GoDaddy");
    expect(&mut p, "[domain-registrar-foreign]");
    retype(&mut p, "阿里云");
    expect(&mut p, "网站首页地址");
}

#[test]
fn a_document_date_is_asked_where_the_province_judges_it() {
    // Shanghai wants the verification sheet dated within three months: its
    // date is asked after its file (a Sichuan filing is never asked:
    // `a_personal_filing`).
    let dir = workdir();
    let mut p = spawn(dir.path(), "zh");
    answer(&mut p, "备案类型", "");
    answer(&mut p, "省份", "shanghai");
    answer(&mut p, "所在区县", "浦东");
    answer(&mut p, "主办单位性质", "个人");
    answer(&mut p, "主办者姓名", "周立");
    answer(&mut p, "通信地址", "上海市浦东新区世纪大道100号3号楼1203室");
    answer(&mut p, "主体信息备注", "");
    answer(&mut p, "证件类型", "");
    answer(&mut p, "证件号码", "31011519920815234X");
    answer(&mut p, "证件有效期", "2035-08-15");
    answer(&mut p, "086-021-", "");
    answer(&mut p, "手机号码", "13761201234");
    answer(&mut p, "应急联系电话", "13661205678");
    answer(&mut p, "电子邮箱", "zhouli@zhouli-notes.cn");
    answer(&mut p, "网站名称", "周立的读书笔记");
    answer(&mut p, "域名（一个网站一个域名", "zhouli-notes.cn");
    answer(&mut p, "域名持有者", "");
    answer(&mut p, "域名到期日", "2028-08-01");
    answer(&mut p, "网站首页地址", "");
    answer(&mut p, "服务内容", "");
    answer(&mut p, "前置审批", "");
    answer(
        &mut p,
        "网站备注",
        "个人读书笔记，记录阅读心得，不涉及企业信息和经营性内容",
    );
    answer(&mut p, "接入方式", "");
    answer(&mut p, "服务器 IP 地址", "101.132.10.21");
    answer(&mut p, "再添加一个网站？", "");
    documents(
        &mut p,
        "已写入 filing.toml",
        &[
            ("人像面", "scans/lisi-front.jpg"),
            ("国徽面", "scans/lisi-back.jpg"),
            ("材料上的日期", "2026-11-20"),
            ("", "scans/lisi-sheet.jpg"),
        ],
    );
    p.exp_eof().unwrap();
    validate_clean(dir.path());
    let text = std::fs::read_to_string(dir.path().join("filing.toml")).unwrap();
    assert!(
        text.contains(
            "{ kind = \"verification-sheet\", file = \"scans/lisi-sheet.jpg\", issued_on = 2026-11-20 }"
        ),
        "{text}"
    );
}

/// The template of a Sichuan individual, in both languages.
fn template(args: &[&str]) -> String {
    let out = icp()
        .args(["--no-config", "new", "--template", "--today", "2026-11-28"])
        .args(args)
        .arg("-")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn template_marks_agree_with_the_rules_and_list_each_document_once() {
    let sc = template(&["--province", "sc", "--nature", "personal", "--lang", "en"]);
    // An individual has no certificate: the subject's scans are the ID.
    assert!(
        !sc.contains("certificate\n") && !sc.contains("subject's certificate"),
        "{sc}"
    );
    assert!(sc.contains("# optional: scans of your ID"), "{sc}");
    // One line per document kind, its conditions together.
    assert_eq!(sc.matches("kind = \"preapproval\"").count(), 1, "{sc}");
    assert!(
        sc.contains("(when the website's content needs a pre-approval, or when "),
        "{sc}"
    );
    let zh = template(&["--province", "sc", "--nature", "personal", "--lang", "zh"]);
    assert_eq!(zh.matches("kind = \"preapproval\"").count(), 1, "{zh}");
    assert!(zh.contains("时，或"), "{zh}");
    // A unit's office phone is asked for by a warning: recommended, not
    // required.
    let gd = template(&["--province", "gd", "--lang", "en"]);
    let line = gd.lines().find(|l| l.starts_with("office_phone")).unwrap();
    assert!(
        line.contains("# recommended (a warning when empty): "),
        "{line}"
    );
    assert!(
        gd.contains("(when the number of distinct domain prefixes is over 31)"),
        "{gd}"
    );
}
