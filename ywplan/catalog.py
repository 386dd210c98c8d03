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
    # --- ledger (ledger, checks) ------------------------------------------------------------
    # --- progress and states (progress) ---------------------------------------------------
    # --- commands: log, undo, entries, status (cli) ----------------------------------------
    # --- report, units, html, xlsx (issue 3) ----------------------------------------------
    # --- import (issue 4) ----------------------------------------------------------------
    "import.not_found": ("找不到文件 {path}", "file not found: {path}"),
    "import.not_found.hint": (
        "检查文件名和路径;从标准输入读取请用 -",
        "check the name and the path; use - to read standard input",
    ),
    "import.not_a_file": ("{path} 不是文件", "{path} is not a file"),
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
    # --- reliability: locking, encodings, limits (issue 5) ---------------------------------
    # --- ecosystem: new, completion, interactive log (issue 7) ------------------------------
}
