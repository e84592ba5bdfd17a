"""A teacher drags in her own files (ux28): a page saved from a browser whose title names
the site ("… | The Daily Ledger", no og:site_name), and a story next to the copy her
browser made of it ("wire story (1).txt"). Dropped on the window with real drag events:
the outlet is the site the title names, not the file's name (the headline), and the copy,
not the original, is the duplicate in Load Problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.desktop.conftest import LOAD_TIMEOUT_MS
from tests.desktop.test_drop import drag_and_drop, mime_for

HEADLINE = "Four-day week a disaster for our kids, parents warn"
PAGE = (
    f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE} | The Daily "
    "Ledger</title></head><body><div id='top'>Breaking | Weather | Sign in</div>"
    f"<h1>{HEADLINE}</h1><div class='article-body'>"
    "<p>Parents in rural counties are angry after a state study found that pupils on the "
    "four-day school week read less well than their peers.</p>"
    "<p>The report, published on Monday, says reading scores slipped in districts that "
    "dropped Fridays. Officials said the drop was small.</p>"
    "<p>One mother said her son is home alone every Friday.</p></div></body></html>"
)
WIRE = (
    "State study: attendance up in four-day school week districts\n\n"
    "STATEHOUSE (State News Wire) \u2014 Attendance increased in rural school districts that "
    "adopted a four-day week, the state education department said Monday.\n\n"
    "The study of 40 districts found attendance rose about 2 percentage points.\n"
)


def hover_tip(qtbot: Any, window: Any, row: int) -> str:
    table = window.table
    rect = table.visualRect(window.proxy.index(row, 0))
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QHelpEvent.Type.ToolTip, rect.center(),
                       table.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def dropped(qtbot: Any, window: Any, folder: Path) -> None:
    mime = mime_for(*sorted(folder.iterdir()))  # a file manager's order, by name
    with qtbot.waitSignal(window.runner.finished, timeout=LOAD_TIMEOUT_MS):
        assert drag_and_drop(window.table.viewport(), mime).isAccepted()


def test_the_outlet_is_the_site_the_pages_title_names(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "Downloads"  # tmp_path holds the test's settings too
    folder.mkdir()
    page = folder / f"{HEADLINE}.htm"  # a browser names the file by the page's title
    page.write_text(PAGE, encoding="utf-8")
    (folder / "wire story.txt").write_text(WIRE, encoding="utf-8")
    dropped(qtbot, window, folder)
    by_source = {Path(a.article.source).name: a.article for a in window.analyses()}
    assert by_source[page.name].outlet == "The Daily Ledger"
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, 0).data() == "The Daily Ledger")
    window.show()
    qtbot.waitExposed(window)
    assert hover_tip(qtbot, window, row).startswith(
        "The Daily Ledger: from the web page's title.")
    assert "only a file name" not in window.status_text()


def test_the_copy_not_the_original_is_the_duplicate(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    copy, original = folder / "wire story (1).txt", folder / "wire story.txt"
    for path in (copy, original):
        path.write_text(WIRE, encoding="utf-8")
    dropped(qtbot, window, folder)
    assert [Path(a.article.source).name for a in window.analyses()] == [original.name]
    problems = {Path(p.file).name: p.reason for p in window.load_problems()}
    assert list(problems) == [copy.name]
    assert problems[copy.name].endswith(f"same text as {original}")
    assert window.problems_panel.tree.topLevelItem(0).text(0) == copy.name
    assert window.problems_dock.isVisible()


def test_a_page_saved_as_one_file_is_taken_and_read(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """Chrome's "Webpage, Single File" (.mhtml) was refused at the drag ("not of a type
    Framescope reads")."""
    from tests.desktop.test_drop import drag_enter
    from tests.models.test_mhtml import mhtml

    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "Four-day week_ what the study says - Riverton Tribune.mhtml").write_bytes(mhtml())
    mime = mime_for(*folder.iterdir())
    assert drag_enter(window.table.viewport(), mime).isAccepted()
    assert window.statusBar().currentMessage() == "Drop to add 1 file"
    dropped(qtbot, window, folder)
    assert window.load_problems() == []
    assert [a.article.outlet for a in window.analyses()] == ["Riverton Tribune"]
    assert window.analyses()[0].scores.value("words") > 30


def test_a_pdf_cut_short_is_said_to_be_incomplete(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """"the PDF is damaged" left the teacher guessing; a download cut short is said."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    whole = buffer.getvalue()
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "Ledger print version.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "wire story.txt").write_text(WIRE, encoding="utf-8")
    dropped(qtbot, window, folder)
    [problem] = window.load_problems()
    assert problem.reason.startswith("the PDF is incomplete: it stops before its end (a "
                                     "download cut short?)")
    item = window.problems_panel.tree.topLevelItem(0)
    assert item.text(0) == "Ledger print version.pdf"
    assert item.text(1) == problem.reason


def test_a_byline_with_its_date_gives_the_date(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    (folder / "metro.txt").write_text(
        "Study: four-day school weeks lift attendance\n\n"
        "By Sam Okafor  November 24, 2026  5:00 AM ET\n\n" + WIRE.split("\n\n", 1)[1],
        encoding="utf-8")
    dropped(qtbot, window, folder)
    date_column = next(c for c in range(window.proxy.columnCount())
                       if window.proxy.headerData(c, Qt.Orientation.Horizontal) == "Date")
    assert window.proxy.index(0, date_column).data() == "2026-11-24"
