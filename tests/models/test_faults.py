"""What a fault's detail keeps (models.faults): the exception's type, its words cut short,
where it was raised; never more of an article's text than 200 characters of its words
(a journalist's draft stays hers, s33)."""

from __future__ import annotations

from pathlib import Path

from models.faults import MAX_WORDS_CHARS, exception_words, fault_detail
from models.readers.text import parser_words

DRAFT = "The minister will resign on Friday, two officials said privately. " * 20


def _raise_with(words: str) -> BaseException:
    try:
        raise KeyError(words)
    except KeyError as exc:
        return exc


def test_a_fault_s_detail_names_it_and_where_it_was_raised() -> None:
    detail = fault_detail(_raise_with("tone_mean"))
    first, second, *frames = detail.splitlines()
    assert first == "KeyError: 'tone_mean'"
    assert second == "Traceback (most recent call last):"
    assert any("in _raise_with" in line for line in frames)


def test_an_exception_quoting_an_article_keeps_only_the_start_of_its_words() -> None:
    for said in (exception_words(_raise_with(DRAFT)), fault_detail(_raise_with(DRAFT)),
                 parser_words(ValueError(DRAFT))):
        _kind, words = said.splitlines()[0].split(": ", 1)
        assert len(words) == MAX_WORDS_CHARS and words.endswith("…")
        assert DRAFT[:400] not in said


def test_a_module_s_exception_is_named_with_its_module() -> None:
    import json

    try:
        json.loads("{")
    except json.JSONDecodeError as exc:
        assert exception_words(exc).startswith("json.decoder.JSONDecodeError: Expecting")


def test_a_crashed_process_s_detail_names_its_signal_and_the_log() -> None:
    from models.faults import ended_abruptly

    assert ended_abruptly("analysing", -6, "/s/framescope.log") == (
        "the process analysing it ended abruptly (signal 6); its last stack, if any, is in "
        "the log: /s/framescope.log, or in an older copy (framescope.log.1 or "
        "framescope.log.2) if the log was rotated since")
    # No log: nowhere to look; an exit code rather than a signal (os._exit in C code).
    assert ended_abruptly("reading", 3) == "the process reading it ended abruptly (exit code 3)"


def test_a_fault_log_that_cannot_be_opened_changes_nothing(tmp_path: Path) -> None:
    from models.faults import keep_hard_crashes_in

    assert keep_hard_crashes_in(str(tmp_path)) is False  # a folder, not a file
