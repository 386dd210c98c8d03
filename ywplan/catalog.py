"""Every message, heading and state name ywplan prints, in Chinese and English.

``CATALOG[key] = (zh, en)``; placeholders use ``str.format`` names and must be the same in
both languages (``tests/test_catalog.py`` checks). A key ending in ``.hint`` is the
"how to fix it" line for the message of the same key. Each part of ywplan keeps its
keys in its own section below, in the order the sections appear.
"""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # --- general -------------------------------------------------------------------
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "hint": ("提示", "hint"),
    "bug": (
        "ywplan 内部错误({kind}:{detail}),你的文件没有被改动",
        "ywplan failed ({kind}: {detail}); your files were not changed",
    ),
    "bug.hint": (
        "请把所用命令和 YWPLAN_DEBUG=1 时的完整输出报告给维护者",
        "please report the command and its full output with YWPLAN_DEBUG=1 to the maintainers",
    ),
    "did_you_mean": ("是不是“{name}”?", 'did you mean "{name}"? '),
    "names.more": ("…(共 {count} 个)", "… ({count} in all)"),
    "related": ("另见", "see also"),
    # --- YAML loading (yamlio) -------------------------------------------------------
    "yaml.syntax": ("YAML 语法错误({problem})", "YAML syntax error ({problem})"),
    "yaml.syntax.hint": (
        "检查缩进(只用空格,不用 Tab)、冒号后的空格和括号是否配对",
        "check the indentation (spaces, not tabs), the space after each colon, and brackets",
    ),
    "yaml.duplicate_key": (
        "键“{key}”重复(第 {first} 行已出现)",
        'duplicate key "{key}" (already on line {first})',
    ),
    "yaml.duplicate_key.hint": ("删除或合并重复的键", "remove or merge one of the two"),
    "yaml.tag": ("不允许使用 YAML 标签 {tag}", "YAML tags are not allowed: {tag}"),
    "yaml.tag.hint": (
        "计划文件只能包含普通的文字和数字;去掉以 ! 开头的标签",
        "a plan holds plain text and numbers only; remove the tag starting with !",
    ),
    "yaml.too_deep": ("嵌套超过 {limit} 层", "nesting deeper than {limit} levels"),
    "yaml.too_deep.hint": (
        "计划文件最多嵌套几层;这不像是计划文件",
        "a plan nests only a few levels deep; this does not look like a plan",
    ),
    "yaml.too_many_nodes": (
        "文档展开后超过 {limit} 个节点(可能是别名炸弹)",
        "the document expands to more than {limit} nodes (an alias bomb?)",
    ),
    "yaml.too_many_nodes.hint": (
        "少用锚点(&)和别名(*),把内容直接写出来",
        "use fewer anchors (&) and aliases (*); write the values out",
    ),
    "yaml.complex_key": ("键必须是简单的文字", "a key must be plain text"),
    "yaml.complex_key.hint": (
        "把键写成普通文字,如 name:",
        "write the key as plain text, e.g. name:",
    ),
    "yaml.undefined_alias": ("别名 *{name} 没有对应的锚点", "alias *{name} has no anchor"),
    "yaml.undefined_alias.hint": (
        "先用 &{name} 定义锚点,或直接写出内容",
        "define the anchor &{name} first, or write the value out",
    ),
    "yaml.many_documents": (
        "一个文件只能有一个 YAML 文档",
        "a file must hold one YAML document",
    ),
    "yaml.many_documents.hint": (
        "删除第二个 --- 及其后的内容,或拆成两个文件",
        "remove the second --- and what follows, or split the file",
    ),
    "yaml.number_too_long": (
        "数字太长({length} 个字符,最多 {limit} 个)",
        "a number too long ({length} characters, at most {limit})",
    ),
    "yaml.number_too_long.hint": (
        "计划中的数字不会这么长:检查是否粘贴错了内容",
        "no number of a plan is this long: check what was pasted here",
    ),
    "yaml.tab": ("这里用了 Tab 缩进", "a tab is used for indentation here"),
    "yaml.tab.hint": (
        "YAML 只能用空格缩进:把 Tab 换成空格(编辑器中可设置“用空格代替 Tab”)",
        "YAML indents with spaces only: replace the tab with spaces",
    ),
    "yaml.bad_char": ("“{char}”不能作为值的开头", '"{char}" cannot start a value'),
    "yaml.bad_char.hint": (
        '把整个值用英文双引号括起来,如 "@团市委"',
        'put the whole value in double quotes, e.g. "@团市委"',
    ),
    "yaml.unclosed_bracket": (
        "这里开始的方括号 [ 没有闭合",
        "the bracket [ opened here is not closed",
    ),
    "yaml.unclosed_bracket.hint": (
        "在列表末尾补上 ],并检查各项之间是否用英文逗号分隔",
        "add the closing ] and check that commas separate the entries",
    ),
    "yaml.unclosed_brace": (
        "这里开始的花括号 {{ 没有闭合",
        "the brace {{ opened here is not closed",
    ),
    "yaml.unclosed_brace.hint": (
        "在末尾补上 }},并检查各项之间是否用英文逗号分隔",
        "add the closing }} and check that commas separate the entries",
    ),
    "yaml.unclosed_quote": ("这里开始的引号没有闭合", "the quote opened here is not closed"),
    "yaml.unclosed_quote.hint": (
        "在文字末尾补上同样的引号(英文引号)",
        "add the same quote at the end of the text",
    ),
    "yaml.colon_space": ("冒号后缺少空格", "a space is missing after the colon"),
    "yaml.colon_space.hint": (
        "写成“键: 值”,冒号后加一个空格,如 min: 400",
        'write "key: value" with a space after the colon, e.g. min: 400',
    ),
    "yaml.colon_in_value": (
        "这里不能出现“: ”:值中含有冒号,或缩进不对",
        'a ": " cannot stand here: a value holds a colon, or the indentation is wrong',
    ),
    "yaml.colon_in_value.hint": (
        "值中含有冒号时,把整个值用英文双引号括起来;否则让这一行与同一层的键对齐",
        "put a value holding a colon in double quotes; otherwise line this key up "
        "with the keys of its level",
    ),
    "yaml.missing_colon": (
        "缺少冒号:这一行应写成“键: 值”",
        'a colon is missing: this line should read "key: value"',
    ),
    "yaml.missing_colon.hint": (
        "在键后写冒号和一个空格,如 title: 标题",
        "write a colon and a space after the key, e.g. title: …",
    ),
    "yaml.dash_here": (
        "列表项“- ”不能写在这里",
        'a list entry "- " cannot start here',
    ),
    "yaml.dash_here.hint": (
        "把列表项写在下一行并缩进,或写成 [甲, 乙]",
        "put the entries on the lines below, indented, or write [a, b]",
    ),
    "yaml.bad_indent": ("缩进没有对齐", "the indentation does not line up"),
    "yaml.bad_indent.hint": (
        "同一层的键左边对齐,列表项以“- ”开头并对齐;只用空格缩进",
        'keys of one level line up, list entries start with "- " and line up; indent with spaces',
    ),
    "yaml.bad_escape": (
        "双引号中的反斜杠 \\ 后跟了无效的字符",
        "a backslash \\ in double quotes is followed by an invalid character",
    ),
    "yaml.bad_escape.hint": (
        "把 \\ 写成 \\\\,或改用单引号括起这段文字",
        "write \\ as \\\\, or put the text in single quotes",
    ),
    "yaml.control_char": (
        "有不可见的控制字符(U+{code})",
        "an invisible control character (U+{code})",
    ),
    "yaml.control_char.hint": (
        "删除它:通常是从网页或 Word 复制进来的",
        "delete it: it usually comes with text copied from a web page or Word",
    ),
    # --- plan files (plan_file, model, checks) -----------------------------------------
    "where.plan": ("计划", "the plan"),
    "where.item": ("事项 {item}", "item {item}"),
    "where.target": ("目标 {target}", "target {target}"),
    "file.missing": ("文件不存在", "no such file"),
    "file.missing.hint": (
        "检查路径拼写,或用 --plan 指定计划文件",
        "check the path, or name the plan with --plan",
    ),
    "file.is_dir": ("这是一个文件夹,不是文件", "this is a folder, not a file"),
    "file.is_dir.hint": (
        "给出文件的路径,如 plans/jiaxing-2024.yaml",
        "give the path of a file, e.g. plans/jiaxing-2024.yaml",
    ),
    "file.unreadable": ("无法读取:{reason}", "cannot be read: {reason}"),
    "file.unreadable.hint": (
        "检查文件权限,或文件是否被其他程序占用",
        "check the file's permissions, or whether another program holds it",
    ),
    "file.too_large": (
        "文件太大({size} 字节,上限 {limit} 字节)",
        "file too large ({size} bytes, the limit is {limit})",
    ),
    "file.too_large.hint": (
        "这不像是计划或台账;检查是否选错了文件",
        "this does not look like a plan or a ledger; check the file",
    ),
    "file.gbk": (
        "文件是 GBK/GB18030 编码,不是 UTF-8",
        "the file is encoded in GBK/GB18030, not UTF-8",
    ),
    "file.gbk.hint": (
        "在 Excel/WPS 中“另存为 → CSV UTF-8”,或运行:iconv -f GB18030 -t UTF-8 原文件 > 新文件",
        'save it from Excel/WPS as "CSV UTF-8", or run: iconv -f GB18030 -t UTF-8 old > new',
    ),
    "file.not_utf8": ("文件不是 UTF-8 文本", "the file is not UTF-8 text"),
    "file.not_utf8.hint": ("用文本编辑器另存为 UTF-8", "save it as UTF-8 from a text editor"),
    "plan.not_mapping": (
        "计划文件的顶层必须是“键: 值”的映射",
        "the top of a plan file must be a mapping of keys",
    ),
    "plan.not_mapping.hint": (
        "从 plan:、org:、year:、items: 这些键开始",
        "start with the keys plan:, org:, year:, items:",
    ),
    "plan.missing": ("{where}缺少必填的键“{key}”", '{where} is missing the required key "{key}"'),
    "plan.missing.hint": ("加上一行 {key}: …", "add a line {key}: …"),
    "plan.unknown_key": ("{where}中有未知的键“{key}”", 'unknown key "{key}" in {where}'),
    "plan.unknown_key.hint": ("这里可用的键:{allowed}", "the keys allowed here: {allowed}"),
    "plan.unknown_key_typo": ("{where}中有未知的键“{key}”", 'unknown key "{key}" in {where}'),
    "plan.unknown_key_typo.hint": ("是不是想写“{suggestion}”?", 'did you mean "{suggestion}"?'),
    "plan.no_value": ("{where}的“{key}”没有填写", '"{key}" of {where} has no value'),
    "plan.no_value.hint": ("在冒号后写上它的值", "write its value after the colon"),
    "plan.type_text": ("{where}的“{key}”应为文字", '"{key}" of {where} must be text'),
    "plan.type_text.hint": ("给它加上引号", "put it in quotes"),
    "plan.type_integer": ("{where}的“{key}”应为整数", '"{key}" of {where} must be a whole number'),
    "plan.type_integer.hint": (
        "写成不带引号的数字,如 2024",
        "write a number without quotes, e.g. 2024",
    ),
    "plan.type_number": ("{where}的“{key}”应为数字", '"{key}" of {where} must be a number'),
    "plan.type_number.hint": (
        "写成不带引号、不带单位的数字,如 400",
        "write a number without quotes or unit, e.g. 400",
    ),
    "plan.type_list": ("{where}的“{key}”应为列表", '"{key}" of {where} must be a list'),
    "plan.type_list.hint": (
        "每项另起一行,以“- ”开头",
        'put each entry on its own line starting with "- "',
    ),
    "plan.type_mapping": (
        "{where}的“{key}”应为“键: 值”映射",
        '"{key}" of {where} must be a mapping of keys',
    ),
    "plan.type_mapping.hint": (
        "在下一行缩进写出“键: 值”",
        'write its "key: value" lines indented below it',
    ),
    "plan.type_bool": (
        "{where}的“{key}”应为 true 或 false",
        '"{key}" of {where} must be true or false',
    ),
    "plan.type_bool.hint": ("写 true 或 false(不加引号)", "write true or false (without quotes)"),
    "plan.not_positive": (
        "{where}的“{key}”必须大于 0",
        '"{key}" of {where} must be greater than 0',
    ),
    "plan.not_positive.hint": (
        "目标值、基数和配额都写正数,如 400",
        "targets, baselines and quotas are positive numbers, e.g. 400",
    ),
    "plan.not_finite": (
        "{where}的“{key}”必须是有限的数字",
        '"{key}" of {where} must be a finite number',
    ),
    "plan.not_finite.hint": (
        "写一个具体的数字,不要写 .inf 或 .nan",
        "write an actual number, not .inf or .nan",
    ),
    "plan.out_of_range": ("{where}的“{key}”超出允许范围", '"{key}" of {where} is out of range'),
    "plan.out_of_range.hint": (
        "年份写四位数(如 2024),序号从 1 开始",
        "write the year with four digits (e.g. 2024); numbers start at 1",
    ),
    "plan.bad_id": (
        "{where}的 id 只能用小写字母、数字和连字符",
        "the id of {where} may hold only lowercase letters, digits and hyphens",
    ),
    "plan.bad_id.hint": ("例如 cadre-training", "for example cadre-training"),
    "plan.empty": ("{where}的“{key}”不能为空", '"{key}" of {where} must not be empty'),
    "plan.empty.hint": ("写上内容,或删除这一行", "write a value, or delete the line"),
    "plan.too_long": ("{where}的“{key}”太长", '"{key}" of {where} is too long'),
    "plan.too_long.hint": (
        "缩短它;原文全文放在 text 中",
        "shorten it; keep the full wording in text",
    ),
    "plan.bad_choice": (
        "{where}的“{key}”取值无效",
        '"{key}" of {where} is not one of the allowed values',
    ),
    "plan.bad_choice.hint": ("可用的值:{expected}", "allowed: {expected}"),
    "plan.invalid_value": (
        "{where}的“{key}”无效:{detail}",
        '"{key}" of {where} is invalid: {detail}',
    ),
    "plan.invalid_value.hint": (
        "按 README 中的计划格式改写",
        "rewrite it as the plan format in the README shows",
    ),
    "plan.min_max": (
        "{where}必须有 min 或 max 之一,且只能有一个",
        "{where} needs exactly one of min and max",
    ),
    "plan.min_max.hint": (
        "不少于/不低于/以上/至少 → min;不超过/以内/控制在 → max",
        "不少于/不低于/以上/至少 (at least) → min; 不超过/以内/控制在 (at most) → max",
    ),
    "plan.growth_baseline": (
        "{where}是增长目标(kind: growth),必须给出基数 baseline",
        "{where} is a growth target and needs a baseline",
    ),
    "plan.growth_baseline.hint": ("加上 baseline: 上年的数值", "add baseline: last year's figure"),
    "plan.schedule_growth": (
        "{where}是增长目标,不能设 schedule",
        "{where} is a growth target and cannot have a schedule",
    ),
    "plan.schedule_growth.hint": (
        "schedule 只用于 sum 和 level 目标",
        "schedule is for sum and level targets only",
    ),
    "plan.schedule_order": (
        "{where}的 schedule 中 {q} 的 {value} 小于 {prev}",
        "the schedule of {where} goes down: {q} is {value}, below {prev}",
    ),
    "plan.schedule_order.hint": (
        "各季度是累计值,应逐季不减",
        "checkpoints are cumulative and must not decrease",
    ),
    "plan.schedule_above": (
        "{where}的 schedule 中 {q} 的 {value} 超过了全年目标 {goal}",
        "the schedule of {where} has {q} at {value}, above the annual min {goal}",
    ),
    "plan.schedule_above.hint": (
        "Q4 末即全年目标,季度检查点不应超过它",
        "the annual target is Q4's checkpoint; quarters must not exceed it",
    ),
    "plan.duplicate_number": (
        "事项序号 {number} 重复(第 {first} 行已用)",
        "item number {number} is used twice (first on line {first})",
    ),
    "plan.duplicate_number.hint": ("给这个事项换一个序号", "give this item another number"),
    "plan.duplicate_target": (
        "目标 {ref} 重复(第 {first} 行已有)",
        "target {ref} appears twice (first on line {first})",
    ),
    "plan.duplicate_target.hint": (
        "同一事项下的目标 id 必须各不相同",
        "target ids must differ within an item",
    ),
    "plan.duplicate_unit": ("下级单位“{unit}”重复", 'sub-unit "{unit}" is listed twice'),
    "plan.duplicate_unit.hint": ("删除重复的那一个", "delete the repeated one"),
    "plan.quota_unit": (
        "by_unit 中的“{unit}”不在 units 中",
        '"{unit}" in by_unit is not one of the plan\'s units',
    ),
    "plan.quota_unit.hint": ("{suggest}units 中有:{units}", "{suggest}the units are: {units}"),
    "plan.schedule_max": (
        "目标 {ref} 是上限(max)目标,schedule 不起作用",
        "target {ref} is a max target; its schedule has no effect",
    ),
    "plan.schedule_max.hint": ("删除 schedule,或改用 min", "remove the schedule, or use min"),
    "plan.numbering_gap": (
        "事项序号不连续,缺少:{missing}",
        "item numbers have gaps: {missing} missing",
    ),
    "plan.numbering_gap.hint": ("如果是有意跳号可以忽略", "ignore this if the gap is intended"),
    "plan.lost_targets": (
        "计划没有任何量化目标,但事项 {items} 的原文写有数量",
        "the plan has no quantitative target, yet the text of item(s) {items} states quantities",
    ),
    "plan.lost_targets.hint": (
        "导入时可能漏掉了目标:对照原文为这些事项补上 targets(如“不少于400人次” → min: 400)",
        "targets may have been lost in import: add them to these items from the text (不少于400人次 → min: 400)",
    ),
    "plan.not_found": ("找不到计划文件 {path}", "plan file {path} not found"),
    "plan.not_found.hint": (
        "检查 --plan 或 $YWPLAN_PLAN 的路径",
        "check the path given by --plan or $YWPLAN_PLAN",
    ),
    "plan.none": ("{folder} 中没有计划文件(*.yaml)", "no plan file (*.yaml) in {folder}"),
    "plan.none.hint": (
        "用 --plan 指定计划文件,或在含有 plans/ 的目录下运行",
        "name the plan with --plan, or run ywplan where plans/ is",
    ),
    "plan.ambiguous": (
        "{folder} 中有多个计划文件,请指定一个:\n{choices}",
        "{folder} holds several plans; choose one:\n{choices}",
    ),
    "plan.ambiguous.hint": ("或设置环境变量 YWPLAN_PLAN", "or set YWPLAN_PLAN"),
    "plan.invalid": ("计划 {path} 有 {count} 处错误", "plan {path} has {count} error(s)"),
    "plan.invalid.hint": (
        "改正上面列出的错误;ywplan check 可列出全部",
        "fix the errors above; ywplan check lists them all",
    ),
    "plan.gbk": (
        "文件是 GBK/GB18030 编码,不是 UTF-8",
        "the file is encoded in GBK/GB18030, not UTF-8",
    ),
    "plan.gbk.hint": (
        "在编辑器中另存为 UTF-8 编码(记事本:另存为 → 编码 UTF-8),"
        "或运行:iconv -f GB18030 -t UTF-8 原文件 > 新文件",
        "save it as UTF-8 in the editor (Notepad: Save as → Encoding UTF-8), "
        "or run: iconv -f GB18030 -t UTF-8 old > new",
    ),
    "where.milestone": ("里程碑 {target}", "milestone {target}"),
    "where.flags": ("计划的 flags", "the plan's flags"),
    "plan.bad_date": (
        "{where}的“{key}”不是有效日期:{value}",
        '"{key}" of {where} is not a valid date: {value}',
    ),
    "plan.bad_date.hint": (
        "写成 YYYY-MM-DD,如 2024-06-30",
        "write it as YYYY-MM-DD, e.g. 2024-06-30",
    ),
    "plan.duplicate_id": (
        "事项 {item} 中的 id“{id}”重复(第 {first} 行已有)",
        'id "{id}" is used twice in item {item} (first on line {first})',
    ),
    "plan.duplicate_id.hint": (
        "同一事项的目标和里程碑共用一套 id,给这一个换一个",
        "an item's targets and milestones share one set of ids: give this one another",
    ),
    "plan.reserved_id": (
        "事项 {item} 的 id 不能是“done”",
        'item {item} cannot use "done" as an id',
    ),
    "plan.reserved_id.hint": (
        "done 留作记录整个事项完成(ywplan done {item});换一个 id,如 finished",
        '"done" is kept for recording the whole item done (ywplan done {item}); '
        "choose another id, e.g. finished",
    ),
    "plan.due_outside_year": (
        "里程碑 {ref} 的截止日期 {due} 不在计划年度 {year} 内",
        "milestone {ref} is due {due}, outside the plan year {year}",
    ),
    "plan.due_outside_year.hint": (
        "截止日期应在 {year}-01-01 至 {year}-12-31 之间",
        "a due date lies between {year}-01-01 and {year}-12-31",
    ),
    "plan.due_soon_days": (
        "flags 中 due_soon_days 为 {value},应为 0 到 366 之间的天数",
        "flags: due_soon_days is {value}; it must be a number of days from 0 to 366",
    ),
    "plan.due_soon_days.hint": (
        "默认 14:截止日期前 14 天内的里程碑为临期(蓝灯)",
        "the default is 14: a milestone due within 14 days is due soon (blue)",
    ),
    "plan.red_gap": (
        "flags 中 red_gap 为 {value},应大于 0 且不超过 100(百分点)",
        "flags: red_gap is {value}; it must be above 0 and at most 100 (percentage points)",
    ),
    "plan.red_gap.hint": (
        "默认 10:落后序时进度超过 10 个百分点的目标亮红灯",
        "the default is 10: a target more than 10 points behind 序时进度 is flagged red",
    ),
    "plan.idle_after": (
        "flags 中 idle_after 为 {value},应在 0 到 100 之间(全年的百分比)",
        "flags: idle_after is {value}; it must be from 0 to 100 (percent of the year)",
    ),
    "plan.idle_after.hint": (
        "默认 25:序时进度过了 25% 仍未启动的事项开始督办",
        "the default is 25: an item not started once 序时进度 passes 25% is flagged",
    ),
    "plan.aggregate_kind": (
        "{where}是 {kind} 目标,不能设 aggregate(只有 level 和 growth 目标可以按单位求和)",
        "{where} is a {kind} target and cannot have aggregate (only level and growth targets add up their units)",
    ),
    "plan.aggregate_kind.hint": (
        "删去 aggregate;sum 目标本来就把各单位的数加在一起",
        "remove aggregate: a sum target already adds every unit's amounts",
    ),
    "tree.invalid": (
        "计划 {path} 的下级计划树有 {count} 处错误",
        "the tree of child plans under {path} has {count} error(s)",
    ),
    "tree.invalid.hint": (
        "改正上面列出的错误;ywplan check {path} 检查整棵树",
        "fix the errors above; ywplan check {path} checks the whole tree",
    ),
    "tree.no_reports_to": (
        "{parent} 的 children 找到了这份计划,但它没有 reports_to",
        "{parent}'s children found this plan, but it has no reports_to",
    ),
    "tree.no_reports_to.hint": (
        "加上 reports_to: {{plan: 上级计划文件(相对本文件), unit: 本单位在上级 units 中的名称}},或让上级的 children 不再匹配它",
        "add reports_to: {{plan: the parent's plan file (relative to this one), unit: this office among the parent's units}}, or narrow the parent's children glob",
    ),
    "tree.reports_elsewhere": (
        "reports_to 指向 {named},但找到它的上级是 {parent}",
        "reports_to names {named}, but the parent that found it is {parent}",
    ),
    "tree.reports_elsewhere.hint": (
        "把 reports_to.plan 改为上级计划文件相对本文件的路径,或让另一份计划的 children 不再匹配它",
        "make reports_to.plan the parent's plan file relative to this one, or narrow the other plan's children glob",
    ),
    "tree.unknown_unit": (
        "reports_to 的单位“{unit}”不在 {parent} 的 units 中",
        'reports_to names the unit "{unit}", which is not among the units of {parent}',
    ),
    "tree.unknown_unit.hint": (
        "写上级 units 中的一个名称:{units}",
        "use one of the parent's units: {units}",
    ),
    "tree.other_year": (
        "这是 {year} 年的计划,上级计划是 {parent_year} 年的",
        "this plan is for {year}, its parent's for {parent_year}",
    ),
    "tree.other_year.hint": (
        "每个年度的计划树各自独立:让上级的 children 只匹配同一年度的计划",
        "each year has its own tree: make the parent's children glob match plans of its year only",
    ),
    "tree.unknown_target": (
        "目标 {ref} 的 counts_toward 指向 {toward},{parent} 中没有这个目标",
        "target {ref} counts toward {toward}, which {parent} does not have",
    ),
    "tree.unknown_target.hint": (
        "写上级的一个目标(事项.目标):\n{targets}",
        "name one of the parent's targets (ITEM.TARGET):\n{targets}",
    ),
    "tree.other_unit": (
        "目标 {ref} 以“{unit}”计,它计入的上级目标 {toward} 以“{theirs}”计",
        'target {ref} is counted in "{unit}", the parent\'s {toward} in "{theirs}"',
    ),
    "tree.other_unit.hint": (
        "只有计量单位相同的目标才能相加:改用相同的单位,或去掉 counts_toward",
        "only targets in the same unit add up: use the same unit, or remove counts_toward",
    ),
    "tree.other_kind": (
        "目标 {ref} 是 {kind} 目标,它计入的上级目标 {toward} 是 {theirs} 目标",
        "target {ref} is a {kind} target, the parent's {toward} a {theirs} target",
    ),
    "tree.other_kind.hint": (
        "sum 只能计入 sum;level 或 growth 只能计入设了 aggregate: sum 的 level 或 growth",
        "sum feeds sum; level or growth feeds level or growth with aggregate: sum",
    ),
    "tree.needs_aggregate": (
        "目标 {toward} 由下级 {child} 汇总,必须设 aggregate: sum",
        "target {toward} is fed by the child {child} and needs aggregate: sum",
    ),
    "tree.needs_aggregate.hint": (
        "加上 aggregate: sum:“最后填报的那个单位的数值”在多个单位之间没有意义",
        'add aggregate: sum: "the latest value of whichever office logged last" means nothing across offices',
    ),
    "tree.double_count": (
        "记录 {id} 把 {ref} 记在“{unit}”名下,但这一单位的这个目标由下级台账汇总,同一项工作被算了两次",
        'entry {id} logs {ref} for "{unit}", but a child plan feeds that unit\'s {ref}: the same work is counted twice',
    ),
    "tree.double_count.hint": (
        "让下级在自己的台账中记录;用 ywplan undo {id} --reason 由下级台账汇总 撤销这一条",
        'let the child office log it in its own ledger; reverse this one with ywplan undo {id} --reason "counted by the child"',
    ),
    "tree.cycle": (
        "children 又找到了 {child},它已经是这份计划的上级:计划树成了环",
        "children finds {child} again, which is already above this plan: the tree is a cycle",
    ),
    "tree.cycle.hint": (
        "children 只匹配下级的计划,不要匹配本级或上级的计划",
        "make children match the plans of child offices only, never this plan or one above it",
    ),
    "tree.glob_empty": (
        "children 的“{pattern}”没有找到任何计划",
        'children "{pattern}" finds no plan',
    ),
    "tree.glob_empty.hint": (
        "路径相对本计划文件;子模块还没取下来时先运行 git submodule update --init",
        "paths are relative to this plan file; fetch submodules first with git submodule update --init",
    ),
    "tree.child_missing": ("children 的“{pattern}”不存在", 'children "{pattern}" does not exist'),
    "tree.child_missing.hint": (
        "路径相对本计划文件;子模块还没取下来时先运行 git submodule update --init",
        "paths are relative to this plan file; fetch submodules first with git submodule update --init",
    ),
    "tree.too_deep": (
        "计划树超过 {limit} 层,下面的计划没有读取",
        "the tree of plans is more than {limit} levels deep; the plans below were not read",
    ),
    "tree.too_deep.hint": (
        "检查 children 是否匹配了不该匹配的计划",
        "check that children matches only the plans of child offices",
    ),
    "tree.unit_twice": (
        "这份计划以“{unit}”报送,但 {other} 也以“{unit}”报送:同一单位的记录会被算两次",
        'this plan reports as "{unit}", as {other} does: that unit\'s entries would count twice',
    ),
    "tree.unit_twice.hint": (
        "一个单位只能有一份下级计划:改正 reports_to.unit,或让上级的 children 不再匹配多余的那份",
        "a unit has one child plan: correct reports_to.unit, or narrow the parent's children glob",
    ),
    "tree.too_many": (
        "计划树超过 {limit} 份计划,其余的没有读取",
        "the tree holds more than {limit} plans; the rest were not read",
    ),
    "tree.too_many.hint": (
        "检查 children 是否匹配了不该匹配的计划",
        "check that children matches only the plans of child offices",
    ),
    "where.grading": ("计划的 grading", "the plan's grading"),
    "plan.band_range": (
        "grading 的等次“{band}”最低分为 {value},应在 0 到 100 之间",
        'grading: band "{band}" starts at {value}; a score is from 0 to 100',
    ),
    "plan.band_range.hint": (
        "最低分是百分制得分,如 优秀: 90",
        "a band's minimum is a score out of 100, e.g. 优秀: 90",
    ),
    "plan.bands_order": (
        "grading 的等次“{band}”最低分 {value} 不低于上一等次“{before}”的 {least}",
        'grading: band "{band}" starts at {value}, not below "{before}" ({least}) above it',
    ),
    "plan.bands_order.hint": (
        "等次从高到低排列,最低分依次递减,如 {{优秀: 90, 良好: 75, 合格: 60}}",
        "list the bands best first, each minimum lower, e.g. {{优秀: 90, 良好: 75, 合格: 60}}",
    ),
    "plan.weight_target": (
        "grading 的权重指向不存在的目标 {ref}",
        "grading: the weight names {ref}, which is not a target of the plan",
    ),
    "plan.weight_target.hint": (
        "权重的键写“事项序号.目标id”,如 {suggest}",
        "a weight's key is ITEM.TARGET-ID, e.g. {suggest}",
    ),
    "plan.weight_no_quota": (
        "grading 的权重 {ref} 不起作用:该目标没有 by_unit 分解配额",
        "grading: the weight of {ref} has no effect: the target has no by_unit quotas",
    ),
    "plan.weight_no_quota.hint": (
        "评分只计入各单位的分解配额;给该目标加上 by_unit,或删去这个权重",
        "a score counts the sub-units' quotas only: give the target by_unit, or drop the weight",
    ),
    # --- ledger (ledger, checks) ------------------------------------------------------------
    "ledger.header": (
        "台账第一行应为表头:{expected}",
        "the ledger's first line must be the header: {expected}",
    ),
    "ledger.header.hint": (
        "把表头恢复为第一行(合并时可能丢失了)",
        "restore the header as line 1 (a merge may have lost it)",
    ),
    "ledger.header_again": (
        "表头在台账中间又出现了一次",
        "the header appears again inside the ledger",
    ),
    "ledger.header_again.hint": (
        "删除这一行(合并时带进来的)",
        "delete this line (a merge brought it in)",
    ),
    "ledger.columns": (
        "这一行有 {count} 列,台账每行应有 10 列",
        "this line has {count} columns; ledger lines have 10",
    ),
    "ledger.columns.hint": (
        "含逗号的备注要用英文双引号括起来",
        "a note holding a comma must be in double quotes",
    ),
    "ledger.bad_row": ("这一行无法读取", "this line cannot be read"),
    "ledger.bad_row.hint": (
        "对照表头检查这一行,或删除后用 ywplan log 重新记录",
        "compare the line with the header, or delete it and log the entry again",
    ),
    "ledger.bad_id": ("id“{value}”无效", 'invalid id "{value}"'),
    "ledger.bad_id.hint": (
        "id 由至少 8 个小写字母或数字组成",
        "an id is at least 8 lowercase letters or digits",
    ),
    "ledger.bad_date": ("日期“{value}”无效", 'invalid date "{value}"'),
    "ledger.bad_date.hint": (
        "日期写成 YYYY-MM-DD,如 2024-05-10",
        "write dates as YYYY-MM-DD, e.g. 2024-05-10",
    ),
    "ledger.bad_item": ("事项序号“{value}”无效", 'invalid item number "{value}"'),
    "ledger.bad_item.hint": ("事项序号只写数字,如 26", "an item number is digits only, e.g. 26"),
    "ledger.bad_target": ("目标 id“{value}”无效", 'invalid target id "{value}"'),
    "ledger.bad_target.hint": (
        "目标 id 用计划中的写法,如 cadre-training",
        "use the target id as the plan spells it, e.g. cadre-training",
    ),
    "ledger.bad_amount": ("数量“{value}”不是数字", 'amount "{value}" is not a number'),
    "ledger.bad_amount.hint": (
        "只写数字,不带单位和千分位,如 45 或 2.5",
        "write a plain number, no unit or separators, e.g. 45 or 2.5",
    ),
    "ledger.bad_recorded_at": ("记录时间“{value}”无效", 'invalid recorded_at "{value}"'),
    "ledger.bad_recorded_at.hint": (
        "写成 2024-05-10T16:20:05+08:00",
        "write it as 2024-05-10T16:20:05+08:00",
    ),
    "ledger.bad_corrects": ("corrects 中的 id“{value}”无效", 'invalid id "{value}" in corrects'),
    "ledger.bad_corrects.hint": (
        "corrects 列写被撤销记录的完整 id,或留空",
        "corrects holds the full id of the entry reversed, or nothing",
    ),
    "ledger.note_too_long": ("备注超过 {limit} 字", "the note is longer than {limit} characters"),
    "ledger.note_too_long.hint": (
        "把备注缩短;详细材料另存文件",
        "shorten the note; keep long material in a file",
    ),
    "ledger.multiline": ("备注不能换行", "a note must be one line"),
    "ledger.multiline.hint": ("把备注改成一行", "make the note one line"),
    "ledger.torn": (
        "最后一行不完整(可能写入时被中断)",
        "the last line is incomplete (a write was interrupted?)",
    ),
    "ledger.torn.hint": (
        "核对这一行:补全它,或删除后用 ywplan log 重新记录",
        "check this line: complete it, or delete it and log the entry again",
    ),
    "ledger.no_final_newline": ("文件末尾没有换行", "the file does not end with a line break"),
    "ledger.no_final_newline.hint": (
        "无需处理,下次 ywplan log 会补上",
        "nothing to do: the next ywplan log adds it",
    ),
    "ledger.interrupted": (
        "最后一次写入被中断(进程被终止),未写完的 {size} 字节不计入",
        "the last append was interrupted (its process was killed): its {size} unfinished bytes"
        " are not counted",
    ),
    "ledger.interrupted.hint": (
        "没有显示“已记录”的那次录入请用 ywplan log 重新记录;下一次 ywplan log 会清除这些字节",
        "log again the entry that was not confirmed as recorded; the next ywplan log removes"
        " these bytes",
    ),
    "ledger.duplicate_id": (
        "id {id} 重复(第 {first} 行已有)",
        "id {id} appears twice (first on line {first})",
    ),
    "ledger.duplicate_id.hint": (
        "删除重复的那一行(合并或复制时产生)",
        "delete the repeated line (from a merge or a copy)",
    ),
    "ledger.corrects_unknown": (
        "要撤销的记录 {id} 不存在",
        "the entry {id} this line reverses does not exist",
    ),
    "ledger.corrects_unknown.hint": (
        "删除这一行,或把 corrects 改为要撤销记录的 id",
        "delete this line, or set corrects to the id of the entry it reverses",
    ),
    "ledger.corrects_reversal": (
        "{id} 本身是撤销记录,不能再撤销",
        "{id} is itself a reversal and cannot be reversed",
    ),
    "ledger.corrects_reversal.hint": (
        "如需恢复,用 ywplan log 重新记录",
        "to restore it, log the entry again",
    ),
    "ledger.corrects_twice": ("记录 {id} 已经撤销过了", "entry {id} has already been reversed"),
    "ledger.corrects_twice.hint": ("删除多余的撤销行", "delete the extra reversal"),
    "ledger.corrects_mismatch": (
        "撤销行与第 {line} 行的原记录不符",
        "this reversal does not match the entry it reverses (line {line})",
    ),
    "ledger.corrects_mismatch.hint": (
        "撤销行应重复原记录的日期、事项、目标和单位,数量取相反数",
        "a reversal repeats the entry's date, item, target and unit, with the amount negated",
    ),
    "ledger.invalid": ("台账 {path} 有 {count} 处错误", "ledger {path} has {count} error(s)"),
    "ledger.invalid.hint": (
        "改正上面列出的错误;ywplan check 可列出全部",
        "fix the errors above; ywplan check lists them all",
    ),
    "ledger.locked": (
        "台账 {path} 被占用超过 {seconds} 秒,没有记录",
        "ledger {path} stayed locked for more than {seconds} s; nothing was recorded",
    ),
    "ledger.locked.hint": (
        "另一位同事的 ywplan 正在写入;稍后重试,或设置 YWPLAN_LOCK_TIMEOUT=60 多等一会儿。锁随进程结束自动释放,不必删除 .lock 文件",
        "another clerk's ywplan is writing; try again, or wait longer with YWPLAN_LOCK_TIMEOUT=60. The lock ends with the process that holds it: do not delete the .lock file",
    ),
    "ledger.write_failed": ("无法写入台账 {path}:{reason}", "cannot write ledger {path}: {reason}"),
    "ledger.write_failed.hint": (
        "检查磁盘空间和文件权限后重试;台账中已有的记录没有改动",
        "check disk space and permissions, then try again; the entries already recorded are unchanged",
    ),
    "entry.unknown_item": (
        "计划中没有事项 {item}(事项为 {span})",
        "the plan has no item {item} (items are {span})",
    ),
    "entry.unknown_item.hint": (
        "用 ywplan status 查看事项和目标",
        "see items and targets with ywplan status",
    ),
    "entry.unknown_target": ("事项 {item} 中没有目标 {ref}", "item {item} has no target {ref}"),
    "entry.unknown_target.hint": (
        "{suggest}事项 {item} 的目标:\n{known}",
        "{suggest}the targets of item {item}:\n{known}",
    ),
    "entry.qualitative_item": (
        "事项 {item} 没有量化目标,不能记录数量",
        "item {item} has no quantitative target to log against",
    ),
    "entry.qualitative_item.hint": (
        "在计划中为它加上 targets,或选择其他事项",
        "add targets to it in the plan, or pick another item",
    ),
    "entry.date_outside_year": (
        "日期 {date} 不在计划年度 {year} 内",
        "date {date} is outside the plan year {year}",
    ),
    "entry.date_outside_year.hint": (
        "用 --date 给出 {year} 年内的日期",
        "give a date in {year} with --date",
    ),
    "entry.date_future": (
        "日期 {date} 在今天({today})之后",
        "date {date} is after today ({today})",
    ),
    "entry.date_future.hint": ("只记录已经完成的工作", "log only work that has happened"),
    "entry.unit_without_units": (
        "计划没有设下级单位,不能指定“{unit}”",
        'the plan has no sub-units, so "{unit}" cannot be given',
    ),
    "entry.unit_without_units.hint": (
        "去掉 --unit,或在计划中加上 units",
        "drop --unit, or add units to the plan",
    ),
    "entry.unknown_unit": (
        "“{unit}”不是计划中的下级单位",
        '"{unit}" is not one of the plan\'s sub-units',
    ),
    "entry.unknown_unit.hint": (
        "{suggest}可用的单位:{units}",
        "{suggest}the sub-units are: {units}",
    ),
    "entry.amount_not_positive": (
        "数量必须大于 0(收到 {amount})",
        "the amount must be greater than 0 (got {amount})",
    ),
    "entry.amount_not_positive.hint": (
        "录错了?用 ywplan undo 撤销原记录",
        "correcting a mistake? reverse the entry with ywplan undo",
    ),
    "ledger.removed_since": (
        "{rev} 中第 {line} 行的记录 {id} 已被删除",
        "entry {id} (line {line} at {rev}) was removed since {rev}",
    ),
    "ledger.removed_since.hint": (
        "台账只能追加:从 git show {rev}:./<台账> 找回这一行;撤销记录用 ywplan undo。"
        "合并台账不要用 -X ours/-X theirs 或 checkout --theirs(用 merge=union)",
        "a ledger may only be appended to: restore the line from git show {rev}:./<ledger>; "
        "reverse an entry with ywplan undo. Never merge a ledger with -X ours/-X theirs "
        "or checkout --theirs (use merge=union)",
    ),
    "ledger.changed_since": (
        "{rev} 中第 {line} 行的记录 {id} 已被改动",
        "entry {id} (line {line} at {rev}) was changed since {rev}",
    ),
    "ledger.changed_since.hint": (
        "台账只能追加:把这一行恢复原样(见 git show {rev}:./<台账>);"
        "要更正记录,用 ywplan undo 撤销后重新记录",
        "a ledger may only be appended to: restore the line as it was (git show "
        "{rev}:./<ledger>); to correct an entry, reverse it with ywplan undo and log it again",
    ),
    "entry.by_too_long": (
        "记录人(by)超过 {limit} 字",
        "by (who recorded it) is longer than {limit} characters",
    ),
    "entry.by_too_long.hint": (
        "记录人写姓名:一行普通文字,不超过 {limit} 字(见 --by 或 $YWPLAN_BY)",
        "by holds a name: one line of plain text, at most {limit} characters (see --by or $YWPLAN_BY)",
    ),
    "entry.by_control": (
        "记录人(by)中有控制字符({char})",
        "by (who recorded it) holds a control character ({char})",
    ),
    "entry.by_control.hint": (
        "记录人写姓名:一行普通文字,不超过 {limit} 字,不含换行和控制字符(见 --by 或 $YWPLAN_BY)",
        "by holds a name: one line of plain text, at most {limit} characters, no line break or control character (see --by or $YWPLAN_BY)",
    ),
    "entry.amount_on_row": (
        "{ref} 是节点或完成标记,不记数量",
        "{ref} is a milestone or the item done: it takes no amount",
    ),
    "entry.amount_on_row.hint": (
        "用 ywplan done {ref} 记录完成;台账中这一行的 amount 应为空",
        "record it with ywplan done {ref}; the amount of this ledger line must be empty",
    ),
    "entry.amount_missing": ("目标 {ref} 的记录缺少数量", "an entry of target {ref} has no amount"),
    "entry.amount_missing.hint": (
        "用 ywplan log {ref} 数量 记录;只有进展、节点和完成标记的 amount 为空",
        "log it with ywplan log {ref} AMOUNT; only notes, milestones and items done have no amount",
    ),
    "entry.empty_note": ("进展记录没有内容", "the progress note is empty"),
    "entry.empty_note.hint": (
        '写明做了什么,如:ywplan note 4 "召开推进会"',
        'say what was done, e.g. ywplan note 4 "held a kick-off meeting"',
    ),
    "entry.unknown_milestone": (
        "事项 {item} 中没有节点 {ref}",
        "item {item} has no milestone {ref}",
    ),
    "entry.unknown_milestone.hint": (
        "事项 {item} 的节点:\n{known}",
        "the milestones of item {item}:\n{known}",
    ),
    "entry.no_milestones": (
        "事项 {item} 没有节点 {ref}(它没有设节点)",
        "item {item} has no milestone {ref} (it has none)",
    ),
    "entry.no_milestones.hint": (
        "整个事项完成时用 ywplan done {item};或在计划中为它加上 milestones",
        "when the whole item is done, use ywplan done {item}; or add milestones to it in the plan",
    ),
    "entry.milestone_of_other": (
        "{ref}:节点属于事项 {owner},不属于事项 {item}",
        "{ref}: the milestone belongs to item {owner}, not item {item}",
    ),
    "entry.milestone_of_other.hint": (
        "是不是 ywplan done {owner}.{milestone}?事项 {item} 的节点:\n{known}",
        "did you mean ywplan done {owner}.{milestone}? the milestones of item {item}:\n{known}",
    ),
    "entry.done_has_milestones": (
        "事项 {item} 设有节点,不能整体标记完成",
        "item {item} has milestones: it cannot be marked done as a whole",
    ),
    "entry.done_has_milestones.hint": (
        "逐个记录完成的节点(ywplan done {item}.节点):\n{known}",
        "record each milestone done (ywplan done {item}.MILESTONE):\n{known}",
    ),
    "entry.done_has_targets": (
        "事项 {item} 有量化目标,按目标记录进度,不能整体标记完成",
        "item {item} is measured by its targets: it cannot be marked done as a whole",
    ),
    "entry.done_has_targets.hint": (
        "用 ywplan log 记录各目标:\n{known}",
        "log its targets with ywplan log:\n{known}",
    ),
    "ledger.changed_while_read": (
        "台账 {path} 在读取时被改动了(第 {line} 行),输出没有写完",
        "the ledger {path} changed while it was read (line {line}); the output is incomplete",
    ),
    "ledger.changed_while_read.hint": (
        "再运行一次命令;写到文件(-o)的输出没有被替换",
        "run the command again; a file given with -o was not replaced",
    ),
    # --- progress and states (progress) ---------------------------------------------------
    "state.done": ("已完成", "done"),
    "state.on_track": ("正常推进", "on track"),
    "state.behind": ("滞后", "behind"),
    "state.not_started": ("未启动", "not started"),
    "state.breached": ("超标", "breached"),
    "col.item": ("序号", "No."),
    "col.title": ("事项", "Item"),
    "col.target": ("目标", "Target"),
    "col.unit": ("单位", "Unit"),
    "col.op": ("要求", "Op"),
    "col.goal": ("目标值", "Goal"),
    "col.actual": ("完成", "Actual"),
    "col.percent": ("完成率", "Done %"),
    "col.bar": ("完成率 │序时进度", "Done % │expected"),
    "col.expected": ("序时进度", "Expected"),
    "col.remaining": ("尚缺", "To go"),
    "col.gap": ("较序时", "Gap"),
    "col.state": ("状态", "State"),
    "state.overdue": ("逾期", "overdue"),
    "state.due_soon": ("临期", "due soon"),
    "state.in_progress": ("推进中", "in progress"),
    "state.pending": ("未到期", "pending"),
    "flag.red": ("红灯", "red"),
    "flag.yellow": ("黄灯", "yellow"),
    "flag.blue": ("蓝灯", "blue"),
    "flag.green": ("绿灯", "green"),
    # --- commands: log, undo, entries, status (cli) ----------------------------------------
    "help.app": (
        "ywplan:共青团年度工作要点进度台账。计划是 YAML,台账是 CSV,都放在 git 仓库里。",
        "ywplan: track a Youth League office's annual work plan. Plans are YAML, the ledger is CSV, both in git.",
    ),
    "help.check": (
        "检查计划文件及其台账(供 CI 使用)",
        "validate plan files and their ledgers (for CI)",
    ),
    "help.check.paths": (
        "计划文件或文件夹(默认 ./plans)",
        "plan files or folders (default ./plans)",
    ),
    "help.log": (
        "记录一条进度,如:ywplan log 26 45 --unit 海宁市",
        "record progress, e.g. ywplan log 26 45 --unit 海宁市",
    ),
    "help.log.target": (
        "目标:26(事项只有一个目标时)或 26.cadre-training",
        "the target: 26 (an item with one target) or 26.cadre-training",
    ),
    "help.log.amount": ("数量(目标的计量单位)", "the amount, in the target's unit"),
    "help.log.date": ("工作发生的日期,默认今天", "the day the work happened (default: today)"),
    "help.log.note": ("备注(一行)", "a one-line note"),
    "help.log.by": (
        "记录人(默认 $YWPLAN_BY 或登录名)",
        "who records it (default: $YWPLAN_BY or the login name)",
    ),
    "help.log.yes": (
        "数量看起来像录错(水平相差十倍、与上一条完全相同)时也照样记录,不再询问",
        "record even when the amount looks like a slip (a level ten times off, the same as the last entry), without asking",
    ),
    "help.undo": (
        "撤销一条记录(追加一条冲销行,原记录保留)",
        "reverse an entry (appends a reversing line; history stays)",
    ),
    "help.undo.id": ("记录 id,或其唯一前缀", "the entry id, or a unique prefix of it"),
    "help.undo.reason": ("撤销原因", "why the entry is reversed"),
    "help.entries": ("列出台账记录", "list ledger entries"),
    "help.entries.item": ("只看这个事项或目标", "only this item or target"),
    "help.entries.since": ("从这一天起", "from this day on"),
    "help.entries.until": ("到这一天止", "up to this day"),
    "help.status": (
        "每个事项的状态和督办颜色,各目标完成情况与序时进度",
        "every item's state and 督办 flag, each target's progress against 序时进度 (expected by now)",
    ),
    "help.status.behind": (
        "只看滞后和未启动的目标,以及逾期或未启动的事项",
        "only targets behind or not started, and items overdue or not started",
    ),
    "help.opt.plan": (
        "计划文件(默认 $YWPLAN_PLAN 或 ./plans 中唯一的计划)",
        "the plan file (default: $YWPLAN_PLAN, or the only plan in ./plans)",
    ),
    "help.opt.lang": (
        "界面语言 zh 或 en(默认 $YWPLAN_LANG 或系统语言)",
        "language, zh or en (default: $YWPLAN_LANG, else the locale)",
    ),
    "help.opt.as_of": ("统计截至这一天(默认今天)", "measure as of this day (default: today)"),
    "help.opt.quarter": (
        "统计截至该季度末,如 2024Q2",
        "measure as of this quarter's end, e.g. 2024Q2",
    ),
    "help.opt.unit": ("下级单位(县市区)", "the sub-unit"),
    "help.opt.output": (
        "写入文件(默认输出到屏幕)",
        "write to this file (default: standard output)",
    ),
    "help.opt.format": ("输出格式", "output format"),
    "help.opt.version": ("显示版本并退出", "show the version and exit"),
    "usage.bad_format": ("不支持的格式“{value}”", 'unknown format "{value}"'),
    "usage.bad_format.hint": ("可用的格式:{choices}", "the formats are: {choices}"),
    "usage.bad_lang": ("不支持的语言“{value}”", 'unknown language "{value}"'),
    "usage.bad_lang.hint": ("用 --lang zh 或 --lang en", "use --lang zh or --lang en"),
    "usage.as_of_and_quarter": (
        "--as-of 和 --quarter 只能用一个",
        "use --as-of or --quarter, not both",
    ),
    "runtime.bad_today": (
        "环境变量 YWPLAN_TODAY 的值“{value}”不是日期",
        'YWPLAN_TODAY="{value}" is not a date',
    ),
    "runtime.bad_today.hint": (
        "写成 YYYY-MM-DD,或删除这个变量",
        "write it as YYYY-MM-DD, or unset it",
    ),
    "output.more": ("……另有 {count} 条未显示", "… and {count} more"),
    "log.bad_target_ref": ("“{value}”不是目标", '"{value}" is not a target'),
    "log.bad_target_ref.hint": (
        "写成事项序号(26)或 序号.目标id(26.cadre-training)",
        "write an item number (26) or number.id (26.cadre-training)",
    ),
    "log.several_targets": (
        "事项 {item} 有 {count} 个目标,请指明是哪一个",
        "item {item} has {count} targets; say which one",
    ),
    "log.several_targets.hint": ("可选的目标:\n{known}", "its targets:\n{known}"),
    "log.bad_amount": ("数量“{value}”不是数字", 'amount "{value}" is not a number'),
    "log.bad_amount.hint": (
        "写一个数字,如 45、2.5 或 1,000(可带本目标的单位,如 45人次)",
        "write a number, e.g. 45, 2.5 or 1,000 (the target's own unit may follow: 45人次)",
    ),
    "log.bad_date": ("“{value}”不是日期", '"{value}" is not a date'),
    "log.bad_date.hint": (
        "日期写成 YYYY-MM-DD,如 2024-05-10",
        "write dates as YYYY-MM-DD, e.g. 2024-05-10",
    ),
    "log.note_multiline": ("备注不能换行", "a note must be one line"),
    "log.refused": ("这条记录有 {count} 处问题,未记录", "not recorded: {count} problems"),
    "log.recorded": (
        "已记录 {id}:{ref} {amount}({unit},{date})",
        "recorded {id}: {ref} {amount} ({unit}, {date})",
    ),
    "log.reversed": (
        "已撤销 {original}:追加冲销行 {id},{ref} {amount}({unit},{date})",
        "reversed {original}: appended {id}, {ref} {amount} ({unit}, {date})",
    ),
    "log.ledger_has_problems": (
        "注意:台账中有 {count} 处错误,请运行 ywplan check",
        "note: the ledger has {count} error(s); run ywplan check",
    ),
    "undo.no_id": ("请给出要撤销的记录 id", "give the id of the entry to reverse"),
    "undo.unknown_id": ("没有以“{id}”开头的记录", 'no entry id starts with "{id}"'),
    "undo.unknown_id.hint": ("用 ywplan entries 查看记录 id", "see entry ids with ywplan entries"),
    "undo.ambiguous_id": ("有 {count} 条记录以“{id}”开头", '{count} entries start with "{id}"'),
    "undo.ambiguous_id.hint": ("多写几位 id:\n{matches}", "give more of the id:\n{matches}"),
    "undo.no_reason": ("请用 --reason 说明撤销原因", "give the reason with --reason"),
    "status.bad_quarter": ("“{value}”不是季度", '"{value}" is not a quarter'),
    "status.bad_quarter.hint": ("写成 2024Q2", "write it as 2024Q2"),
    "status.bad_as_of": ("“{value}”不是日期", '"{value}" is not a date'),
    "status.bad_as_of.hint": ("写成 YYYY-MM-DD", "write it as YYYY-MM-DD"),
    "status.as_of_outside_year": (
        "{date} 不在计划年度 {year} 内",
        "{date} is outside the plan year {year}",
    ),
    "status.as_of_outside_year.hint": (
        "选 {year} 年内的日期或季度",
        "choose a day or quarter of {year}",
    ),
    "status.nothing": ("没有符合条件的事项", "no items to show"),
    "status.title": ("{plan} · 截至 {as_of}", "{plan} · as of {as_of}"),
    "status.sheet": ("目标进度", "Status"),
    "status.heading": (
        "{plan} · 截至 {as_of}(序时进度 {fraction})",
        "{plan} · as of {as_of} (year elapsed {fraction})",
    ),
    "status.title_unit": (" · {unit}", " · {unit}"),
    "status.mark": ("序时进度", "expected by now"),
    "entries.bad_item": ("计划中没有事项“{value}”", 'the plan has no item "{value}"'),
    "entries.bad_since": ("--since 的“{value}”不是日期", '--since "{value}" is not a date'),
    "entries.bad_until": ("--until 的“{value}”不是日期", '--until "{value}" is not a date'),
    "entries.reversal": ("冲销 {id}", "reverses {id}"),
    "entries.reversed": ("已撤销", "reversed"),
    "entries.sheet": ("台账记录", "Entries"),
    "entries.title": ("台账记录({count} 条)", "Ledger entries ({count})"),
    "col.entry_id": ("id", "id"),
    "col.entry_date": ("日期", "Date"),
    "col.entry_target": ("目标", "Target"),
    "col.entry_amount": ("数量", "Amount"),
    "col.entry_unit": ("单位", "Unit"),
    "col.entry_note": ("备注", "Note"),
    "col.entry_by": ("记录人", "By"),
    "col.entry_mark": ("撤销", "Undo"),
    "check.no_plans": ("这个文件夹里没有计划文件", "no plan files in this folder"),
    "check.failed": (
        "✗ {path}:{errors} 个错误,{warnings} 个警告",
        "✗ {path}: {errors} error(s), {warnings} warning(s)",
    ),
    "check.passed": (
        "✓ {path}:{items} 个事项,{targets} 个目标,台账 {entries} 条,{warnings} 个警告",
        "✓ {path}: {items} items, {targets} targets, {entries} ledger entries, {warnings} warning(s)",
    ),
    "check.bad_rev": ("不是 git 版本:“{rev}”", 'not a git revision: "{rev}"'),
    "check.bad_rev.hint": (
        "--since 后写提交、分支或标签,如 --since HEAD 或 --since origin/main",
        "give --since a commit, branch or tag, e.g. --since HEAD or --since origin/main",
    ),
    "check.unknown_rev": ("没有这个 git 版本:“{rev}”", 'unknown git revision "{rev}"'),
    "check.unknown_rev.hint": (
        "用 git log --oneline 查看提交;CI 中先取得基准分支(git fetch origin main)",
        "list commits with git log --oneline; in CI, fetch the base branch first "
        "(git fetch origin main)",
    ),
    "check.not_git": ("{folder} 不在 git 仓库中", "{folder} is not in a git repository"),
    "check.not_git.hint": (
        "--since 比较 git 中的旧版本;在计划所在的 git 仓库里运行",
        "--since compares with a version in git; run it in the plans' git repository",
    ),
    "check.no_git": ("找不到 git 命令", "the git command is not found"),
    "check.no_git.hint": (
        "--since 需要 git:安装 git 并确认它在 PATH 中",
        "--since needs git: install it and make sure it is on the PATH",
    ),
    "check.git_timeout": ("git 在 {seconds} 秒内没有完成", "git did not finish in {seconds} s"),
    "check.git_timeout.hint": (
        "稍后重试;检查仓库是否在很慢的网络盘上",
        "try again; check whether the repository is on a slow network drive",
    ),
    "check.git_failed": ("无法运行 git:{reason}", "git cannot be run: {reason}"),
    "check.git_failed.hint": (
        "检查 git 的安装和文件夹权限",
        "check the git installation and the folder's permissions",
    ),
    "help.check.since": (
        "另外检查台账自 git 版本 REV 以来只追加、未删改(如 HEAD、origin/main)",
        "also check that each ledger was only appended to since the git revision REV "
        "(e.g. HEAD, origin/main)",
    ),
    "log.bad_thousands": (
        "数量“{value}”中的逗号只能分隔千位(三位一组)",
        'amount "{value}": a comma may only separate thousands, in groups of three digits',
    ),
    "log.bad_thousands.hint": (
        "写成 1500、1,500 或 12,345.5(全角逗号同样);小数用小数点,如 1.5",
        "write 1500, 1,500 or 12,345.5; a decimal takes a point, e.g. 1.5",
    ),
    "log.amount_zero": ("数量不能为 0", "the amount must not be 0"),
    "log.amount_zero.hint": (
        "0 不会增加完成数;有实际完成的数量时再记录",
        "0 adds nothing to the total; log when there is something to count",
    ),
    "log.level_zero": (
        "{ref} 按水平计量,水平不能记为 0",
        "{ref} is measured as a level, and a level of 0 cannot be logged",
    ),
    "log.level_zero.hint": (
        "填写当天测得的实际水平{context};台账中的数量都大于 0",
        "type the level measured on that day{context}; ledger amounts are greater than 0",
    ),
    "log.target_by_number": (
        "“{ref}”:目标用 id 指明,不用序号",
        '"{ref}": targets are named by id, not by number',
    ),
    "log.target_by_number.hint": (
        "事项 {item} 的目标:\n{known}",
        "the targets of item {item}:\n{known}",
    ),
    "log.context": ("({parts})", " ({parts})"),
    "log.context_sep": (";", "; "),
    "log.context_baseline": ("基数 {value}", "baseline {value}"),
    "log.context_last": ("上次 {date} 记录 {value}", "last logged {value} on {date}"),
    "log.source_last": ("上次记录值", "the last logged value"),
    "log.source_baseline": ("基数", "the baseline"),
    "log.doubt_percent": (
        "{ref} 要填当前水平(实际数量),不是增长率:{amount} 像是百分比{context}",
        "{ref} takes the level (the count itself), not the growth: {amount} looks like a percent{context}",
    ),
    "log.doubt_percent.hint": (
        "重新输入水平,如增长 {goal}% 对应 {example};确实是 {amount} 请加 --yes",
        "re-type the level, e.g. {example} for +{goal} %; if {amount} is really right, add --yes",
    ),
    "log.doubt_jump_up": (
        "{amount} 超过{source} {reference} 的 {factor} 倍,不像是 {ref} 的水平",
        "{amount} is more than {factor} × {source} {reference}: unlikely as the level of {ref}",
    ),
    "log.doubt_jump_up.hint": (
        "重新输入水平(多打了一位?);确实是 {amount} 请加 --yes",
        "re-type the level (an extra digit?); if {amount} is really right, add --yes",
    ),
    "log.doubt_jump_down": (
        "{amount} 不到{source} {reference} 的 1/{factor},不像是 {ref} 的水平",
        "{amount} is less than 1/{factor} of {source} {reference}: unlikely as the level of {ref}",
    ),
    "log.doubt_jump_down.hint": (
        "重新输入水平(少打了一位?);确实是 {amount} 请加 --yes",
        "re-type the level (a digit missing?); if {amount} is really right, add --yes",
    ),
    "log.duplicate": (
        "与上一条记录 {id} 完全相同:{ref} {amount}({unit},{date}),备注也相同",
        "the same as the last entry {id}: {ref} {amount} ({unit}, {date}), note and all",
    ),
    "log.duplicate.hint": (
        "没有记录;若确实又完成了一次相同的工作,加 --yes 再记录",
        "nothing recorded; if the same work really happened twice, add --yes",
    ),
    "log.record_anyway": ("仍然记录?", "Record it anyway?"),
    "undo.already_reversed": (
        "记录 {id} 已被冲销行 {reversal} 撤销({when}),这次没有写入任何内容",
        "entry {id} was already reversed by {reversal} ({when}); nothing was written",
    ),
    "undo.already_reversed.hint": (
        "无需再撤销;如要重新计入,用 ywplan log 重新记录",
        "there is nothing more to undo; to count it again, log it anew",
    ),
    "undo.reversed_meanwhile": (
        "记录 {id} 刚刚被另一位同事撤销,这次没有写入任何内容",
        "entry {id} was reversed by someone else just now; nothing was written",
    ),
    "undo.reversed_meanwhile.hint": (
        "用 ywplan entries 查看",
        "see it with ywplan entries",
    ),
    "help.note": (
        '记录一条工作进展,如:ywplan note 4 "出台实施方案初稿"',
        'record a progress note, e.g. ywplan note 4 "drafted the plan"',
    ),
    "help.note.item": ("事项序号,如 4", "the item number, e.g. 4"),
    "help.note.text": ("做了什么(一行)", "what was done (one line)"),
    "help.done": (
        "记录一个节点完成(ywplan done 4.plan-issued),或没有节点的定性事项完成(ywplan done 12)",
        "record a milestone done (ywplan done 4.plan-issued), or a qualitative item without milestones done (ywplan done 12)",
    ),
    "help.done.ref": (
        "节点 4.plan-issued,或事项序号 12",
        "the milestone, 4.plan-issued, or the item number, 12",
    ),
    "help.done.date": ("完成的日期,默认今天", "the day it was done (default: today)"),
    "help.done.note": ("说明(一行),随节点显示", "a one-line note, shown with the milestone"),
    "note.recorded": (
        "已记录 {id}:事项 {item} 工作进展({unit},{date}):{what}",
        "recorded {id}: progress on item {item} ({unit}, {date}): {what}",
    ),
    "done.recorded": (
        "已记录 {id}:{ref} {what} 完成({unit},{date})",
        "recorded {id}: {ref} {what} done ({unit}, {date})",
    ),
    "done.item_recorded": (
        "已记录 {id}:事项 {item} 完成({unit},{date})",
        "recorded {id}: item {item} done ({unit}, {date})",
    ),
    "row.reversed": (
        "已撤销 {original}:追加冲销行 {id},{ref}({unit},{date})",
        "reversed {original}: appended {id}, {ref} ({unit}, {date})",
    ),
    "note.bad_item": ("“{value}”不是事项序号", '"{value}" is not an item number'),
    "note.bad_item.hint": (
        '写事项的序号,如 ywplan note 4 "召开推进会";用 ywplan status 查看事项',
        'give the item\'s number, e.g. ywplan note 4 "held a meeting"; see items with ywplan status',
    ),
    "done.bad_ref": ("“{value}”不是节点或事项", '"{value}" is not a milestone or an item'),
    "done.bad_ref.hint": (
        "写成 事项.节点(如 4.plan-issued),或只写事项序号(如 12)",
        "write ITEM.MILESTONE (e.g. 4.plan-issued), or just the item number (e.g. 12)",
    ),
    "done.already": (
        "{ref} 已于 {date} 记录完成(记录人 {by},录入于 {when},记录 {id})",
        "{ref} was already recorded done on {date} (by {by}, at {when}, entry {id})",
    ),
    "done.already.hint": (
        "不必重复记录;如果那一条记错了,先用 ywplan undo {id} 撤销,再重新记录",
        "nothing to record again; if that entry is wrong, reverse it with ywplan undo {id}, then record it again",
    ),
    "done.meanwhile": (
        "{ref} 刚刚被另一位同事记录完成,这次没有记录",
        "{ref} was just recorded done by another clerk; nothing was recorded",
    ),
    "done.meanwhile.hint": (
        "用 ywplan entries 查看那一条;确实记错了再用 ywplan undo 撤销",
        "see that entry with ywplan entries; if it is wrong, reverse it with ywplan undo",
    ),
    "log.fed_by_child": (
        "“{unit}”的 {ref} 由下级计划汇总({child}),这里再记一次就算了两次,没有记录",
        '{ref} of "{unit}" is fed by a child plan ({child}); logged here it would count twice: nothing was recorded',
    ),
    "log.fed_by_child.hint": (
        "请{unit}在自己的台账中记录;本级自己的工作不填 --unit",
        "let {unit} log it in its own ledger; this office's own work is logged without --unit",
    ),
    "check.tree": (
        "  以及下级 {plans} 份计划,{entries} 条记录",
        "  and {plans} child plan(s) below it, {entries} entries",
    ),
    "status.unit_plan": (
        "{unit} 本级计划:{plan}({path})",
        "{unit}'s own plan: {plan} ({path})",
    ),
    "status.unit_sheet": ("下级计划", "Unit's plan"),
    "help.form": (
        "生成下级单位的月报填报表(xlsx 或 csv):该单位有分解任务的目标、全年任务、截至上月累计,留出数量、日期、备注三栏",
        "write a sub-unit's monthly fill-in form (xlsx or csv): the targets it holds a quota for, the quota, what is done so far, and cells for amount, date and note",
    ),
    "help.form.month": (
        "填报月份,如 2024-09(默认本月)",
        "the month, e.g. 2024-09 (default: this month)",
    ),
    "help.form.all": (
        "列出全部目标,而不只是该单位有分解任务的",
        "list every target, not only those the unit holds a quota for",
    ),
    "help.form.all_units": (
        "每个下级单位一份,写入 -o 指定的文件夹",
        "one form per sub-unit, into the folder -o names",
    ),
    "help.form.output": (
        "输出文件(.xlsx 或 .csv);用 --all-units 时是文件夹",
        "the output file (.xlsx or .csv); a folder with --all-units",
    ),
    "help.intake": (
        "把下级单位填好的报表(xlsx 或 csv)录入台账:逐行按 log 的规则检查,全部无误才一次写入",
        "take filled forms (xlsx or csv) into the ledger: every row checked by the rules of log, all written at once or none",
    ),
    "help.intake.files": ("填好的报表文件", "the filled forms"),
    "help.intake.yes": (
        "数值与上次相差十倍以上也照录(已核实时用)",
        "record levels even when they are ten times off the last one (once checked)",
    ),
    "help.missing": (
        "哪些下级单位还没报送:本月(或本季度)有分解任务却没有记录的目标,以及最近一次报送的日期",
        "who has not reported: per sub-unit, the quota targets with no entry in the month (or quarter), and its last entry's date",
    ),
    "help.missing.month": (
        "统计的月份,如 2024-09(默认本月)",
        "the month, e.g. 2024-09 (default: this month)",
    ),
    "log.amount_other_unit": (
        "数量“{value}”的单位是“{written}”,这个目标按“{unit}”计",
        'amount "{value}" is in "{written}", but the target counts in "{unit}"',
    ),
    "log.amount_other_unit.hint": (
        "只写数字(如 12),或带上目标自己的单位(如 12{unit});确认填在了正确的目标行",
        "write the number alone (e.g. 12), or with the target's own unit (e.g. 12{unit}); check the row is the right target",
    ),
    "form.unit_or_all": (
        "用 --unit 指定一个单位,或用 --all-units",
        "name one unit with --unit, or use --all-units",
    ),
    "form.unit_or_all.hint": (
        "例如 ywplan form --unit 海宁市 --month 2024-09 -o 海宁市-9月.xlsx",
        "e.g. ywplan form --unit 海宁市 --month 2024-09 -o haining-09.xlsx",
    ),
    "form.no_units": ("计划没有设下级单位(units)", "the plan declares no sub-units (units)"),
    "form.no_units.hint": (
        "在计划中加上 units: [...],并为目标设 by_unit 分解任务",
        "add units: [...] to the plan, and by_unit quotas to its targets",
    ),
    "form.no_quotas": (
        "{unit} 没有分解任务,报表是空的",
        "{unit} holds no quota: the form would be empty",
    ),
    "form.no_quotas.hint": (
        "用 --all 列出全部目标,或在计划中为 {unit} 设 by_unit 分解任务",
        "use --all to list every target, or give {unit} by_unit quotas in the plan",
    ),
    "form.bad_extension": (
        "“{path}”不是 .xlsx 或 .csv 文件",
        '"{path}" is not an .xlsx or .csv file',
    ),
    "form.bad_extension.hint": (
        "文件名以 .xlsx 或 .csv 结尾,或用 --format xlsx|csv",
        "end the name with .xlsx or .csv, or use --format xlsx|csv",
    ),
    "form.all_needs_folder": (
        "--all-units 需要用 -o 指定一个文件夹",
        "--all-units needs a folder named with -o",
    ),
    "form.all_needs_folder.hint": (
        "例如 ywplan form --all-units --month 2024-09 -o 报表/",
        "e.g. ywplan form --all-units --month 2024-09 -o forms/",
    ),
    "intake.refused": (
        "有 {count} 处问题,什么都没有录入",
        "{count} problem(s); nothing was taken in",
    ),
    "intake.refused.hint": (
        "按上面列出的单元格逐一改正(或请报送单位改正)后重新录入;已经无误的行不会重复录入",
        "correct each cell listed above (or ask the unit to), then take the files in again",
    ),
    "intake.done": (
        "已从 {files} 个文件录入 {count} 条记录(其中工作进展 {notes} 条)到 {path}",
        "took {count} entries ({notes} progress note(s)) from {files} file(s) into {path}",
    ),
    "intake.skipped": (
        "另有 {count} 行此前已经录入过,没有重复录入",
        "{count} more row(s) were taken in before and were not added again",
    ),
    "intake.nothing_new": (
        "这些文件的 {count} 行都已录入过,这次没有新增记录",
        "all {count} row(s) of these files were taken in before; nothing was added",
    ),
    "intake.no_rows": (
        "{files} 个文件里没有填写任何数量或备注,没有录入",
        "the {files} file(s) hold no amount and no note; nothing was taken in",
    ),
    "intake.meanwhile": (
        "这份报表刚刚被另一次录入写进了台账,这次没有录入",
        "this form was just taken in by another run; nothing was added",
    ),
    "intake.meanwhile.hint": (
        "用 ywplan entries 查看;不需要再录入",
        "see it with ywplan entries; there is nothing more to do",
    ),
    "intake.empty": ("文件里没有内容", "the file holds nothing"),
    "intake.empty.hint": ("确认发来的是填好的报表", "check that this is the filled form"),
    "intake.extra_sheet": (
        "多出一个有内容的工作表“{sheet}”",
        'an extra sheet "{sheet}" holds data',
    ),
    "intake.extra_sheet.hint": (
        "报表只能有一个工作表:把这些行移到第一个工作表的表格里,或删除这个工作表",
        "a form has one sheet: move these rows into the first sheet's table, or delete this sheet",
    ),
    "intake.no_header": ("找不到表头行", "no header row found"),
    "intake.no_header.hint": (
        "第一个工作表要有一行表头,写明 目标(或 指标)和 数量(或 数值),可另有 日期、单位、备注;英文 target、amount、date、unit、note 也可",
        "the first sheet needs a header row naming target and amount, and optionally date, unit and note (目标, 数量, 日期, 单位, 备注 also work)",
    ),
    "intake.other_plan": (
        "这份报表是为“{plan}”{year} 年({file})生成的,不是“{ours}”{our_year} 年的",
        'this form was written for "{plan}" {year} ({file}), not for "{ours}" {our_year}',
    ),
    "intake.other_plan.hint": (
        "用 --plan 选对计划,或为本计划重新生成报表:ywplan form",
        "pick the right plan with --plan, or write this plan's forms with ywplan form",
    ),
    "intake.form_unit": (
        "报表的单位“{unit}”不是计划中的下级单位",
        "the form's unit \"{unit}\" is not one of the plan's sub-units",
    ),
    "intake.form_unit.hint": (
        "用 ywplan form 为现有单位重新生成报表",
        "write the unit's form again with ywplan form",
    ),
    "intake.merged": ("表格中有合并单元格 {range}", "merged cells {range} in the table"),
    "intake.merged.hint": (
        "取消合并(开始 → 合并居中 → 取消合并单元格),每个格子各填各的值",
        "unmerge them (Home → Merge → Unmerge Cells) and give each cell its own value",
    ),
    "intake.other_unit": (
        "单位“{unit}”不是这份报表的单位({form})",
        'unit "{unit}" is not this form\'s unit ({form})',
    ),
    "intake.other_unit.hint": (
        "每个单位只填自己的报表;其他单位的数请用它们自己的报表报送",
        "each unit fills its own form; another unit's figures go on that unit's form",
    ),
    "intake.formula_no_value": (
        "数量是公式,但文件里没有保存计算结果",
        "the amount is a formula and the file holds no computed value for it",
    ),
    "intake.formula_no_value.hint": (
        "在 Excel 或 WPS 中打开并保存一次(会存下计算结果),或直接填数字",
        "open and save the file once in Excel or WPS (which stores the result), or type the number",
    ),
    "intake.date_only": ("填了日期,却没有数量或备注", "a date, but no amount and no note"),
    "intake.date_only.hint": (
        "补上数量(或只有进展时补上备注),或清空日期",
        "add the amount (or, for progress without a number, a note), or clear the date",
    ),
    "intake.bad_date": ("“{value}”不是日期", '"{value}" is not a date'),
    "intake.bad_date.hint": (
        "写成 2024-09-05、2024/9/5 或 9月5日",
        "write it as 2024-09-05, 2024/9/5 or 9月5日",
    ),
    "intake.no_target": ("这一行没有写目标", "the row names no target"),
    "intake.no_target.hint": (
        "填上目标编号(如 26.cadre-training)或目标名称",
        "give the target's id (e.g. 26.cadre-training) or its name",
    ),
    "intake.ambiguous_name": (
        "有几个目标都叫“{name}”:{refs}",
        'several targets are called "{name}": {refs}',
    ),
    "intake.ambiguous_name.hint": (
        "改填目标编号,如 {refs}",
        "give the target's id instead, one of {refs}",
    ),
    "intake.unknown_name": ("计划中没有叫“{name}”的目标", 'the plan has no target called "{name}"'),
    "intake.unknown_name.hint": (
        "{suggest}用 ywplan status 查看目标名称,或改填目标编号",
        "{suggest}see the targets' names with ywplan status, or give the target's id",
    ),
    # --- report, units, html, xlsx (issue 3) ----------------------------------------------
    "help.report": (
        "打印季报或月报:各目标本期完成、累计、完成率、序时进度和状态,再按下级单位列表",
        "print the quarterly (or monthly) report: per target this period's amount, the cumulative, percent, 序时进度 and state, then the sub-units",
    ),
    "help.report.quarter": (
        "季度,如 2024Q3(默认本季度)",
        "the quarter, e.g. 2024Q3 (default: the current one)",
    ),
    "help.report.month": ("改出月报,如 2024-05", "give the monthly report instead, e.g. 2024-05"),
    "help.report.format": (
        "输出格式(默认:终端里显示彩色表格,否则 txt;-o 时按文件扩展名)",
        "output format (default: a coloured table on a terminal, else txt; with -o, from the file's extension)",
    ),
    "help.units": (
        "各下级单位分解指标完成情况排名。单位完成率 = 各项分解指标完成率(单项封顶 100%)的平均值",
        "rank the sub-units by their by_unit quotas. A unit's percent = the mean of its quota completions, each capped at 100 %",
    ),
    "report.bad_month": ("“{value}”不是月份", '"{value}" is not a month'),
    "report.bad_month.hint": ("写成 2024-05", "write it as 2024-05"),
    "report.outside_year": (
        "{period} 不在计划年度 {year} 内",
        "{period} is outside the plan year {year}",
    ),
    "report.outside_year.hint": (
        "选 {year} 年内的季度或月份",
        "choose a quarter or month of {year}",
    ),
    "usage.quarter_and_month": (
        "--quarter 和 --month 只能用一个",
        "use --quarter or --month, not both",
    ),
    "usage.binary_stdout": (
        "{format} 是二进制格式,不能输出到屏幕",
        "{format} is a binary format and cannot be written to the terminal",
    ),
    "usage.binary_stdout.hint": (
        "用 -o 指定文件,如 -o 季报.xlsx",
        "name a file with -o, e.g. -o report.xlsx",
    ),
    "report.write_failed": ("无法写入 {path}:{reason}", "cannot write {path}: {reason}"),
    "report.write_failed.hint": (
        "检查文件夹是否存在、是否有写权限,文件是否正被 Excel/WPS 打开",
        "check that the folder exists and is writable, and that Excel/WPS does not hold the file open",
    ),
    "report.written": ("已写入 {path}", "written to {path}"),
    "report.protected": (
        "不能把输出写到 {path}:这是计划或台账文件,会被覆盖",
        "will not write the output to {path}: it is a plan or a ledger and would be replaced",
    ),
    "report.protected.hint": (
        "换一个输出文件名,如 -o 季报.xlsx",
        "choose another output file, e.g. -o report.xlsx",
    ),
    "report.title_quarter": (
        "{org}{period}工作要点推进情况",
        "{org}: work plan progress, {period}",
    ),
    "report.title_month": ("{org}{period}工作要点推进情况", "{org}: work plan progress, {period}"),
    "report.quarter_name": ("{year}年第{q}季度", "{year} Q{q}"),
    "report.month_name": ("{year}年{name}", "{name} {year}"),
    "report.period_quarter": ("本季", "the quarter"),
    "report.period_month": ("本月", "the month"),
    "report.line_org": ("单位:{org}", "Organisation: {org}"),
    "report.line_plan": ("计划:{plan}", "Plan: {plan}"),
    "report.line_period": ("统计期间:{first} 至 {last}", "Period: {first} to {last}"),
    "report.line_as_of": (
        "截至:{as_of}(序时进度 {fraction})",
        "As of: {as_of} (year elapsed {fraction})",
    ),
    "report.section_targets": ("重点指标完成情况", "Key targets"),
    "report.section_ranking": ("各单位完成情况排名", "Sub-units ranked"),
    "report.section_quotas": ("各单位分解指标完成情况", "Sub-unit quotas"),
    "report.sheet_targets": ("量化目标", "Targets"),
    "report.sheet_ranking": ("单位排名", "Ranking"),
    "report.sheet_quotas": ("分解指标", "Quotas"),
    "report.note_main": (
        "完成率 = 累计完成 ÷ 目标值;序时进度 = 截至期末按时间进度应完成的量;较序时 = 累计完成 − 序时进度",
        "Done % = to date ÷ goal; expected = what the time elapsed calls for at the period's end; vs expected = to date − expected",
    ),
    "report.note_growth": (
        "增长目标的完成、序时进度均为较基数的增长率(%),本期完成为增长的百分点",
        "Growth targets are measured as percent growth over the baseline; their period amount is in percentage points",
    ),
    "report.note_level": (
        "水平值目标(如覆盖率)以最新填报值为累计,{period}完成为期内的变化量",
        "Level targets (e.g. a coverage rate) count their latest value; the amount for {period} is its change within it",
    ),
    "report.chart_legend": (
        "条形为完成率,竖线为序时进度",
        "bars show completion; the mark shows 序时进度 (expected)",
    ),
    "html.bar_label": ("完成率 {percent}", "done {percent}"),
    "col.quarter_amount": ("本季完成", "This quarter"),
    "col.month_amount": ("本月完成", "This month"),
    "col.cumulative": ("累计完成", "To date"),
    "col.latest_note": ("最新进展", "Latest note"),
    "col.rank": ("名次", "Rank"),
    "col.subunit": ("下级单位", "Sub-unit"),
    "col.unit_percent": ("单位完成率", "Unit %"),
    "col.quotas": ("分解指标数", "Quotas"),
    "col.quotas_done": ("已完成", "Done"),
    "col.quotas_behind": ("滞后/未启动", "Behind"),
    "col.quota": ("分解指标", "Quota"),
    "col.unit_amount": ("本单位完成", "This unit"),
    "col.total_amount": ("合计", "All entries"),
    "col.share": ("占比", "Share"),
    "units.title": ("{plan} · 各单位完成情况", "{plan} · sub-units"),
    "units.as_of": (
        "截至:{as_of}(序时进度 {fraction})",
        "As of: {as_of} (year elapsed {fraction})",
    ),
    "units.section_shares": ("各单位在未分解目标中的占比", "Shares of targets without quotas"),
    "units.sheet_shares": ("占比", "Shares"),
    "units.note_percent": (
        "单位完成率 = 各项分解指标完成率(单项超过 100% 按 100% 计)的平均值;同分者名次相同,按计划中 units 的顺序排列",
        "Unit % = the mean of the unit's quota completions, each capped at 100 %; equal percents share a rank, in the plan's units order",
    ),
    "units.note_share": (
        "占比 = 本单位完成 ÷ 全部记录合计(含未注明单位的记录),仅供参考,不计入单位完成率",
        "Share = the unit's amount ÷ all entries' amount (including entries of no sub-unit); for information, not part of the unit's percent",
    ),
    "units.none": (
        "计划没有设下级单位(units),无从排名",
        "the plan declares no sub-units (units) to rank",
    ),
    "units.none.hint": (
        "在计划中加上 units: [...],并为目标设 by_unit 分解指标",
        "add units: [...] to the plan, and by_unit quotas to its targets",
    ),
    "office.whole_province": ("全省", "whole province"),
    "office.whole_region": ("全区", "whole region"),
    "office.whole_city": ("全市", "whole city"),
    "office.whole_prefecture": ("全州", "whole prefecture"),
    "office.whole_league": ("全盟", "whole league"),
    "office.whole_county": ("全县", "whole county"),
    "office.whole_banner": ("全旗", "whole banner"),
    "office.whole_district": ("全区", "whole district"),
    "office.whole_subdistrict": ("全街道", "whole subdistrict"),
    "office.whole_town": ("全镇", "whole town"),
    "office.whole_township": ("全乡", "whole township"),
    "office.own_level": ("本级", "(office level)"),
    "help.opt.force": (
        "替换已存在、但不是 ywplan 写出的输出文件(计划和台账永远不会被替换)",
        "replace an existing output file that ywplan did not write (a plan or a ledger never is)",
    ),
    "report.not_ours": (
        "{path} 已存在,且不是 ywplan 写出的 {format} 文件,没有改动它",
        "{path} exists and is not a {format} file ywplan wrote; it was left as it is",
    ),
    "report.not_ours.hint": (
        "确要替换它就加 --force,否则换一个文件名",
        "add --force to replace it, or choose another file name",
    ),
    "write.is_dir": (
        "{path} 是文件夹,不能写成文件",
        "{path} is a folder; a file cannot be written in its place",
    ),
    "write.is_dir.hint": (
        "给出文件名,如 -o 报表/季报.html",
        "name a file, e.g. -o reports/report.html",
    ),
    "write.dangling_link": (
        "{path} 是指向 {target} 的链接,但那里没有文件",
        "{path} is a link to {target}, which does not exist",
    ),
    "write.dangling_link.hint": (
        "删除或修正这个链接,或换一个文件名",
        "remove or repair the link, or choose another file name",
    ),
    "write.no_reader": (
        "{path} 是命名管道,但没有程序在读取它,没有写入",
        "{path} is a named pipe and no program is reading it; nothing was written",
    ),
    "write.no_reader.hint": (
        "先启动读取它的程序,或写到普通文件",
        "start the program that reads it first, or write to a regular file",
    ),
    "write.special": (
        "{path} 不是普通文件(是块设备或套接字),没有写入",
        "{path} is not a regular file (a block device or a socket); nothing was written",
    ),
    "write.special.hint": ("换一个普通文件的名字", "choose the name of a regular file"),
    "help.status.flag": (
        "只看该督办颜色的事项:red 红、yellow 黄、blue 蓝、green 绿",
        "only the items of this 督办 flag: red, yellow, blue or green",
    ),
    "help.status.lead": (
        "只看该部门牵头或配合的事项",
        "only the items this department leads (牵头) or helps with (配合)",
    ),
    "usage.bad_flag": ("没有“{value}”这种督办颜色", 'unknown flag colour "{value}"'),
    "usage.bad_flag.hint": (
        "可用的颜色:{choices}(也可写 红、黄、蓝、绿)",
        "the colours are: {choices}",
    ),
    "status.unknown_lead": (
        "“{name}”没有牵头或配合计划中的事项",
        '"{name}" leads or helps with no item of the plan',
    ),
    "status.unknown_lead.hint": (
        "{suggest}可用的部门:{names}",
        "{suggest}the departments are: {names}",
    ),
    "status.no_departments": (
        "计划没有写明牵头或配合部门,--lead {name} 无从筛选",
        "the plan names no lead or partner departments, so --lead {name} keeps nothing",
    ),
    "status.no_departments.hint": (
        "在计划的事项中写上 lead: 和 partners:",
        "give items lead: and partners: in the plan",
    ),
    "status.flags": ("督办:{counts}", "flags: {counts}"),
    "status.due": ("{due} 到期", "due {due}"),
    "status.milestone_due": ("{name}({due} 到期)", "{name} (due {due})"),
    "status.latest_note": ("进展 {date}:{text}", "note {date}: {text}"),
    "col.flag": ("督办", "Flag"),
    "col.lead": ("牵头", "Lead"),
    "col.partners": ("配合", "Partners"),
    "col.next_milestone": ("下一节点", "Next milestone"),
    "col.due": ("到期", "Due"),
    "report.section_progress": ("工作进展", "Progress"),
    "report.section_problems": ("存在问题", "Problems"),
    "report.sheet_progress": ("工作进展", "Progress"),
    "report.sheet_problems": ("存在问题", "Problems"),
    "col.date": ("日期", "Date"),
    "col.progress": ("工作进展", "Progress"),
    "col.problem": ("问题", "Problem"),
    "report.no_progress": ("{period}无进展记录", "nothing recorded in {period}"),
    "report.no_problems": (
        "没有亮红灯、黄灯或蓝灯的事项",
        "no item is flagged red, yellow or blue",
    ),
    "report.milestone_done": ("完成节点:{name}", "milestone done: {name}"),
    "report.milestone_done_note": ("完成节点:{name}({note})", "milestone done: {name} ({note})"),
    "report.problem_overdue": (
        "节点逾期:{name}(应于 {due} 完成)",
        "milestone overdue: {name} (due {due})",
    ),
    "report.problem_due_soon": (
        "节点临期:{name}({due} 到期)",
        "milestone due soon: {name} (due {due})",
    ),
    "report.problem_target": (
        "{name}{state}:完成 {actual} {unit},序时进度 {expected} {unit}",
        "{name} {state}: {actual} {unit} done, {expected} {unit} expected by now",
    ),
    "report.problem_breached": (
        "{name}{state}:完成 {actual} {unit},上限 {goal} {unit}",
        "{name} {state}: {actual} {unit}, over the limit of {goal} {unit}",
    ),
    "report.problem_not_started": (
        "尚未启动,没有任何进展记录",
        "not started: nothing recorded yet",
    ),
    "col.score": ("得分", "Score"),
    "col.grade": ("等次", "Grade"),
    "grade.fail": ("不合格", "fail"),
    "units.bands": ("{bands},其余为{fail}", "{bands}; below them: {fail}"),
    "units.note_grading": (
        "得分 = 各项分解指标完成率(单项超过 100% 按 100% 计)按 grading 权重的加权平均,名次按得分排列;等次:{bands}",
        "Score = the weighted mean of the quota completions (each capped at 100 %), weights from grading; ranked by score; grades: {bands}",
    ),
    "help.history": (
        "某项目标逐月的完成、累计、序时进度与差距,终端中画出累计与序时进度的走势",
        "a target month by month: amount, cumulative, 序时进度 and gap, charted in a terminal",
    ),
    "help.history.target": (
        "目标:事项序号(该事项只有一个目标时),或 序号.目标id,如 26.cadre-training",
        "the target: an item number (when it has one target) or ITEM.ID, e.g. 26.cadre-training",
    ),
    "history.title": ("{ref} {name} · 逐月进度", "{ref} {name} · month by month"),
    "history.table": ("逐月完成情况", "Month by month"),
    "history.sheet": ("逐月进度", "History"),
    "history.line_target": ("事项:{title};目标:{goal}", "Item: {title}; target: {goal}"),
    "history.line_unit": ("下级单位:{unit}", "Sub-unit: {unit}"),
    "history.line_as_of": ("截至:{as_of}", "As of: {as_of}"),
    "history.note": (
        "累计完成与序时进度均为月末数(本月截至统计日);较序时 = 累计完成 − 序时进度",
        "to date and expected at each month's end (this month: at the as-of date); "
        "gap = to date − expected",
    ),
    "col.month": ("月份", "Month"),
    "chart.label": ("{title}:累计完成与序时进度", "{title}: to date against expected"),
    "report.headline_items": ("全年工作 {count} 项:{states}", "{count} items: {states}"),
    "report.headline_targets": ("量化目标 {count} 个:{states}", "{count} targets: {states}"),
    "col.previous_percent": ("上期完成率", "Previous %"),
    "col.change": ("较上期", "Change"),
    "report.note_previous_quarter": (
        "上期完成率 = 上季度末的完成率;较上期 = 完成率 − 上期完成率(百分点);第一季度无上期",
        "previous % = done % at the previous quarter's end; change = done % − previous % "
        "(points); the first quarter has none",
    ),
    "report.note_previous_month": (
        "上期完成率 = 上月末的完成率;较上期 = 完成率 − 上期完成率(百分点);1 月无上期",
        "previous % = done % at the previous month's end; change = done % − previous % "
        "(points); January has none",
    ),
    "html.charts": ("附:各项目标全年走势", "Appendix: each target's year"),
    "docx.section_overview": ("总体情况", "Overview"),
    "docx.lead": ("（牵头：{lead}）", " (lead: {lead})"),
    "docx.item_head": ("{item}. {title}{lead}", "{item}. {title}{lead}"),
    "docx.item_state": ("：{state}，{flag}。", ": {state}, {flag}."),
    "docx.next_milestone": (
        "下一节点：{name}（{due} 到期）。",
        "Next milestone: {name} (due {due}).",
    ),
    "docx.event": ("{where}：{text}", "{where}: {text}"),
    "docx.problem_head": ("{item}. {title}（{flag}）：", "{item}. {title} ({flag}): "),
    "form.title": (
        "{org} {year}年{month}月 月报进度表",
        "{org} · monthly progress form {year}-{month}",
    ),
    "form.sheet": ("月报", "Form"),
    "form.label_unit": ("填报单位", "Reporting unit"),
    "form.label_month": ("月份", "Month"),
    "form.label_so_far": ("累计截至", "Done so far as of"),
    "form.col.item": ("序号", "Item"),
    "form.col.ref": ("目标编号", "Target id"),
    "form.col.name": ("目标名称", "Target name"),
    "form.col.measure": ("计量单位", "Counted in"),
    "form.col.quota": ("全年任务", "Annual quota"),
    "form.col.so_far": ("截至上月累计", "Done so far"),
    "form.col.how": ("填报口径", "What to enter"),
    "form.col.amount": ("本月数量", "Amount this month"),
    "form.col.date": ("完成日期", "Date"),
    "form.col.note": ("备注", "Note"),
    "form.how_sum": ("本月新增数量({unit})", "added this month ({unit})"),
    "form.how_level": ("最新测得的数值", "the latest value measured"),
    "form.instructions": ("填表说明:", "How to fill in this form:"),
    "form.howto_amount": (
        "1. 只填黄色底的“本月数量”“完成日期”“备注”三栏,其他栏已锁定。本月数量只填数字(如 12);填报口径为“最新测得的数值”的目标(覆盖率等)填最新一次的数值。",
        '1. Fill in only the yellow cells: amount, date and note; the rest is locked. The amount is a plain number (e.g. 12); where the column says "the latest value measured" (a coverage rate…), give the latest value.',
    ),
    "form.howto_date": (
        "2. 完成日期填工作完成的那一天(如 {last}),须在 {year} 年内;不填则按本月最后一天计。",
        "2. The date is the day the work was done (e.g. {last}), within {year}; left empty, it is the month's last day.",
    ),
    "form.howto_note": (
        "3. 备注写一句话说明;只有工作进展、没有数量的,数量空着、只写备注。",
        "3. The note is one sentence; for progress without a number, leave the amount empty and write the note only.",
    ),
    "form.howto_blank": (
        "4. 本月没有进展的目标整行留空(或填 0)。请勿合并单元格、增加工作表或改动表头。",
        "4. Leave a target's row empty (or 0) when nothing happened this month. Do not merge cells, add sheets or change the headings.",
    ),
    "form.howto_send": (
        "5. 保存后把原文件发回即可(保持 xlsx 格式)。",
        "5. Save and send the file back as it is (keep the xlsx format).",
    ),
    "form.howto_amount_csv": (
        "1. 只填最后三栏:“本月数量”“完成日期”“备注”,其他栏不要改动。本月数量只填数字(如 12);填报口径为“最新测得的数值”的目标(覆盖率等)填最新一次的数值。",
        '1. Fill in only the last three columns: amount, date and note; change nothing else. The amount is a plain number (e.g. 12); where the column says "the latest value measured" (a coverage rate…), give the latest value.',
    ),
    "form.howto_send_csv": (
        "5. 保存(仍为 CSV 格式)后把原文件发回即可。",
        "5. Save (as CSV still) and send the file back as it is.",
    ),
    "form.invalid_title": ("填写有误", "Not accepted"),
    "form.invalid_amount": (
        "请填写不小于 0 的数字,不带单位",
        "type a number of at least 0, without the unit",
    ),
    "form.invalid_level": ("请填写数字,不带单位", "type a number, without the unit"),
    "form.invalid_date": (
        "请填写 {year} 年内的日期,如 {year}-09-05",
        "type a date within {year}, e.g. {year}-09-05",
    ),
    "missing.title": ("{plan} · {period} 报送情况", "{plan} · reporting for {period}"),
    "missing.sheet": ("报送情况", "Reporting"),
    "missing.period": ("统计期间:{first} 至 {last}", "Period: {first} to {last}"),
    "missing.summary": (
        "{count} 个单位尚有目标未报送:{units}",
        "{count} sub-unit(s) have not reported on every target: {units}",
    ),
    "missing.all_in": ("各单位均已报送", "every sub-unit has reported"),
    "missing.col.count": ("未报目标数", "Not reported"),
    "missing.col.targets": ("未报送的目标", "Targets without an entry"),
    "missing.col.last": ("最近一次报送", "Last entry"),
    "missing.none": ("已全部报送", "all reported"),
    "missing.never": ("从未报送", "never"),
    "missing.note": (
        "只计有分解任务的目标;只写备注的工作进展不算对目标的报送",
        "only targets with a quota count; a progress note is no entry on a target",
    ),
    # --- import (issue 4) ----------------------------------------------------------------
    "import.not_found": ("找不到文件 {path}", "file not found: {path}"),
    "import.not_found.hint": (
        "检查文件名和路径;从标准输入读取请用 -",
        "check the name and the path; use - to read standard input",
    ),
    "import.not_a_file": (
        "{path} 不是普通文件(而是文件夹、管道或设备)",
        "{path} is not a regular file (it is a folder, a pipe or a device)",
    ),
    "import.not_a_file.hint": (
        "给出 .txt 或 .docx 文件的路径",
        "give the path of a .txt or .docx file",
    ),
    "import.unreadable": ("无法读取 {path}:{reason}", "cannot read {path}: {reason}"),
    "import.unreadable.hint": (
        "检查文件的读取权限,或它是否正被其他程序占用",
        "check the file's permissions, or whether another program holds it",
    ),
    "import.legacy_doc": (
        "{path} 是旧版 Word/WPS 格式(.doc/.wps),无法读取",
        "{path} is in the old Word/WPS format (.doc/.wps), which cannot be read",
    ),
    "import.legacy_doc.hint": (
        "在 Word 或 WPS 中“另存为” .docx 或纯文本 .txt,再导入那个文件",
        "in Word or WPS, save it as .docx or as plain text (.txt), then import that",
    ),
    "import.unsupported": (
        "{path} 不是文本文件(.txt)或 Word 文档(.docx)",
        "{path} is neither a text file (.txt) nor a Word document (.docx)",
    ),
    "import.unsupported.hint": (
        "PDF、图片等请把文字复制到 .txt 文件,或另存为 .docx",
        "for a PDF or an image, copy the text into a .txt file, or save it as .docx",
    ),
    "import.bad_docx": (
        "{path} 不是有效的 Word 文档(.docx)",
        "{path} is not a valid Word document (.docx)",
    ),
    "import.bad_docx.hint": (
        "用 Word 或 WPS 打开后重新保存为 .docx,或另存为 .txt",
        "open it in Word or WPS and save it again as .docx, or save it as .txt",
    ),
    "import.undecodable": (
        "无法识别 {path} 的文字编码",
        "cannot tell the text encoding of {path}",
    ),
    "import.undecodable.hint": (
        "另存为 UTF-8 编码的 .txt(记事本:另存为 → 编码选 UTF-8)",
        "save it as a UTF-8 .txt (Notepad: Save As → Encoding: UTF-8)",
    ),
    "import.no_items": ("{path} 中没有找到编号条目", "no numbered items found in {path}"),
    "import.no_items.hint": (
        "每个条目应单独成段,以序号开头:“1.”“2.”……",
        "each item must be a paragraph of its own, starting with its number: 1. 2. …",
    ),
    "import.exists": ("{path} 已存在,未覆盖", "{path} already exists; it was not overwritten"),
    "import.exists.hint": (
        "换一个文件名,或加 --force 覆盖它",
        "choose another name, or add --force to overwrite it",
    ),
    "import.unwritable": ("无法写入 {path}:{reason}", "cannot write {path}: {reason}"),
    "import.unwritable.hint": (
        "检查目录是否存在、是否有写入权限",
        "check that the folder exists and that you may write to it",
    ),
    "import.done": (
        "已写入草稿 {path}:{items} 个条目,{targets} 个目标,{todos} 处待填写(TODO)",
        "draft written to {path}: {items} items, {targets} targets, {todos} to fill in (TODO)",
    ),
    "import.doubtful": (
        "其中 {count} 个目标标有“# 待确认”,请逐一核对或删除",
        "{count} of them are marked “# 待确认” (doubtful): confirm or delete each",
    ),
    "import.next": (
        "逐条核对后运行:ywplan check {path}",
        "review it, then run: ywplan check {path}",
    ),
    "help.import": (
        "从工作要点原文(.txt 或 .docx)生成计划 YAML 草稿",
        "draft a plan YAML from the official text of a work plan (.txt or .docx)",
    ),
    "help.import.file": (
        "工作要点文件(.txt 或 .docx);- 表示从标准输入读取",
        "the work plan document (.txt or .docx); - reads standard input",
    ),
    "help.import.output": (
        "写入这个文件(默认输出到标准输出)",
        "write the draft to this file (default: standard output)",
    ),
    "help.import.org": (
        "团组织名称(默认取自原文标题)",
        "the organisation (default: from the text's title line)",
    ),
    "help.import.year": (
        "计划年份(默认取自原文标题)",
        "the plan year (default: from the text's title line)",
    ),
    "help.import.force": ("覆盖已存在的输出文件", "overwrite the output file if it exists"),
    "import.text_too_large": (
        "{path} 太大,不像计划正文(超过 {limit})",
        "{path} is too large for a plan's text (more than {limit})",
    ),
    "import.text_too_large.hint": (
        "一年的工作要点正文通常只有 10–200 KB:检查是否选错了文件,或只保留计划正文",
        "a year's work plan is 10–200 KB of text: check that this is the right file,"
        " or keep only the plan's text",
    ),
    "import.docx_too_large": (
        "{path} 太大,超过 Word 文档的上限(超过 {limit})",
        "{path} is too large for a Word document (more than {limit})",
    ),
    "import.docx_too_large.hint": (
        "工作要点的 .docx 一般为 1–10 MB:删去大图片后重新保存,或另存为 .txt",
        "a work plan's .docx is 1–10 MB: remove large pictures and save it again,"
        " or save it as .txt",
    ),
    "import.docx_unpacked_too_large": (
        "{path} 解压后达 {size},超过 Word 文档的上限 {limit},未读取",
        "{path} would unpack to {size}, more than the {limit} a Word document may hold:"
        " it was not read",
    ),
    "import.docx_unpacked_too_large.hint": (
        "工作要点的 .docx 一般为 1–10 MB:删去大图片后重新保存,或另存为 .txt",
        "a work plan's .docx is 1–10 MB: remove large pictures and save it again,"
        " or save it as .txt",
    ),
    "import.docx_bomb": (
        "{path}:其中的部件 {member} 解压后达 {size},是压缩后的 {ratio} 倍;疑似压缩炸弹,未读取",
        "{path}: its part {member} would unpack to {size}, {ratio} times its packed size:"
        " a zip bomb, not read",
    ),
    "import.docx_bomb.hint": (
        "Word 和 WPS 保存的文档不会是这样:用 Word 或 WPS 打开后重新保存,或另存为 .txt",
        "no document saved by Word or WPS is like this: open it in Word or WPS and save it"
        " again, or save it as .txt",
    ),
    "import.docx_too_many_parts": (
        "{path} 含有超过 {limit} 个部件,远多于 Word 文档应有的数量,未读取",
        "{path} holds more than {limit} parts, far more than a Word document has: it was not read",
    ),
    "import.docx_too_many_parts.hint": (
        "Word 和 WPS 保存的文档不会是这样:用 Word 或 WPS 打开后重新保存,或另存为 .txt",
        "no document saved by Word or WPS is like this: open it in Word or WPS and save it"
        " again, or save it as .txt",
    ),
    "import.no_stdin": (
        "标准输入已关闭,没有可读的内容",
        "standard input is closed: there is nothing to read",
    ),
    "import.no_stdin.hint": (
        "用管道或重定向送入文字(ywplan import - < 要点.txt),或给出文件路径",
        "pipe or redirect the text in (ywplan import - < plan.txt), or give the file's path",
    ),
    "import.docx_text_too_large": (
        "{path} 的文字超过 {limit} 个字符,不像一份计划",
        "the text of {path} is longer than {limit} characters, too long for a plan",
    ),
    "import.docx_text_too_large.hint": (
        "一年的工作要点正文通常只有 10–200 KB:检查是否选错了文件,或只保留计划正文",
        "a year's work plan is 10–200 KB of text: check that this is the right file,"
        " or keep only the plan's text",
    ),
    # --- reliability: locking, encodings, limits (issue 5) ---------------------------------
    "lock.bad_timeout": (
        "环境变量 YWPLAN_LOCK_TIMEOUT 的值“{value}”不是 0 到 3600 之间的秒数",
        'YWPLAN_LOCK_TIMEOUT="{value}" is not a number of seconds from 0 to 3600',
    ),
    "lock.bad_timeout.hint": (
        "写成秒数,如 YWPLAN_LOCK_TIMEOUT=60,或删除这个变量(默认 15 秒)",
        "write a number of seconds, e.g. YWPLAN_LOCK_TIMEOUT=60, or unset it (default 15)",
    ),
    "lock.not_utf8": (
        "台账 {path} 不是 UTF-8 编码,为免两种编码混在一个文件里,没有追加记录",
        "ledger {path} is not UTF-8; nothing was appended, so as not to mix two encodings",
    ),
    "lock.not_utf8.hint": (
        "先转换为 UTF-8:在 Excel/WPS 中“另存为 → CSV UTF-8(逗号分隔)”,或运行 iconv -f GB18030 -t UTF-8 {path} > 新文件,核对后替换原文件",
        'convert it to UTF-8 first: in Excel/WPS "Save as → CSV UTF-8 (comma delimited)", or run iconv -f GB18030 -t UTF-8 {path} > new.csv, check it, and replace the file',
    ),
    "lock.too_large": (
        "台账 {path} 太大({size} 字节,上限 {limit} 字节),没有追加记录",
        "ledger {path} is too large ({size} bytes, the limit is {limit}); nothing was appended",
    ),
    "lock.too_large.hint": (
        "检查是否选错了文件;一年的台账通常不到 20 MB",
        "check that this is the right file; a year's ledger is usually under 20 MB",
    ),
    "ledger.conflict_marker": (
        "这一行是 git 冲突标记,合并没有完成",
        "this line is a git conflict marker: a merge was left unfinished",
    ),
    "ledger.conflict_marker.hint": (
        "删除 <<<<<<<、=======、>>>>>>> 这几行,两边的记录都保留;以后在 .gitattributes 中写 *.ledger.csv merge=union,合并就不会冲突",
        "delete the <<<<<<<, ======= and >>>>>>> lines and keep both sides' entries; with *.ledger.csv merge=union in .gitattributes, merges stop conflicting",
    ),
    "ledger.excel_date": (
        "日期“{value}”被改成了 Excel 的格式",
        'the date "{value}" was rewritten in Excel\'s format',
    ),
    "ledger.excel_date.hint": (
        "台账被 Excel/WPS 另存过,日期和时间已被改写:恢复另存之前的文件(git checkout 或备份),只用 Excel 查看不要保存;或把日期改回 YYYY-MM-DD",
        "Excel/WPS saved the ledger and rewrote its dates and times: restore the file from before (git checkout or a backup) and only view it in Excel; or write the date back as YYYY-MM-DD",
    ),
    "ledger.excel_stamp": (
        "记录时间“{value}”被改成了 Excel 的格式",
        'recorded_at "{value}" was rewritten in Excel\'s format',
    ),
    "ledger.excel_stamp.hint": (
        "台账被 Excel/WPS 另存过:恢复另存之前的文件(git checkout 或备份),只用 Excel 查看不要保存",
        "Excel/WPS saved the ledger: restore the file from before (git checkout or a backup) and only view it in Excel",
    ),
    "file.not_regular": (
        "这不是普通文件,而是命名管道、设备或套接字",
        "not a regular file but a named pipe, a device or a socket",
    ),
    "file.not_regular.hint": (
        "给出计划(.yaml)或台账(.csv)文件本身的路径",
        "give the path of the plan (.yaml) or ledger (.csv) file itself",
    ),
    "ledger.disk_full": (
        "磁盘已满,没有记录:台账 {path} 保持原样({reason})",
        "the disk is full: nothing was recorded, ledger {path} is as it was ({reason})",
    ),
    "ledger.disk_full.hint": (
        "腾出磁盘空间(或请管理员增加配额)后重新记录",
        "free some disk space (or ask for a larger quota), then log again",
    ),
    "ledger.write_torn": (
        "写入台账 {path} 失败({reason}),而且写了一半的最后一行没能删除",
        "writing to ledger {path} failed ({reason}) and the half-written last line could not be removed",
    ),
    "ledger.write_torn.hint": (
        "这半行不计入,下一次 ywplan log 会删除它;腾出磁盘空间后重新记录",
        "that half line is not counted and the next ywplan log removes it; free some space,"
        " then log again",
    ),
    "ledger.symlink": (
        "台账 {path} 是一个符号链接,为免写进它所指的文件,没有记录",
        "ledger {path} is a symbolic link; nothing was recorded, so that no other file is written through it",
    ),
    "ledger.symlink.hint": (
        "用台账文件本身替换这个链接(把它指向的文件复制过来),或在台账真正所在的文件夹中运行 ywplan",
        "replace the link with the ledger file itself (copy the file it points to over it), or run ywplan where the ledger really is",
    ),
    "ledger.not_regular": (
        "台账 {path} 不是普通文件(是文件夹、管道或设备),没有记录",
        "ledger {path} is not a regular file (a folder, a pipe or a device); nothing was recorded",
    ),
    "ledger.not_regular.hint": (
        "把这个位置上的东西移走;下次记录会新建台账",
        "move what is there out of the way; the next log creates a new ledger",
    ),
    "ledger.not_a_ledger": (
        "{path} 的第一行不是台账表头,没有记录",
        "{path} does not start with the ledger header; nothing was recorded",
    ),
    "ledger.not_a_ledger.hint": (
        "确认这是计划的台账;如果只是表头丢了,把这一行放回第一行:{expected}",
        "check that this is the plan's ledger; if only its header was lost, put this line back first: {expected}",
    ),
    "sheet.not_spreadsheet": (
        "这不是电子表格(xlsx 或 csv)",
        "this is not a spreadsheet (xlsx or csv)",
    ),
    "sheet.not_spreadsheet.hint": (
        "在 Excel 或 WPS 中另存为 .xlsx(或 CSV UTF-8)后再录入",
        "save it as .xlsx (or CSV UTF-8) from Excel or WPS, then take it in",
    ),
    "sheet.encrypted": (
        "工作簿设了打开密码(已加密),无法读取",
        "the workbook is encrypted (it has a password to open)",
    ),
    "sheet.encrypted.hint": (
        "请报送单位去掉密码(文件 → 信息 → 保护工作簿 → 用密码进行加密,清空)后重新发送",
        "ask the unit to remove the password (File → Info → Protect Workbook → Encrypt with Password, empty it) and send it again",
    ),
    "sheet.old_format": ("这是旧版 .xls 工作簿", "this is an old .xls workbook"),
    "sheet.old_format.hint": (
        "在 Excel 或 WPS 中另存为 .xlsx 后再录入",
        "save it as .xlsx from Excel or WPS, then take it in",
    ),
    "sheet.damaged": ("工作簿已损坏,无法读取", "the workbook is damaged and cannot be read"),
    "sheet.damaged.hint": (
        "在 Excel 或 WPS 中打开并另存一次,或请报送单位重新发送",
        "open it in Excel or WPS and save it again, or ask the unit to send it again",
    ),
    "sheet.bomb": (
        "工作簿解压后超过 {limit} MB(或文件过多),不像一份报表",
        "the workbook unpacks to more than {limit} MB (or too many parts): not a form",
    ),
    "sheet.bomb.hint": (
        "报表只有几十行;确认文件没有发错",
        "a form has a few dozen rows; check that this is the right file",
    ),
    "sheet.too_large": (
        "文件超过 {limit} MB,不像一份报表",
        "the file is larger than {limit} MB: not a form",
    ),
    "sheet.too_large.hint": (
        "报表只有几十行;确认文件没有发错",
        "a form has a few dozen rows; check that this is the right file",
    ),
    "sheet.too_many_rows": ("表格超过 {limit} 行", "the sheet has more than {limit} rows"),
    "sheet.too_many_rows.hint": (
        "一份报表只有几十行;删去多余的行,或分成几个文件",
        "a form has a few dozen rows; remove the extra rows, or split the file",
    ),
    "sheet.unreadable": ("无法读取文件({reason})", "cannot read the file ({reason})"),
    "sheet.unreadable.hint": ("检查文件名和权限", "check the file name and its permissions"),
    # --- ecosystem: new, completion, interactive log (issue 7) ------------------------------
    "help.new": (
        "新建计划仓库(计划模板、git、pre-commit 和 CI 配置)",
        "scaffold a plans repository (plan skeleton, git, pre-commit and CI files)",
    ),
    "help.new.folder": (
        "要创建的文件夹(默认当前文件夹)",
        "the folder to fill (default: the current one)",
    ),
    "help.new.org": ("单位名称,如 共青团嘉兴市委", "the organisation, e.g. 共青团嘉兴市委"),
    "help.new.year": ("计划年度(默认今年)", "the plan year (default: this year)"),
    "help.new.force": ("覆盖已存在的文件", "overwrite files that exist"),
    "help.new.reports_to": (
        "上级的计划文件:建一个向它报送的下级单位仓库(与 --unit 同用)",
        "the parent's plan file: start a child office's repository reporting to it (with --unit)",
    ),
    "help.new.unit": (
        "本单位在上级 units 中的名称;上级给它分解了任务的目标会计入上级的目标",
        "this office among the parent's units; the targets with a quota for it count toward the parent's",
    ),
    "new.reports_to_and_unit": (
        "--reports-to 和 --unit 要一起给出",
        "--reports-to and --unit go together",
    ),
    "new.reports_to_and_unit.hint": (
        "如:ywplan new haining --reports-to ../jiaxing/plans/jiaxing-2024.yaml --unit 海宁市",
        "e.g. ywplan new haining --reports-to ../jiaxing/plans/jiaxing-2024.yaml --unit 海宁市",
    ),
    "new.other_year": (
        "--year {year} 与上级计划的年度 {parent_year} 不同",
        "--year {year} differs from the parent plan's year {parent_year}",
    ),
    "new.other_year.hint": (
        "下级计划与上级同一年度:去掉 --year",
        "a child plan is for its parent's year: leave out --year",
    ),
    "new.no_quota_item": (
        "上级没有给本单位分解任务的目标:在这里写本单位的事项",
        "the parent gives this office no quota: write this office's items here",
    ),
    "new.default_org": ("共青团××委", "Youth League Committee"),
    "new.bad_year": ("年度“{value}”无效", 'invalid year "{value}"'),
    "new.bad_year.hint": ("写四位数的年份,如 2025", "write a four-digit year, e.g. 2025"),
    "new.not_a_folder": ("{path} 不是文件夹", "{path} is not a folder"),
    "new.exists": (
        "以下文件已存在,未做任何改动:\n{files}",
        "these files exist; nothing was written:\n{files}",
    ),
    "new.exists.hint": (
        "加 --force 覆盖它们,或换一个文件夹",
        "add --force to overwrite them, or choose another folder",
    ),
    "new.write_failed": ("无法写入 {path}:{reason}", "cannot write {path}: {reason}"),
    "new.created": ("已创建 {path}", "created {path}"),
    "new.overwritten": ("已覆盖 {path}", "overwrote {path}"),
    "new.next": (
        "下一步:编辑 {plan},运行 ywplan check,然后 git add . && git commit",
        "next: edit {plan}, run ywplan check, then git add . && git commit",
    ),
    "interactive.items": ("有量化目标的事项:", "Items with targets:"),
    "interactive.ask_item": (
        "事项序号(如 26,或 26.cadre-training)",
        "Item number (e.g. 26, or 26.cadre-training)",
    ),
    "interactive.targets": (
        "事项 {item}“{title}”有多个目标:",
        "item {item} ({title}) has several targets:",
    ),
    "interactive.ask_target": ("选择目标(1–{count} 或目标 id)", "Target (1–{count} or its id)"),
    "interactive.units": ("下级单位:", "Sub-units:"),
    "interactive.ask_unit": ("选择单位(0–{count} 或单位名称)", "Sub-unit (0–{count} or its name)"),
    "interactive.chosen": ("目标:{target}", "target: {target}"),
    "interactive.ask_amount": ("数量({unit})", "Amount ({unit})"),
    "interactive.ask_date": ("日期", "Date"),
    "interactive.ask_note": ("备注(可留空)", "Note (may be empty)"),
    "interactive.summary": (
        "将记录:{ref} {amount}({unit},{date})",
        "about to record: {ref} {amount} ({unit}, {date})",
    ),
    "interactive.confirm": ("确认记录?", "Record it?"),
    "interactive.cancelled": ("未记录。", "Not recorded."),
    "click.usage": ("用法:", "Usage:"),
    "click.try_help": ("运行“{command} {option}”查看帮助", "Try '{command} {option}' for help."),
    "click.missing_argument": ("缺少参数 {name}", "Missing argument {name}."),
    "click.missing_option": ("缺少选项 {name}", "Missing option {name}."),
    "click.missing_parameter": ("缺少参数 {name}", "Missing parameter {name}."),
    "click.no_such_option": ("没有这个选项:{name}", "No such option: {name}"),
    "click.extra_arguments": ("多余的参数:{args}", "Got unexpected extra argument(s) ({args})"),
    "click.no_such_command": ("没有这个命令:{name}", "No such command {name}."),
    "click.did_you_mean": ("是不是想用 {names}?", "Did you mean {names}?"),
    "click.missing_command": ("缺少命令", "Missing command."),
    "click.option_requires_argument": (
        "选项 {name} 后面需要给出值",
        "Option {name} requires an argument.",
    ),
    "click.option_no_value": ("选项 {name} 不接受值", "Option {name} does not take a value."),
    "click.invalid_value": ("{name} 的值无效:{detail}", "Invalid value for {name}: {detail}"),
    "click.aborted": ("已取消。", "Aborted!"),
    "click.options": ("选项", "Options"),
    "click.arguments": ("参数", "Arguments"),
    "click.commands": ("命令", "Commands"),
    "click.required": ("[必填]", "[required]"),
    "help.opt.help": ("显示帮助并退出", "Show this message and exit."),
    "help.opt.install_completion": (
        "为当前 shell 安装 TAB 补全",
        "Install completion for the current shell.",
    ),
    "completion.installed": (
        "已为 {shell} 安装 TAB 补全:{path}",
        "{shell} completion installed in {path}",
    ),
    "completion.restart": (
        "重新打开终端后生效",
        "Completion will take effect once you restart the terminal",
    ),
    "help.opt.show_completion": (
        "显示当前 shell 的补全脚本,可复制或自定义安装",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "new.git_init": ("已在 {path} 中初始化 git 仓库", "initialised a git repository in {path}"),
    "new.git_inside": (
        "{path} 已在一个 git 仓库中,不再新建",
        "{path} is already in a git repository; no new one was started",
    ),
    "new.git_missing": (
        "未找到 git:安装 git 后运行 git init {path},把计划和台账纳入版本管理",
        "git was not found: install git, then run git init {path} to keep the plan's history",
    ),
    "new.git_failed": (
        "git init 未成功({reason}):请自行运行 git init {path}",
        "git init did not succeed ({reason}): run git init {path} yourself",
    ),
    "new.source_unknown": (
        "无法判断本机的 ywplan 从哪里安装:请核对 {path} 中的 pip install 一行",
        "could not tell where this ywplan was installed from: check the pip install line in {path}",
    ),
    "interactive.ask_level": ("当前水平", "Current level"),
    "interactive.ask_level_unit": ("当前水平({unit})", "Current level ({unit})"),
    "interactive.level_info": (
        "{ref} 按水平计量:填写当天测得的水平,不是增加的数量{context}",
        "{ref} is measured as a level: type the level measured on the day, not an increase{context}",
    ),
    "interactive.growth_info": (
        "{ref} 按增长计量:填写当前的实际数量(水平),不是增长率;增长率按基数算出{context}",
        "{ref} measures growth: type the current count (the level), not the growth %; the growth is worked out from the baseline{context}",
    ),
    "interactive.interrupted": ("已取消,没有记录任何内容", "cancelled, nothing recorded"),
    "interactive.date_outside_year": (
        "日期 {date} 不在计划年度 {year} 内",
        "date {date} is outside the plan year {year}",
    ),
    "interactive.date_outside_year.hint": (
        "在“日期”处输入 {year} 年内的日期(YYYY-MM-DD),直接回车使用默认日期",
        "at the Date prompt, type a day of {year} (YYYY-MM-DD), or press Enter for the default",
    ),
    "interactive.bad_target_choice": (
        "“{value}”不在 1–{count} 之间",
        '"{value}" is not one of the choices 1–{count}',
    ),
    "interactive.bad_target_choice.hint": (
        "输入上面列出的编号 1–{count},或目标 id",
        "type a number from the list above, 1–{count}, or the target's id",
    ),
    "interactive.bad_unit_choice": (
        "“{value}”不在 0–{count} 之间",
        '"{value}" is not one of the choices 0–{count}',
    ),
    "interactive.bad_unit_choice.hint": (
        "输入上面列出的编号 0–{count},或单位名称",
        "type a number from the list above, 0–{count}, or the sub-unit's name",
    ),
    "click.did_you_mean_option": ("(是不是想用 {names}?)", " (did you mean {names}?)"),
    "interactive.all_items": ("事项:", "Items:"),
    "interactive.ask_item_number": ("事项序号", "Item number"),
    "interactive.ask_note_text": ("工作进展(做了什么)", "Progress (what was done)"),
}
