"""click's own usage errors and help words follow --lang; exit codes follow SPEC §5."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run
from ywplan import __version__
from ywplan.cli.usage import translate_message


def test_missing_argument_in_chinese(run: Run, bundled: Path) -> None:
    result = run("--lang", "zh", "log", lang="en")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "用法: ywplan log [OPTIONS] [TARGET] [AMOUNT]",
        "错误: 缺少参数 'TARGET'",
        "    提示: 运行“ywplan log -h”查看帮助",
    ]
    assert result.stdout == ""


def test_unknown_option_exit_2_both_languages(run: Run, bundled: Path) -> None:
    en = run("status", "--bogus")
    assert en.exit_code == 2
    assert "error: No such option: --bogus" in en.stderr
    assert "hint: Try 'ywplan status -h' for help." in en.stderr
    zh = run("status", "--bogus", lang="zh")
    assert zh.exit_code == 2
    assert "错误: 没有这个选项:--bogus" in zh.stderr


def test_extra_argument_and_unknown_command(run: Run, bundled: Path) -> None:
    extra = run("status", "extra", lang="zh")
    assert extra.exit_code == 2
    assert "多余的参数:extra" in extra.stderr
    command = run("statsu", lang="zh")
    assert command.exit_code == 2
    assert "没有这个命令:'statsu' 是不是想用 'status'?" in command.stderr
    assert "No such command 'statsu'. Did you mean 'status'?" in run("statsu").stderr


def test_option_without_value(run: Run, bundled: Path) -> None:
    result = run("status", "--quarter", lang="zh")
    assert result.exit_code == 2
    assert "选项 '--quarter' 后面需要给出值" in result.stderr


def test_bad_data_is_exit_1(run: Run, bundled: Path) -> None:
    result = run("log", "99", "5", today="2024-09-30")
    assert result.exit_code == 1
    assert "the plan has no item 99" in result.stderr


def test_help_in_chinese(run: Run) -> None:
    result = run("--help", lang="zh")
    assert result.exit_code == 0
    out = result.stdout
    assert "用法: ywplan" in out
    assert "显示帮助并退出" in out
    assert "为当前 shell 安装 TAB 补全" in out
    assert "选项" in out and "命令" in out
    assert "Show this message" not in out
    assert "Usage:" not in out


def test_subcommand_help_in_chinese(run: Run) -> None:
    result = run("log", "-h", lang="zh")
    assert result.exit_code == 0
    assert "用法: ywplan log" in result.stdout
    assert "显示帮助并退出" in result.stdout
    assert "参数" in result.stdout


def test_help_in_english_is_unchanged(run: Run) -> None:
    result = run("status", "--help")
    assert result.exit_code == 0
    assert "Usage: ywplan status" in result.stdout
    assert "Show this message and exit." in result.stdout


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"ywplan {__version__}\n"


def test_translate_message_leaves_unknown_text() -> None:
    assert translate_message("Something click says.") == "Something click says."
