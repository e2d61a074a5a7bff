_icp() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="icp"
                ;;
            icp,checklist)
                cmd="icp__subcmd__checklist"
                ;;
            icp,completions)
                cmd="icp__subcmd__completions"
                ;;
            icp,config)
                cmd="icp__subcmd__config"
                ;;
            icp,diff)
                cmd="icp__subcmd__diff"
                ;;
            icp,explain)
                cmd="icp__subcmd__explain"
                ;;
            icp,fix)
                cmd="icp__subcmd__fix"
                ;;
            icp,help)
                cmd="icp__subcmd__help"
                ;;
            icp,new)
                cmd="icp__subcmd__new"
                ;;
            icp,report)
                cmd="icp__subcmd__report"
                ;;
            icp,rules)
                cmd="icp__subcmd__rules"
                ;;
            icp,schema)
                cmd="icp__subcmd__schema"
                ;;
            icp,validate)
                cmd="icp__subcmd__validate"
                ;;
            icp__subcmd__help,checklist)
                cmd="icp__subcmd__help__subcmd__checklist"
                ;;
            icp__subcmd__help,completions)
                cmd="icp__subcmd__help__subcmd__completions"
                ;;
            icp__subcmd__help,config)
                cmd="icp__subcmd__help__subcmd__config"
                ;;
            icp__subcmd__help,diff)
                cmd="icp__subcmd__help__subcmd__diff"
                ;;
            icp__subcmd__help,explain)
                cmd="icp__subcmd__help__subcmd__explain"
                ;;
            icp__subcmd__help,fix)
                cmd="icp__subcmd__help__subcmd__fix"
                ;;
            icp__subcmd__help,help)
                cmd="icp__subcmd__help__subcmd__help"
                ;;
            icp__subcmd__help,new)
                cmd="icp__subcmd__help__subcmd__new"
                ;;
            icp__subcmd__help,report)
                cmd="icp__subcmd__help__subcmd__report"
                ;;
            icp__subcmd__help,rules)
                cmd="icp__subcmd__help__subcmd__rules"
                ;;
            icp__subcmd__help,schema)
                cmd="icp__subcmd__help__subcmd__schema"
                ;;
            icp__subcmd__help,validate)
                cmd="icp__subcmd__help__subcmd__validate"
                ;;
            icp__subcmd__help__subcmd__rules,list)
                cmd="icp__subcmd__help__subcmd__rules__subcmd__list"
                ;;
            icp__subcmd__help__subcmd__rules,show)
                cmd="icp__subcmd__help__subcmd__rules__subcmd__show"
                ;;
            icp__subcmd__rules,help)
                cmd="icp__subcmd__rules__subcmd__help"
                ;;
            icp__subcmd__rules,list)
                cmd="icp__subcmd__rules__subcmd__list"
                ;;
            icp__subcmd__rules,show)
                cmd="icp__subcmd__rules__subcmd__show"
                ;;
            icp__subcmd__rules__subcmd__help,help)
                cmd="icp__subcmd__rules__subcmd__help__subcmd__help"
                ;;
            icp__subcmd__rules__subcmd__help,list)
                cmd="icp__subcmd__rules__subcmd__help__subcmd__list"
                ;;
            icp__subcmd__rules__subcmd__help,show)
                cmd="icp__subcmd__rules__subcmd__help__subcmd__show"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        icp)
            opts="-h -V --lang --color --rules --today --config --no-config --help --version validate fix report diff rules explain checklist new config schema completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__checklist)
            opts="-h --province --nature --type --format --redact --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --province)
                    COMPREPLY=($(compgen -W "bj tj he sx nm ln jl hl sh js zj ah fj jx sd ha hb hn gd gx hi cq sc gz yn xz sn gs qh nx xj" -- "${cur}"))
                    return 0
                    ;;
                --nature)
                    COMPREPLY=($(compgen -W "personal enterprise government institution social-group private-non-enterprise foundation law-firm military" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "new access add-website change" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table markdown html json" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__completions)
            opts="-h --dir --lang --color --rules --today --config --no-config --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__config)
            opts="-h --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__diff)
            opts="-h --rev --format --redact --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --rev)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human markdown json" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__explain)
            opts="-h --province --lang --color --rules --today --config --no-config --help access-new-website across-domain across-icp-number across-id-number across-principal across-scan address-house-number address-other-city ah-mobile-local ah-website-principal-same bj-domain-holder-unit bj-domain-national-words bj-hk-passport bj-law-firm-licence-pages bj-legal-rep-id-copy bj-mobile-local bj-multi-domain-sheet bj-personal-id-card business-license-scan business-scope-finance-words certificate-expired certificate-expired-now certificate-number-characters certificate-other-province certificate-type-nature certificate-validity-short certificate-validity-short-now change-add-domain change-add-website change-certificate-number change-hosting change-legal-representative change-remove-website change-subject-details change-subject-principal change-website city-full-name city-not-in-province commitment-letter construction-plan cq-liangjiang-note cq-mobile-local cq-office-mobile-note cq-personal-no-org cq-site-name-note cq-website-office-mobile-note district-not-in-city district-of-city-without-districts document-empty document-file-missing document-file-reused document-kind-unknown document-not-jpeg document-suffix document-too-large domain-certificate domain-characters domain-duplicate domain-empty domain-expired domain-expired-now domain-finance-words domain-holder domain-holder-characters domain-mixed-script domain-not-registrable domain-privacy domain-registrar-foreign domain-registrar-stated domain-same-site-note domain-suffix-refused domain-suffix-unknown domain-syntax domain-trailing-dot domain-uppercase domain-validity-short domain-validity-short-now domains-per-website email-characters email-format emergency-phone-format emergency-phone-required emergency-phone-same-as-mobile file-too-large finance-name-legal-rep fj-domain-holder-unit fj-investor-self fj-office-phone-reachable fj-website-principal-mainland footer-link foreign-permanent-id-format gd-access-contract gd-business-scope-stated gd-domain-holder-unit gd-filed-sites-online gd-finance-commitment gd-game-site gd-hospital-subject-note gd-many-prefixes-post gd-truthfulness-guarantee gd-unit-principal-minor government-domain gs-emergency-contact-note gs-emergency-third-person gs-investor-superior-unit gs-mobile-local gs-office-mobile-note gs-personal-declaration gs-subject-emergency-third-person gs-subject-principal-note gs-website-office-mobile-note gs-website-principal-differs gx-domain-holder-unit gx-filed-sites-online gx-legacy-prefixes gx-mobile-local gx-personal-declaration gz-access-same-data gz-address-same-city gz-principal-change ha-access-same-principals ha-address-city ha-certificate-address-city ha-domain-holder-unit ha-domains-per-filing ha-filed-sites-online ha-minor-guardian-id ha-mobile-local ha-personal-id-card hb-annual-review hb-business-scope-stated hb-domain-holder-unit hb-ecommerce-statement hb-one-website-per-filing hb-scope-preapproval he-address-id-city he-address-same-city he-change-first he-emergency-not-subject-numbers he-foreign-legal-rep he-mobile-local he-office-phone-hebei he-personal-foreigner he-website-principal-legal-rep he-website-principal-mobile hi-filed-sites-online hi-personal-first-filing-one-site hi-personal-id-card hi-self-employed-personal hi-subject-principal-runs-websites hi-temporary-id-card hk-macau-permit-format hl-emergency-not-office-phone hl-foreign-legal-rep-note hl-mobile-local hl-personal-id-card hl-phone-bills hl-phone-bills-date-stated hl-phone-bills-recent hl-site-name-unit-name hl-uscc-only hn-domain-prefix-words hn-mobile-local hn-one-website-per-filing hn-plan-email homepage-empty homepage-outside-domains homepage-www hospital-licence-note hosting-ip-required hosting-required icp-number-format icp-number-province icp-number-required icp-number-site-suffix id-card-back-scan id-card-front-scan id-expired id-expired-now id-long-term-under-46 id-validity-short id-validity-short-now institution-domain invalid-value investor-required ip-empty ip-invalid ip-not-public jl-investor-unit jl-office-phone-call js-domain-holder-principal js-mobile-local js-personal-change js-personal-note js-truthfulness-notice js-website-principal-same jx-blog-approval jx-business-scope-stated jx-filed-websites-stated jx-finance-enterprise jx-finance-enterprise-scope jx-fingerprint jx-one-domain-when-many-filed jx-personal-foreigner jx-staffing-approval legal-representative-name legal-representative-required ln-bureau-call ln-domain-holder-unit ln-emergency-not-office-phone ln-finance-website-principal ln-mobile-local minor-employment-proof mobile-format mobile-segment name-characters new-filing-filed-counts new-filing-icp-number new-filing-website-icp-number nm-business-scope-stated nm-ecommerce-licence nm-ecommerce-scope-licence nm-institution-site-form nm-non-local-legal-rep-photo nm-temporary-id-card non-government-gov-domain non-local-residence-permit not-utf8 number-characters nx-access-same-organiser nx-investor-legal-rep nx-investor-superior-unit nx-mobile-local nx-self-employed-personal nx-site-statement office-phone-area-code office-phone-first-digit office-phone-format office-phone-length office-phone-mobile office-phone-not-own-mobile office-phone-required office-phone-service-number officer-card-format offline-until-approved organization-code-format other-service-note passport-format passport-scan permit-scan personal-comprehensive-portal personal-content-note personal-forum personal-non-local personal-one-website personal-preapproval personal-unit-fields personal-unit-portal personal-website-count personal-website-name-business-words personal-website-name-person personal-website-name-place personal-website-name-platform-words personal-website-name-shop personal-website-name-words personal-website-principal phone-area-mismatch phone-area-unverified photo-verification preapproval-document prepared-on-future prepared-on-old principal-field-required principal-name-characters principal-under-16 principal-under-18 public-security-filing qh-access-same-data qh-change-five-images qh-domain-holder-not-legal-rep qh-website-principal-mobile real-name-wait registrar-approved residence-permit-number resident-id-birth-date resident-id-checksum resident-id-format resident-id-future-birth resident-id-legacy resident-id-lowercase-x resident-id-region sc-business-scope-stated sc-domain-statement sc-filed-sites-online sc-investment-scope-commitment sc-legacy-one-homepage sc-mobile-local sc-name-special-approval sc-newest-certificate sc-non-local-principal-proof sc-residence-permit-date-stated sc-residence-permit-valid sc-self-employed-as-personal sc-sole-trader-licence sc-sole-trader-note sd-charity-fundraising sd-domain-holder-unit sd-mobile-local sd-personal-subject-note sd-principal-chinese sd-principal-under-17 sd-website-name-english sd-website-name-person self-employed-note sh-certificate-validity-6m sh-domain-validity-6m sh-finance-preapproval sh-hk-macau-permit sh-lottery-site sh-mobile-local sh-residence-permit-date-stated sh-residence-permit-validity sh-temporary-id-card sh-travel-licence sh-verification-sheet-date sh-verification-sheet-date-stated sh-website-language-zh sh-website-name-forum sms-verification sms-verification-access sms-verification-change sn-blog-news-approval sn-bureau-phone-check sn-domain-certificate-post sn-domain-holder-not-legal-rep sn-mobile-local sn-personal-website-count sn-self-employed-name sn-subject-change-proof sn-unit-website-count sn-website-name-unique subject-field-required subject-principal-legal-rep subject-principal-letter subject-principal-required sx-domain-holder-unit sx-foreign-legal-rep sx-mobile-local sx-new-domains-per-order sx-personal-id-card sx-principal-id-local taiwan-permit-format tj-emergency-third-person tj-huayuan-district tj-mobile-local tj-no-preapproval-content tj-office-mobile-note tj-one-ip-per-site tj-personal-declaration tj-personal-landline tj-subject-emergency-third-person tj-website-principal-differs tj-whois-privacy toml-syntax unit-certificate-required unit-certificate-scan unknown-key uscc-checksum uscc-format uscc-nature uscc-org-code uscc-registration verification-sheet verification-sheet-post version-required version-unsupported waiver-of-error waiver-unknown-rule waiver-unused waiver-without-reason website-count website-count-max website-field-required website-icp-number-format website-icp-number-province website-name-characters website-name-disputed-national-words website-name-domain website-name-few-han website-name-field-words website-name-finance-words website-name-huaxia website-name-latin-only website-name-length website-name-national-words website-name-preapproval-words website-name-sensitive-words website-name-symbols website-name-unrelated website-principal-letter website-principal-required wrong-type xj-bureau-phone-check xj-domain-holder-not-legal-rep xj-languages-required xj-mobile-local xj-party-building-letter xj-sheet-fingerprint xj-three-in-one xz-access-same-organiser xz-bureau-phone-check xz-business-scope-stated xz-emergency-not-subject-mobile xz-religion-scope yn-domain-holder-not-legal-rep zj-business-scope-stated zj-domain-holder-unit zj-finance-foundation-statement zj-self-employed-name zj-sms-hk-macau-permit zj-verification-sheet-per-domain"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --province)
                    COMPREPLY=($(compgen -W "bj tj he sx nm ln jl hl sh js zj ah fj jx sd ha hb hn gd gx hi cq sc gz yn xz sn gs qh nx xj" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__fix)
            opts="-h --diff --check --deny-warnings --no-deny-warnings --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help)
            opts="validate fix report diff rules explain checklist new config schema completions help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__checklist)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__explain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__fix)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__new)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__report)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__rules)
            opts="list show"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__rules__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__rules__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__schema)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__new)
            opts="-h --force --template --province --nature --type --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --province)
                    COMPREPLY=($(compgen -W "bj tj he sx nm ln jl hl sh js zj ah fj jx sd ha hb hn gd gx hi cq sc gz yn xz sn gs qh nx xj" -- "${cur}"))
                    return 0
                    ;;
                --nature)
                    COMPREPLY=($(compgen -W "personal enterprise government institution social-group private-non-enterprise foundation law-firm military" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "new access add-website change" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__report)
            opts="-h --format --within --redact --output-file --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "table markdown json csv html" -- "${cur}"))
                    return 0
                    ;;
                --within)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output-file)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules)
            opts="-h --lang --color --rules --today --config --no-config --help list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__help)
            opts="list show help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__list)
            opts="-h --province --nature --format --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --province)
                    COMPREPLY=($(compgen -W "bj tj he sx nm ln jl hl sh js zj ah fj jx sd ha hb hn gd gx hi cq sc gz yn xz sn gs qh nx xj" -- "${cur}"))
                    return 0
                    ;;
                --nature)
                    COMPREPLY=($(compgen -W "personal enterprise government institution social-group private-non-enterprise foundation law-firm military" -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "table json markdown" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__rules__subcmd__show)
            opts="-h --all --lang --color --rules --today --config --no-config --help bj tj he sx nm ln jl hl sh js zj ah fj jx sd ha hb hn gd gx hi cq sc gz yn xz sn gs qh nx xj"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__schema)
            opts="-h --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        icp__subcmd__validate)
            opts="-v -h --format --output-file --deny-warnings --no-deny-warnings --redact --verbose --allow-empty --lang --color --rules --today --config --no-config --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "human concise json sarif github" -- "${cur}"))
                    return 0
                    ;;
                --output-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "zh en" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --rules)
                    COMPREPLY=()
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o plusdirs
                    fi
                    return 0
                    ;;
                --today)
                    COMPREPLY=("${cur}")
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o nospace
                    fi
                    return 0
                    ;;
                --config)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _icp -o nosort -o bashdefault -o default icp
else
    complete -F _icp -o bashdefault -o default icp
fi
