//! The enumerated values of the filing format (docs/filing-format.md).
//!
//! Every value is written either as its English kebab-case key or as the
//! Chinese label of the real filing form; both spellings (and a few common
//! variants users type) parse to the same variant. The tables below are the one
//! place these spellings live: the loader, the rule compiler (which checks the
//! values a rule file compares against), the JSON Schema and the wizard all
//! read them from here.

/// A closed set of values with an English key and Chinese and English labels.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every variant, in form order.
    const ALL: &'static [Self];
    /// What the set is called, for messages (`nature`, `id_type`, …).
    const NAME: &'static str;
    /// The English kebab-case key written in filings and rule files.
    fn key(self) -> &'static str;
    /// The Chinese label of the filing form.
    fn zh(self) -> &'static str;
    /// An English label for reports.
    fn en(self) -> &'static str;
    /// Other accepted spellings.
    fn aliases(self) -> &'static [&'static str];

    /// Parses the key, the Chinese label or an alias (surrounding whitespace
    /// ignored, keys case-insensitively).
    fn parse(input: &str) -> Option<Self> {
        let input = input.trim();
        Self::ALL.iter().copied().find(|v| {
            v.key().eq_ignore_ascii_case(input)
                || v.zh() == input
                || v.aliases().iter().any(|a| a.eq_ignore_ascii_case(input))
        })
    }

    /// Every accepted spelling, for "did you mean" and the JSON Schema.
    fn spellings() -> Vec<&'static str> {
        let mut out = Vec::new();
        for v in Self::ALL {
            out.push(v.key());
            out.push(v.zh());
            out.extend_from_slice(v.aliases());
        }
        out
    }

    /// The label in a language.
    fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.zh(),
            crate::Lang::En => self.en(),
        }
    }
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident as $set:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal, $zh:literal, $en:literal $(, [$($alias:literal),*])? ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            const NAME: &'static str = $set;
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }
            fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)* }
            }
            fn en(self) -> &'static str {
                match self { $($name::$variant => $en,)* }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($alias),*)?],)* }
            }
        }
    };
}

vocabulary! {
    /// The filing type (备案类型).
    FilingType as "type" {
        /// 首次备案: a subject's first filing.
        New = "new", "首次备案", "first filing";
        /// 接入备案: a filed website moves to (or adds) this provider.
        Access = "access", "接入备案", "access filing", ["新增接入"];
        /// 新增网站: a new website under a filed subject.
        AddWebsite = "add-website", "新增网站", "new website";
        /// 变更备案: a change to filed data.
        Change = "change", "变更备案", "change filing", ["变更"];
    }
}

vocabulary! {
    /// The subject's nature (主办单位性质).
    Nature as "nature" {
        /// 个人.
        Personal = "personal", "个人", "individual";
        /// 企业, including most self-employed businesses.
        Enterprise = "enterprise", "企业", "enterprise";
        /// 政府机关.
        Government = "government", "政府机关", "government body";
        /// 事业单位.
        Institution = "institution", "事业单位", "public institution";
        /// 社会团体.
        SocialGroup = "social-group", "社会团体", "social organisation";
        /// 民办非企业单位.
        PrivateNonEnterprise = "private-non-enterprise", "民办非企业单位", "private non-enterprise unit";
        /// 基金会.
        Foundation = "foundation", "基金会", "foundation";
        /// 律师执业机构.
        LawFirm = "law-firm", "律师执业机构", "law firm";
        /// 军队 (国防机构).
        Military = "military", "军队", "military unit", ["国防机构"];
    }
}

vocabulary! {
    /// The unit certificate (主办单位证件类型).
    CertificateType as "certificate_type" {
        /// 工商营业执照 (统一社会信用代码).
        BusinessLicense = "business-license", "工商营业执照", "business licence", ["营业执照"];
        /// 统一社会信用代码证书.
        UnifiedCodeCertificate = "unified-code-certificate", "统一社会信用代码证书", "unified social credit code certificate";
        /// 组织机构代码证.
        OrganizationCode = "organization-code", "组织机构代码证", "organisation code certificate";
        /// 事业单位法人证书.
        InstitutionCertificate = "institution-certificate", "事业单位法人证书", "public institution certificate";
        /// 社会团体法人登记证书.
        SocialGroupCertificate = "social-group-certificate", "社会团体法人登记证书", "social organisation certificate", ["社团法人证书"];
        /// 民办非企业单位登记证书.
        PrivateNonEnterpriseCertificate = "private-non-enterprise-certificate", "民办非企业单位登记证书", "private non-enterprise unit certificate";
        /// 基金会法人登记证书.
        FoundationCertificate = "foundation-certificate", "基金会法人登记证书", "foundation certificate";
        /// 律师事务所执业许可证.
        LawFirmLicense = "law-firm-license", "律师事务所执业许可证", "law firm practising licence";
        /// 军队代号.
        MilitaryCode = "military-code", "军队代号", "military unit code", ["部队代号"];
    }
}

vocabulary! {
    /// A principal's identity document (证件类型).
    IdType as "id_type" {
        /// 居民身份证.
        IdCard = "id-card", "身份证", "resident identity card", ["居民身份证"];
        /// 护照.
        Passport = "passport", "护照", "passport";
        /// 台湾居民来往大陆通行证.
        TaiwanPermit = "taiwan-permit", "台胞证", "Taiwan compatriot permit", ["台湾居民来往大陆通行证"];
        /// 港澳居民来往内地通行证.
        HkMacauPermit = "hk-macau-permit", "港澳居民来往内地通行证", "Home Return Permit", ["回乡证", "港澳通行证"];
        /// 军官证.
        OfficerCard = "officer-card", "军官证", "officer card";
        /// 港澳台居民居住证.
        ResidencePermitHmt = "residence-permit-hmt", "港澳台居民居住证", "HK/Macau/Taiwan residence permit", ["港澳居民居住证", "台湾居民居住证"];
        /// 外国人永久居留身份证.
        ForeignPermanentResident = "foreign-permanent-resident", "外国人永久居留身份证", "foreigner's permanent residence ID";
        /// 临时居民身份证: the same number as the permanent card, valid three months.
        TemporaryIdCard = "temporary-id-card", "临时身份证", "temporary resident identity card", ["临时居民身份证"];
    }
}

vocabulary! {
    /// A website's service content (网站服务内容).
    Service as "service" {
        /// 综合门户.
        ComprehensivePortal = "comprehensive-portal", "综合门户", "comprehensive portal";
        /// 单位门户网站.
        EnterprisePortal = "enterprise-portal", "单位门户网站", "unit portal";
        /// 个人网站 / 博客 / 个人空间.
        Personal = "personal", "个人网站/博客", "personal site or blog", ["个人网站", "博客", "个人空间", "博客/个人空间"];
        /// 其他.
        Other = "other", "其他", "other";
    }
}

vocabulary! {
    /// A content category that needs a pre-approval (前置审批).
    Preapproval as "preapprovals" {
        /// 新闻.
        News = "news", "新闻", "news";
        /// 出版.
        Publishing = "publishing", "出版", "publishing";
        /// 教育.
        Education = "education", "教育", "education";
        /// 医疗保健.
        Medical = "medical", "医疗保健", "medical and health";
        /// 药品和医疗器械.
        Drugs = "drugs", "药品和医疗器械", "drugs and medical devices";
        /// 电子公告服务 (forums, message boards).
        Bbs = "bbs", "电子公告服务", "bulletin board services", ["电子公告", "论坛"];
        /// 文化.
        Culture = "culture", "文化", "culture";
        /// 广播电影电视节目.
        Broadcast = "broadcast", "广播电影电视节目", "radio, film and television";
        /// 宗教 (Tibet asks for it explicitly).
        Religion = "religion", "宗教", "religion";
        /// 金融 (payment, lending, insurance, funds…): the regulator's approval.
        Finance = "finance", "金融", "finance";
        /// 网络预约车 (ride hailing).
        RideHailing = "ride-hailing", "网络预约车", "ride hailing", ["网约车"];
        /// 游戏 (online games).
        Games = "games", "游戏", "online games", ["网络游戏"];
    }
}

vocabulary! {
    /// How the website is hosted at the provider.
    HostingType as "hosting.type" {
        /// 云服务器.
        CloudServer = "cloud-server", "云服务器", "cloud server";
        /// 虚拟主机.
        VirtualHost = "virtual-host", "虚拟主机", "virtual host";
        /// 服务器托管 / 独立服务器.
        Colocation = "colocation", "服务器托管", "colocated server", ["独立服务器"];
        /// 备案授权码: a code issued for another provider's resource.
        AuthorizationCode = "authorization-code", "备案授权码", "filing authorisation code", ["授权码"];
    }
}

/// Which vocabulary a value comes from: the rule compiler checks the values
/// a rule file compares against with it, the field table types fields by it.
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

    /// How many values the set has (`None` for the open set of document kinds).
    pub fn count(self) -> Option<usize> {
        Some(match self {
            Choices::FilingType => FilingType::ALL.len(),
            Choices::Nature => Nature::ALL.len(),
            Choices::CertificateType => CertificateType::ALL.len(),
            Choices::IdType => IdType::ALL.len(),
            Choices::Service => Service::ALL.len(),
            Choices::Preapproval => Preapproval::ALL.len(),
            Choices::HostingType => HostingType::ALL.len(),
            Choices::DocumentKind => return None,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_parse() {
        assert_eq!(Nature::parse("enterprise"), Some(Nature::Enterprise));
        assert_eq!(Nature::parse("企业"), Some(Nature::Enterprise));
        assert_eq!(Nature::parse(" Enterprise "), Some(Nature::Enterprise));
        assert_eq!(Nature::parse("enterprize"), None);
        assert_eq!(IdType::parse("居民身份证"), Some(IdType::IdCard));
        assert_eq!(Service::parse("博客"), Some(Service::Personal));
    }

    #[test]
    fn spellings_are_unambiguous() {
        fn check<V: Vocabulary + std::fmt::Debug + PartialEq>() {
            let all = V::spellings();
            for s in &all {
                let matches = V::ALL
                    .iter()
                    .filter(|v| {
                        v.key().eq_ignore_ascii_case(s)
                            || v.zh() == *s
                            || v.aliases().iter().any(|a| a.eq_ignore_ascii_case(s))
                    })
                    .count();
                assert_eq!(matches, 1, "{} spelling {s:?} is ambiguous", V::NAME);
            }
        }
        check::<FilingType>();
        check::<Nature>();
        check::<CertificateType>();
        check::<IdType>();
        check::<Service>();
        check::<Preapproval>();
        check::<HostingType>();
    }
}
