
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'icp' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'icp'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'icp' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, '检查备案文件或目录 / validate filing files and directories')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, '规则列表与各省要求 / the rule set: list every rule, or show a province''s')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, '一条规则的完整说明 / one rule in full: what, why, how to fix, source')
            [CompletionResult]::new('checklist', 'checklist', [CompletionResultType]::ParameterValue, '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, '交互式填写新备案 / write a new filing by answering questions (or a template with --template)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, '生效的配置及每项的来源 / the configuration in force and where each value came from')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'icp;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '输出格式 / output format')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, '把 --format 的机器格式写入此文件，终端仍显示易读的报告 / write the --format machine format to this file; the terminal still gets the human report')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, '警告也视为失败 / warnings also fail (exit 1) [default: deny_warnings of icp.toml]')
            [CompletionResult]::new('--no-deny-warnings', '--no-deny-warnings', [CompletionResultType]::ParameterName, '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, '隐去身份证号、电话号码和电子邮箱（所有输出格式）/ mask ID numbers, phone numbers and e-mail addresses in every output, e.g. 4403**********123X')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, '汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, '汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, '没有找到备案文件（空目录）时不报错 / finding no filing (an empty directory) is not an error')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;fix' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, '只显示统一格式的差异，不写入 / print a unified diff of the repairs and write nothing')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, '不写入；有可修正的内容时以 1 退出 / write nothing; exit 1 when anything would change')
            [CompletionResult]::new('--deny-warnings', '--deny-warnings', [CompletionResultType]::ParameterName, '修正后的检查中警告也视为失败 / warnings left after the repairs also fail (exit 1) [default: deny_warnings of icp.toml]')
            [CompletionResult]::new('--no-deny-warnings', '--no-deny-warnings', [CompletionResultType]::ParameterName, '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;report' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '输出格式 / output format')
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, '列出判断日期起多少天内到期的证件和域名 / list IDs, certificates and domains that expire within this many days of the as-of date')
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, '把报告写入此文件（原子写入，替换已有文件），而不是标准输出 / write the report to this file (atomically, replacing it) instead of stdout')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;diff' {
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, '与该 git 版本中的同一文件比较（git show REV:FILE）/ compare each FILE with its version at this git revision (git show REV:FILE)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '输出格式 / output format')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;rules' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出所有规则 / every rule with its severity, scope, dates and source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'icp;rules;list' {
            [CompletionResult]::new('--province', '--province', [CompletionResultType]::ParameterName, '只列出该省适用的规则 / only the rules in force in this province (code, name or abbreviation)')
            [CompletionResult]::new('--nature', '--nature', [CompletionResultType]::ParameterName, '只列出适用于该性质的规则 / only rules that can apply to this nature')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '输出格式 / output format')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;rules;show' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, '列出全部规则（含编号和校验细节），而不只是客户需要知道的 / every rule, with its id and the checks'' mechanics, not only what a client must know')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;rules;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出所有规则 / every rule with its severity, scope, dates and source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'icp;rules;help;list' {
            break
        }
        'icp;rules;help;show' {
            break
        }
        'icp;rules;help;help' {
            break
        }
        'icp;explain' {
            [CompletionResult]::new('--province', '--province', [CompletionResultType]::ParameterName, '按该省的规定说明 / as the rule applies in this province')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;checklist' {
            [CompletionResult]::new('--province', '--province', [CompletionResultType]::ParameterName, '不看备案文件，列出该省的要求 / without a filing: what this province asks')
            [CompletionResult]::new('--nature', '--nature', [CompletionResultType]::ParameterName, '与 --province 一起：主办单位性质（默认个人和企业）/ with --province: the nature [default: personal and enterprise]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '与 --province 一起：备案类型 / with --province: the filing type')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '输出格式 / output format')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, '隐去文件名中的身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses (in scan file names)')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;new' {
            [CompletionResult]::new('--province', '--province', [CompletionResultType]::ParameterName, '与 --template 一起：省份 / with --template: the province')
            [CompletionResult]::new('--nature', '--nature', [CompletionResultType]::ParameterName, '与 --template 一起：主办单位性质（默认企业）/ with --template: the nature [default: enterprise]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '与 --template 一起：备案类型（默认首次备案）/ with --template: the filing type [default: new]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, '覆盖已存在的文件 / replace the file if it exists')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, '不提问，写一份带注释的模板 / write a commented template, no questions asked')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;config' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;schema' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, '把五种 shell 的补全脚本和手册页写入该目录 / write the scripts for all five shells and the man pages into DIR')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, '彩色输出 / coloured output (NO_COLOR is honoured)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing''s prepared_on, else today]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, '不读取 icp.toml / ignore icp.toml')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'icp;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, '检查备案文件或目录 / validate filing files and directories')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, '规则列表与各省要求 / the rule set: list every rule, or show a province''s')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, '一条规则的完整说明 / one rule in full: what, why, how to fix, source')
            [CompletionResult]::new('checklist', 'checklist', [CompletionResultType]::ParameterValue, '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, '交互式填写新备案 / write a new filing by answering questions (or a template with --template)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, '生效的配置及每项的来源 / the configuration in force and where each value came from')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'icp;help;validate' {
            break
        }
        'icp;help;fix' {
            break
        }
        'icp;help;report' {
            break
        }
        'icp;help;diff' {
            break
        }
        'icp;help;rules' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, '列出所有规则 / every rule with its severity, scope, dates and source')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client')
            break
        }
        'icp;help;rules;list' {
            break
        }
        'icp;help;rules;show' {
            break
        }
        'icp;help;explain' {
            break
        }
        'icp;help;checklist' {
            break
        }
        'icp;help;new' {
            break
        }
        'icp;help;config' {
            break
        }
        'icp;help;schema' {
            break
        }
        'icp;help;completions' {
            break
        }
        'icp;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
