
use builtin;
use str;

set edit:completion:arg-completer[icp] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'icp'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'icp'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate '检查备案文件或目录 / validate filing files and directories'
            cand fix '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept'
            cand report '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings'
            cand diff '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs'
            cand rules '规则列表与各省要求 / the rule set: list every rule, or show a province''s'
            cand explain '一条规则的完整说明 / one rule in full: what, why, how to fix, source'
            cand checklist '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks'
            cand new '交互式填写新备案 / write a new filing by answering questions (or a template with --template)'
            cand config '生效的配置及每项的来源 / the configuration in force and where each value came from'
            cand schema '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)'
            cand completions 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'icp;validate'= {
            cand --format '输出格式 / output format'
            cand --output-file '把 --format 的机器格式写入此文件，终端仍显示易读的报告 / write the --format machine format to this file; the terminal still gets the human report'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --deny-warnings '警告也视为失败 / warnings also fail (exit 1) [default: deny_warnings of icp.toml]'
            cand --no-deny-warnings '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says'
            cand --redact '隐去身份证号、电话号码和电子邮箱（所有输出格式）/ mask ID numbers, phone numbers and e-mail addresses in every output, e.g. 4403**********123X'
            cand -v '汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed'
            cand --verbose '汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed'
            cand --allow-empty '没有找到备案文件（空目录）时不报错 / finding no filing (an empty directory) is not an error'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;fix'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --diff '只显示统一格式的差异，不写入 / print a unified diff of the repairs and write nothing'
            cand --check '不写入；有可修正的内容时以 1 退出 / write nothing; exit 1 when anything would change'
            cand --deny-warnings '修正后的检查中警告也视为失败 / warnings left after the repairs also fail (exit 1) [default: deny_warnings of icp.toml]'
            cand --no-deny-warnings '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;report'= {
            cand --format '输出格式 / output format'
            cand --within '列出判断日期起多少天内到期的证件和域名 / list IDs, certificates and domains that expire within this many days of the as-of date'
            cand --output-file '把报告写入此文件（原子写入，替换已有文件），而不是标准输出 / write the report to this file (atomically, replacing it) instead of stdout'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --redact '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;diff'= {
            cand --rev '与该 git 版本中的同一文件比较（git show REV:FILE）/ compare each FILE with its version at this git revision (git show REV:FILE)'
            cand --format '输出格式 / output format'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --redact '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;rules'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list '列出所有规则 / every rule with its severity, scope, dates and source'
            cand show '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'icp;rules;list'= {
            cand --province '只列出该省适用的规则 / only the rules in force in this province (code, name or abbreviation)'
            cand --nature '只列出适用于该性质的规则 / only rules that can apply to this nature'
            cand --format '输出格式 / output format'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;rules;show'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --all '列出全部规则（含编号和校验细节），而不只是客户需要知道的 / every rule, with its id and the checks'' mechanics, not only what a client must know'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;rules;help'= {
            cand list '列出所有规则 / every rule with its severity, scope, dates and source'
            cand show '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'icp;rules;help;list'= {
        }
        &'icp;rules;help;show'= {
        }
        &'icp;rules;help;help'= {
        }
        &'icp;explain'= {
            cand --province '按该省的规定说明 / as the rule applies in this province'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;checklist'= {
            cand --province '不看备案文件，列出该省的要求 / without a filing: what this province asks'
            cand --nature '与 --province 一起：主办单位性质（默认个人和企业）/ with --province: the nature [default: personal and enterprise]'
            cand --type '与 --province 一起：备案类型 / with --province: the filing type'
            cand --format '输出格式 / output format'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --redact '隐去文件名中的身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses (in scan file names)'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;new'= {
            cand --province '与 --template 一起：省份 / with --template: the province'
            cand --nature '与 --template 一起：主办单位性质（默认企业）/ with --template: the nature [default: enterprise]'
            cand --type '与 --template 一起：备案类型（默认首次备案）/ with --template: the filing type [default: new]'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --force '覆盖已存在的文件 / replace the file if it exists'
            cand --template '不提问，写一份带注释的模板 / write a commented template, no questions asked'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;config'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;schema'= {
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;completions'= {
            cand --dir '把五种 shell 的补全脚本和手册页写入该目录 / write the scripts for all five shells and the man pages into DIR'
            cand --lang '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]'
            cand --color '彩色输出 / coloured output (NO_COLOR is honoured)'
            cand --rules '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]'
            cand --today '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]'
            cand --config '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]'
            cand --no-config '不读取 icp.toml / ignore icp.toml'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'icp;help'= {
            cand validate '检查备案文件或目录 / validate filing files and directories'
            cand fix '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept'
            cand report '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings'
            cand diff '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs'
            cand rules '规则列表与各省要求 / the rule set: list every rule, or show a province''s'
            cand explain '一条规则的完整说明 / one rule in full: what, why, how to fix, source'
            cand checklist '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks'
            cand new '交互式填写新备案 / write a new filing by answering questions (or a template with --template)'
            cand config '生效的配置及每项的来源 / the configuration in force and where each value came from'
            cand schema '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)'
            cand completions 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'icp;help;validate'= {
        }
        &'icp;help;fix'= {
        }
        &'icp;help;report'= {
        }
        &'icp;help;diff'= {
        }
        &'icp;help;rules'= {
            cand list '列出所有规则 / every rule with its severity, scope, dates and source'
            cand show '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
        }
        &'icp;help;rules;list'= {
        }
        &'icp;help;rules;show'= {
        }
        &'icp;help;explain'= {
        }
        &'icp;help;checklist'= {
        }
        &'icp;help;new'= {
        }
        &'icp;help;config'= {
        }
        &'icp;help;schema'= {
        }
        &'icp;help;completions'= {
        }
        &'icp;help;help'= {
        }
    ]
    $completions[$command]
}
