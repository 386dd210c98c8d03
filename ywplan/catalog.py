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
    # --- reliability: locking, encodings, limits (issue 5) ---------------------------------
    # --- ecosystem: new, completion, interactive log (issue 7) ------------------------------
}
