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
    # --- YAML loading (yamlio) -------------------------------------------------------
    "yaml.syntax": ("YAML 语法错误:{problem}", "YAML syntax error: {problem}"),
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
    "yaml.undefined_alias": ("别名 *{name} 没有对应的锚点", "alias *{name} has no anchor"),
    "yaml.many_documents": (
        "一个文件只能有一个 YAML 文档",
        "a file must hold one YAML document",
    ),
    "yaml.many_documents.hint": (
        "删除第二个 --- 及其后的内容,或拆成两个文件",
        "remove the second --- and what follows, or split the file",
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
    "file.unreadable": ("无法读取:{reason}", "cannot be read: {reason}"),
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
    "plan.type_bool": (
        "{where}的“{key}”应为 true 或 false",
        '"{key}" of {where} must be true or false',
    ),
    "plan.not_positive": (
        "{where}的“{key}”必须大于 0",
        '"{key}" of {where} must be greater than 0',
    ),
    "plan.not_finite": (
        "{where}的“{key}”必须是有限的数字",
        '"{key}" of {where} must be a finite number',
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
    "plan.too_long": ("{where}的“{key}”太长", '"{key}" of {where} is too long'),
    "plan.bad_choice": (
        "{where}的“{key}”取值无效",
        '"{key}" of {where} is not one of the allowed values',
    ),
    "plan.bad_choice.hint": ("可用的值:{expected}", "allowed: {expected}"),
    "plan.invalid_value": (
        "{where}的“{key}”无效:{detail}",
        '"{key}" of {where} is invalid: {detail}',
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
    "plan.quota_unit": (
        "by_unit 中的“{unit}”不在 units 中",
        '"{unit}" in by_unit is not one of the plan\'s units',
    ),
    "plan.quota_unit.hint": ("units 中有:{units}", "the units are: {units}"),
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
    "ledger.bad_target": ("目标 id“{value}”无效", 'invalid target id "{value}"'),
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
    "ledger.note_too_long": ("备注超过 {limit} 字", "the note is longer than {limit} characters"),
    "ledger.note_too_long.hint": (
        "把备注缩短;详细材料另存文件",
        "shorten the note; keep long material in a file",
    ),
    "ledger.multiline": ("备注不能换行", "a note must be one line"),
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
    "ledger.corrects_reversal": (
        "{id} 本身是撤销记录,不能再撤销",
        "{id} is itself a reversal and cannot be reversed",
    ),
    "ledger.corrects_reversal.hint": (
        "如需恢复,用 ywplan log 重新记录",
        "to restore it, log the entry again",
    ),
    "ledger.corrects_twice": ("记录 {id} 已经撤销过了", "entry {id} has already been reversed"),
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
        "事项 {item} 的目标:\n{known}",
        "the targets of item {item}:\n{known}",
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
    "entry.unknown_unit.hint": ("可用的单位:{units}", "the sub-units are: {units}"),
    "entry.amount_not_positive": (
        "数量必须大于 0(收到 {amount})",
        "the amount must be greater than 0 (got {amount})",
    ),
    "entry.amount_not_positive.hint": (
        "录错了?用 ywplan undo 撤销原记录",
        "correcting a mistake? reverse the entry with ywplan undo",
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
    "col.gap": ("较序时", "vs expected"),
    "col.state": ("状态", "State"),
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
        "各目标完成情况与序时进度",
        "each target's progress against 序时进度 (expected by now)",
    ),
    "help.status.behind": ("只看滞后和未启动的目标", "only targets behind or not started"),
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
        "只写数字,不带单位,如 45 或 2.5",
        "write a plain number without the unit, e.g. 45 or 2.5",
    ),
    "log.bad_date": ("“{value}”不是日期", '"{value}" is not a date'),
    "log.bad_date.hint": (
        "日期写成 YYYY-MM-DD,如 2024-05-10",
        "write dates as YYYY-MM-DD, e.g. 2024-05-10",
    ),
    "log.note_multiline": ("备注不能换行", "a note must be one line"),
    "log.refused": ("这条记录有 {count} 处问题,未记录", "not recorded: {count} problems"),
    "log.recorded": (
        "已记录 {id}:{ref} {amount} {measure}({unit},{date})",
        "recorded {id}: {ref} {amount} {measure} ({unit}, {date})",
    ),
    "log.reversed": (
        "已撤销 {original}:追加冲销行 {id},{ref} {amount} {measure}({unit},{date})",
        "reversed {original}: appended {id}, {ref} {amount} {measure} ({unit}, {date})",
    ),
    "log.no_unit": ("全市", "city-level"),
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
    "status.nothing": ("没有符合条件的目标", "no targets to show"),
    "status.qualitative": (
        "另有 {count} 个定性事项(无量化目标)未列出",
        "{count} qualitative items (no targets) not shown",
    ),
    "status.title": ("{plan} · 截至 {as_of}", "{plan} · as of {as_of}"),
    "status.heading": (
        "{plan} · 截至 {as_of}(序时进度 {fraction})",
        "{plan} · as of {as_of} (year elapsed {fraction})",
    ),
    "status.title_unit": (" · {unit}", " · {unit}"),
    "entries.bad_item": ("计划中没有事项“{value}”", 'the plan has no item "{value}"'),
    "entries.bad_since": ("--since 的“{value}”不是日期", '--since "{value}" is not a date'),
    "entries.bad_until": ("--until 的“{value}”不是日期", '--until "{value}" is not a date'),
    "entries.reversal": ("冲销 {id}", "reverses {id}"),
    "entries.reversed": ("已撤销", "reversed"),
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
    # --- report, units, html, xlsx (issue 3) ----------------------------------------------
    # --- import (issue 4) ----------------------------------------------------------------
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
    # --- ecosystem: new, completion, interactive log (issue 7) ------------------------------
}
