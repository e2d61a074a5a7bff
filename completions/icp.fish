# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_icp_global_optspecs
    string join \n lang= color= rules= today= config= no-config h/help V/version
end

function __fish_icp_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_icp_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_icp_using_subcommand
    set -l cmd (__fish_icp_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c icp -n "__fish_icp_needs_command" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_needs_command" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_needs_command" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_needs_command" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_needs_command" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_needs_command" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_needs_command" -s V -l version -d 'Print version'
complete -c icp -n "__fish_icp_needs_command" -f -a "validate" -d '检查备案文件或目录 / validate filing files and directories'
complete -c icp -n "__fish_icp_needs_command" -f -a "fix" -d '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept'
complete -c icp -n "__fish_icp_needs_command" -f -a "report" -d '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings'
complete -c icp -n "__fish_icp_needs_command" -f -a "diff" -d '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs'
complete -c icp -n "__fish_icp_needs_command" -f -a "rules" -d '规则列表与各省要求 / the rule set: list every rule, or show a province\'s'
complete -c icp -n "__fish_icp_needs_command" -f -a "explain" -d '一条规则的完整说明 / one rule in full: what, why, how to fix, source'
complete -c icp -n "__fish_icp_needs_command" -f -a "checklist" -d '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks'
complete -c icp -n "__fish_icp_needs_command" -f -a "new" -d '交互式填写新备案 / write a new filing by answering questions (or a template with --template)'
complete -c icp -n "__fish_icp_needs_command" -f -a "config" -d '生效的配置及每项的来源 / the configuration in force and where each value came from'
complete -c icp -n "__fish_icp_needs_command" -f -a "schema" -d '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)'
complete -c icp -n "__fish_icp_needs_command" -f -a "completions" -d 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages'
complete -c icp -n "__fish_icp_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c icp -n "__fish_icp_using_subcommand validate" -l format -d '输出格式 / output format' -r -f -a "human\t'易读的诊断，多个文件时附文件表 / miette diagnostics, and a table of files for several'
concise\t'每个问题一行：文件:行:列: 级别 规则 说明 / one line per finding: file:line:col: severity rule message'
json\t'一个 JSON 文档，供脚本使用 / one JSON document, for scripts'
sarif\t'SARIF 2.1.0，用于代码扫描 / SARIF 2.1.0, for code scanning'
github\t'GitHub Actions 工作流命令（注释）/ GitHub Actions workflow commands (annotations)'"
complete -c icp -n "__fish_icp_using_subcommand validate" -l output-file -d '把 --format 的机器格式写入此文件，终端仍显示易读的报告 / write the --format machine format to this file; the terminal still gets the human report' -r -F
complete -c icp -n "__fish_icp_using_subcommand validate" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand validate" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand validate" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand validate" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand validate" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand validate" -l deny-warnings -d '警告也视为失败 / warnings also fail (exit 1) [default: deny_warnings of icp.toml]'
complete -c icp -n "__fish_icp_using_subcommand validate" -l no-deny-warnings -d '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says'
complete -c icp -n "__fish_icp_using_subcommand validate" -l redact -d '隐去身份证号、电话号码和电子邮箱（所有输出格式）/ mask ID numbers, phone numbers and e-mail addresses in every output, e.g. 4403**********123X'
complete -c icp -n "__fish_icp_using_subcommand validate" -s v -l verbose -d '汇总表列出所有文件，而不只是未通过的 / the summary table of a batch lists every file, not only those that failed'
complete -c icp -n "__fish_icp_using_subcommand validate" -l allow-empty -d '没有找到备案文件（空目录）时不报错 / finding no filing (an empty directory) is not an error'
complete -c icp -n "__fish_icp_using_subcommand validate" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand fix" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand fix" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand fix" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand fix" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand fix" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand fix" -l diff -d '只显示统一格式的差异，不写入 / print a unified diff of the repairs and write nothing'
complete -c icp -n "__fish_icp_using_subcommand fix" -l check -d '不写入；有可修正的内容时以 1 退出 / write nothing; exit 1 when anything would change'
complete -c icp -n "__fish_icp_using_subcommand fix" -l deny-warnings -d '修正后的检查中警告也视为失败 / warnings left after the repairs also fail (exit 1) [default: deny_warnings of icp.toml]'
complete -c icp -n "__fish_icp_using_subcommand fix" -l no-deny-warnings -d '警告不视为失败（覆盖 icp.toml）/ warnings do not fail, whatever icp.toml says'
complete -c icp -n "__fish_icp_using_subcommand fix" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand fix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand report" -l format -d '输出格式 / output format' -r -f -a "table\t'终端表格 / tables for the terminal'
markdown\t'Markdown 页面 / a Markdown page'
json\t'JSON（供脚本使用）/ JSON'
csv\t'备案文件表的 CSV，用于电子表格 / the table of filings as CSV, for a spreadsheet'
html\t'带到期时间线的独立 HTML 页面 / one self-contained HTML page with an expiry timeline'"
complete -c icp -n "__fish_icp_using_subcommand report" -l within -d '列出判断日期起多少天内到期的证件和域名 / list IDs, certificates and domains that expire within this many days of the as-of date' -r
complete -c icp -n "__fish_icp_using_subcommand report" -l output-file -d '把报告写入此文件（原子写入，替换已有文件），而不是标准输出 / write the report to this file (atomically, replacing it) instead of stdout' -r -F
complete -c icp -n "__fish_icp_using_subcommand report" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand report" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand report" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand report" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand report" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand report" -l redact -d '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses'
complete -c icp -n "__fish_icp_using_subcommand report" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand diff" -l rev -d '与该 git 版本中的同一文件比较（git show REV:FILE）/ compare each FILE with its version at this git revision (git show REV:FILE)' -r
complete -c icp -n "__fish_icp_using_subcommand diff" -l format -d '输出格式 / output format' -r -f -a "human\t'终端文本 / text for the terminal'
markdown\t'Markdown 页面，可发给客户 / a Markdown page, to send to a client'
json\t'JSON（供脚本使用）/ JSON'"
complete -c icp -n "__fish_icp_using_subcommand diff" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand diff" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand diff" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand diff" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand diff" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand diff" -l redact -d '隐去身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses'
complete -c icp -n "__fish_icp_using_subcommand diff" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -f -a "list" -d '列出所有规则 / every rule with its severity, scope, dates and source'
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -f -a "show" -d '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
complete -c icp -n "__fish_icp_using_subcommand rules; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l province -d '只列出该省适用的规则 / only the rules in force in this province (code, name or abbreviation)' -r -f -a "bj\t'北京市 / Beijing'
tj\t'天津市 / Tianjin'
he\t'河北省 / Hebei'
sx\t'山西省 / Shanxi'
nm\t'内蒙古自治区 / Inner Mongolia'
ln\t'辽宁省 / Liaoning'
jl\t'吉林省 / Jilin'
hl\t'黑龙江省 / Heilongjiang'
sh\t'上海市 / Shanghai'
js\t'江苏省 / Jiangsu'
zj\t'浙江省 / Zhejiang'
ah\t'安徽省 / Anhui'
fj\t'福建省 / Fujian'
jx\t'江西省 / Jiangxi'
sd\t'山东省 / Shandong'
ha\t'河南省 / Henan'
hb\t'湖北省 / Hubei'
hn\t'湖南省 / Hunan'
gd\t'广东省 / Guangdong'
gx\t'广西壮族自治区 / Guangxi'
hi\t'海南省 / Hainan'
cq\t'重庆市 / Chongqing'
sc\t'四川省 / Sichuan'
gz\t'贵州省 / Guizhou'
yn\t'云南省 / Yunnan'
xz\t'西藏自治区 / Tibet'
sn\t'陕西省 / Shaanxi'
gs\t'甘肃省 / Gansu'
qh\t'青海省 / Qinghai'
nx\t'宁夏回族自治区 / Ningxia'
xj\t'新疆维吾尔自治区 / Xinjiang'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l nature -d '只列出适用于该性质的规则 / only rules that can apply to this nature' -r -f -a "personal\t'个人 / individual'
enterprise\t'企业 / enterprise'
government\t'政府机关 / government body'
institution\t'事业单位 / public institution'
social-group\t'社会团体 / social organisation'
private-non-enterprise\t'民办非企业单位 / private non-enterprise unit'
foundation\t'基金会 / foundation'
law-firm\t'律师执业机构 / law firm'
military\t'军队 / military unit'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l format -d '输出格式 / output format' -r -f -a "table\t'终端表格 / a table for the terminal'
json\t'JSON（供脚本使用）/ JSON'
markdown\t'Markdown 表格 / a Markdown table'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l all -d '列出全部规则（含编号和校验细节），而不只是客户需要知道的 / every rule, with its id and the checks\' mechanics, not only what a client must know'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "list" -d '列出所有规则 / every rule with its severity, scope, dates and source'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "show" -d '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
complete -c icp -n "__fish_icp_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c icp -n "__fish_icp_using_subcommand explain" -l province -d '按该省的规定说明 / as the rule applies in this province' -r -f -a "bj\t'北京市 / Beijing'
tj\t'天津市 / Tianjin'
he\t'河北省 / Hebei'
sx\t'山西省 / Shanxi'
nm\t'内蒙古自治区 / Inner Mongolia'
ln\t'辽宁省 / Liaoning'
jl\t'吉林省 / Jilin'
hl\t'黑龙江省 / Heilongjiang'
sh\t'上海市 / Shanghai'
js\t'江苏省 / Jiangsu'
zj\t'浙江省 / Zhejiang'
ah\t'安徽省 / Anhui'
fj\t'福建省 / Fujian'
jx\t'江西省 / Jiangxi'
sd\t'山东省 / Shandong'
ha\t'河南省 / Henan'
hb\t'湖北省 / Hubei'
hn\t'湖南省 / Hunan'
gd\t'广东省 / Guangdong'
gx\t'广西壮族自治区 / Guangxi'
hi\t'海南省 / Hainan'
cq\t'重庆市 / Chongqing'
sc\t'四川省 / Sichuan'
gz\t'贵州省 / Guizhou'
yn\t'云南省 / Yunnan'
xz\t'西藏自治区 / Tibet'
sn\t'陕西省 / Shaanxi'
gs\t'甘肃省 / Gansu'
qh\t'青海省 / Qinghai'
nx\t'宁夏回族自治区 / Ningxia'
xj\t'新疆维吾尔自治区 / Xinjiang'"
complete -c icp -n "__fish_icp_using_subcommand explain" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand explain" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand explain" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand explain" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand explain" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand explain" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand checklist" -l province -d '不看备案文件，列出该省的要求 / without a filing: what this province asks' -r -f -a "bj\t'北京市 / Beijing'
tj\t'天津市 / Tianjin'
he\t'河北省 / Hebei'
sx\t'山西省 / Shanxi'
nm\t'内蒙古自治区 / Inner Mongolia'
ln\t'辽宁省 / Liaoning'
jl\t'吉林省 / Jilin'
hl\t'黑龙江省 / Heilongjiang'
sh\t'上海市 / Shanghai'
js\t'江苏省 / Jiangsu'
zj\t'浙江省 / Zhejiang'
ah\t'安徽省 / Anhui'
fj\t'福建省 / Fujian'
jx\t'江西省 / Jiangxi'
sd\t'山东省 / Shandong'
ha\t'河南省 / Henan'
hb\t'湖北省 / Hubei'
hn\t'湖南省 / Hunan'
gd\t'广东省 / Guangdong'
gx\t'广西壮族自治区 / Guangxi'
hi\t'海南省 / Hainan'
cq\t'重庆市 / Chongqing'
sc\t'四川省 / Sichuan'
gz\t'贵州省 / Guizhou'
yn\t'云南省 / Yunnan'
xz\t'西藏自治区 / Tibet'
sn\t'陕西省 / Shaanxi'
gs\t'甘肃省 / Gansu'
qh\t'青海省 / Qinghai'
nx\t'宁夏回族自治区 / Ningxia'
xj\t'新疆维吾尔自治区 / Xinjiang'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l nature -d '与 --province 一起：主办单位性质（默认个人和企业）/ with --province: the nature [default: personal and enterprise]' -r -f -a "personal\t'个人 / individual'
enterprise\t'企业 / enterprise'
government\t'政府机关 / government body'
institution\t'事业单位 / public institution'
social-group\t'社会团体 / social organisation'
private-non-enterprise\t'民办非企业单位 / private non-enterprise unit'
foundation\t'基金会 / foundation'
law-firm\t'律师执业机构 / law firm'
military\t'军队 / military unit'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l type -d '与 --province 一起：备案类型 / with --province: the filing type' -r -f -a "new\t'首次备案 / first filing'
access\t'接入备案 / access filing'
add-website\t'新增网站 / new website'
change\t'变更备案 / change filing'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l format -d '输出格式 / output format' -r -f -a "table\t'终端表格 / a table for the terminal'
markdown\t'带复选框的 Markdown 页面，可发给客户 / a Markdown page with checkboxes, to send to a client'
html\t'带复选框的独立 HTML 页面，可打印给客户 / one self-contained HTML page with checkboxes, to print for a client'
json\t'JSON（供脚本使用）/ JSON'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand checklist" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand checklist" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand checklist" -l redact -d '隐去文件名中的身份证号、电话号码和电子邮箱 / mask ID numbers, phone numbers and e-mail addresses (in scan file names)'
complete -c icp -n "__fish_icp_using_subcommand checklist" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand checklist" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand new" -l province -d '与 --template 一起：省份 / with --template: the province' -r -f -a "bj\t'北京市 / Beijing'
tj\t'天津市 / Tianjin'
he\t'河北省 / Hebei'
sx\t'山西省 / Shanxi'
nm\t'内蒙古自治区 / Inner Mongolia'
ln\t'辽宁省 / Liaoning'
jl\t'吉林省 / Jilin'
hl\t'黑龙江省 / Heilongjiang'
sh\t'上海市 / Shanghai'
js\t'江苏省 / Jiangsu'
zj\t'浙江省 / Zhejiang'
ah\t'安徽省 / Anhui'
fj\t'福建省 / Fujian'
jx\t'江西省 / Jiangxi'
sd\t'山东省 / Shandong'
ha\t'河南省 / Henan'
hb\t'湖北省 / Hubei'
hn\t'湖南省 / Hunan'
gd\t'广东省 / Guangdong'
gx\t'广西壮族自治区 / Guangxi'
hi\t'海南省 / Hainan'
cq\t'重庆市 / Chongqing'
sc\t'四川省 / Sichuan'
gz\t'贵州省 / Guizhou'
yn\t'云南省 / Yunnan'
xz\t'西藏自治区 / Tibet'
sn\t'陕西省 / Shaanxi'
gs\t'甘肃省 / Gansu'
qh\t'青海省 / Qinghai'
nx\t'宁夏回族自治区 / Ningxia'
xj\t'新疆维吾尔自治区 / Xinjiang'"
complete -c icp -n "__fish_icp_using_subcommand new" -l nature -d '与 --template 一起：主办单位性质（默认企业）/ with --template: the nature [default: enterprise]' -r -f -a "personal\t'个人 / individual'
enterprise\t'企业 / enterprise'
government\t'政府机关 / government body'
institution\t'事业单位 / public institution'
social-group\t'社会团体 / social organisation'
private-non-enterprise\t'民办非企业单位 / private non-enterprise unit'
foundation\t'基金会 / foundation'
law-firm\t'律师执业机构 / law firm'
military\t'军队 / military unit'"
complete -c icp -n "__fish_icp_using_subcommand new" -l type -d '与 --template 一起：备案类型（默认首次备案）/ with --template: the filing type [default: new]' -r -f -a "new\t'首次备案 / first filing'
access\t'接入备案 / access filing'
add-website\t'新增网站 / new website'
change\t'变更备案 / change filing'"
complete -c icp -n "__fish_icp_using_subcommand new" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand new" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand new" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand new" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand new" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand new" -l force -d '覆盖已存在的文件 / replace the file if it exists'
complete -c icp -n "__fish_icp_using_subcommand new" -l template -d '不提问，写一份带注释的模板 / write a commented template, no questions asked'
complete -c icp -n "__fish_icp_using_subcommand new" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand config" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand config" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand config" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand config" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand config" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand config" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand schema" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand schema" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand schema" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand schema" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand schema" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand schema" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand completions" -l dir -d '把五种 shell 的补全脚本和手册页写入该目录 / write the scripts for all five shells and the man pages into DIR' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand completions" -l lang -d '输出语言 / output language [default: ICP_LANG, else lang of icp.toml, else zh when LC_ALL/LANG is zh*, else en]' -r -f -a "zh\t'中文 / Chinese'
en\t'英文 / English'"
complete -c icp -n "__fish_icp_using_subcommand completions" -l color -d '彩色输出 / coloured output (NO_COLOR is honoured)' -r -f -a "auto\t'输出到终端且未设置 NO_COLOR 时彩色 / colour when writing to a terminal and NO_COLOR is unset'
always\t'总是彩色 / always colour'
never\t'从不彩色 / never colour'"
complete -c icp -n "__fish_icp_using_subcommand completions" -l rules -d '额外或覆盖的规则文件目录 / directory of extra or overriding rule files [default: rules_dir of icp.toml]' -r -f -a "(__fish_complete_directories)"
complete -c icp -n "__fish_icp_using_subcommand completions" -l today -d '判断日期（默认取 prepared_on，否则今天）/ as-of date [default: the filing\'s prepared_on, else today]' -r -f
complete -c icp -n "__fish_icp_using_subcommand completions" -l config -d '项目配置文件（默认从当前目录向上找最近的 icp.toml）/ the project configuration [default: the nearest icp.toml from the current directory up]' -r -F
complete -c icp -n "__fish_icp_using_subcommand completions" -l no-config -d '不读取 icp.toml / ignore icp.toml'
complete -c icp -n "__fish_icp_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "validate" -d '检查备案文件或目录 / validate filing files and directories'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "fix" -d '就地修正机械性错误（全角数字、电话和日期写法等），保留注释和排版 / repair mechanical mistakes in place (full-width digits, phone and date spellings…), comments and layout kept'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "report" -d '全部客户的备案总览：状态、即将到期、跨备案问题 / the whole book of filings: status, what expires soon, conflicts across filings'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "diff" -d '比较备案文件的两个版本：改了什么、需办理什么 / compare two versions of a filing: what changed, which filing the change needs'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "rules" -d '规则列表与各省要求 / the rule set: list every rule, or show a province\'s'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "explain" -d '一条规则的完整说明 / one rule in full: what, why, how to fix, source'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "checklist" -d '备案材料清单 / the documents a filing needs and which are missing; or, with --province, what a province asks'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "new" -d '交互式填写新备案 / write a new filing by answering questions (or a template with --template)'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "config" -d '生效的配置及每项的来源 / the configuration in force and where each value came from'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "schema" -d '备案文件格式的 JSON Schema，供编辑器使用 / the JSON Schema of the filing format, for editors (taplo, VS Code)'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "completions" -d 'shell 补全脚本；--dir 写入全部脚本和手册页 / a shell completion script; with --dir, every script and the man pages'
complete -c icp -n "__fish_icp_using_subcommand help; and not __fish_seen_subcommand_from validate fix report diff rules explain checklist new config schema completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c icp -n "__fish_icp_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "list" -d '列出所有规则 / every rule with its severity, scope, dates and source'
complete -c icp -n "__fish_icp_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "show" -d '某省现行的全部要求（可打印给客户）/ the rules in force in a province, grouped, to print for a client'
