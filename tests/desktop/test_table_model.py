"""The article table model: Qt's model contract, formatting, sorting, editing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.qt_table_model import (
    ANALYSIS_ROLE,
    COLUMNS,
    HEADLINE_COLUMN,
    OUTLET_COLUMN,
    SORT_ROLE,
    ArticleFilterProxy,
    ArticleTableModel,
    format_value,
)
from desktop.table_columns import lead_sentence
from models.measures import measure
from tests.desktop.conftest import make_analysis

DISPLAY = Qt.ItemDataRole.DisplayRole


def column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


@pytest.fixture
def model() -> ArticleTableModel:
    m = ArticleTableModel()
    m.set_analyses(
        [
            make_analysis("a", "Zeta News", words=9, boosters_per_100w=9.5, headline_tone=None),
            make_analysis("b", "alpha Post", words=100, boosters_per_100w=100.0,
                          headline_tone=-0.5, headline_hedged=True, headline_body_gap=0.25),
            make_analysis("c", "Mid Times", words=10, boosters_per_100w=10.25,
                          headline_tone=0.1, headline=""),
            make_analysis("d", "Beta Daily", words=1234, boosters_per_100w=0.0,
                          headline_tone=None, headline_hedged=None),
        ]
    )
    return m


def test_empty_model_passes_qt_model_checks(qtmodeltester: Any) -> None:
    qtmodeltester.check(ArticleTableModel())


def test_filled_model_passes_qt_model_checks(qtmodeltester: Any, model: ArticleTableModel) -> None:
    qtmodeltester.check(model)


def test_proxy_passes_qt_model_checks(qtmodeltester: Any, model: ArticleTableModel) -> None:
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column("words"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_columns_are_the_key_measures_with_their_labels() -> None:
    labels = [c.label for c in COLUMNS]
    assert labels[:4] == ["Outlet", "Headline", "Date", "Words"]
    for key in (
        "hedges_epistemic_per_100w", "hedges_evidential_per_100w", "boosters_per_100w",
        "attributions_per_100w", "sources_named_people", "sources_anonymous", "loaded_per_100w",
        "tone_mean", "tone_negative_share", "headline_tone", "headline_hedged",
        "headline_body_gap",
    ):
        assert measure(key).label in labels


def test_header_tooltip_gives_definition_and_unit(model: ArticleTableModel) -> None:
    tip = model.headerData(column("boosters_per_100w"), Qt.Orientation.Horizontal,
                           Qt.ItemDataRole.ToolTipRole)
    # The definition's first sentence; the whole of it is on the Methods page
    # (test_header_tooltips_short).
    assert lead_sentence(measure("boosters_per_100w").definition) in tip
    assert "per 100 words" in tip


def test_display_formats_each_kind(model: ArticleTableModel) -> None:
    row_b = 1

    def shown(row: int, key: str) -> str:
        return model.index(row, column(key)).data(DISPLAY)

    assert shown(row_b, "boosters_per_100w") == "100.00"
    assert shown(0, "boosters_per_100w") == "9.50"
    assert shown(row_b, "tone_negative_share") == "40%"
    assert shown(row_b, "headline_body_gap") == "25%"
    assert shown(row_b, "headline_hedged") == "yes"
    assert shown(0, "headline_hedged") == "no"
    assert shown(3, "headline_hedged") == "–"
    assert shown(0, "headline_tone") == "–"
    assert shown(row_b, "headline_tone") == "-0.50"
    assert shown(2, "headline_tone") == "+0.10"
    assert shown(3, "words") == "1,234"
    assert shown(2, "headline") == "–"
    assert format_value(float("nan"), "rate") == "–"


def test_numbers_right_aligned_text_left_aligned(model: ArticleTableModel) -> None:
    align = Qt.ItemDataRole.TextAlignmentRole
    number = model.index(0, column("words")).data(align)
    text = model.index(0, OUTLET_COLUMN).data(align)
    assert Qt.AlignmentFlag(number) & Qt.AlignmentFlag.AlignRight
    assert Qt.AlignmentFlag(text) & Qt.AlignmentFlag.AlignLeft


def test_sort_role_returns_raw_values_and_user_role_the_analysis(
    model: ArticleTableModel,
) -> None:
    assert model.index(2, column("boosters_per_100w")).data(SORT_ROLE) == 10.25
    assert model.index(0, column("headline_tone")).data(SORT_ROLE) is None
    assert model.index(1, column("headline_hedged")).data(SORT_ROLE) == 1.0
    assert model.index(3, HEADLINE_COLUMN).data(ANALYSIS_ROLE) is model.analyses()[3]


def test_tooltips_explain_outlet_origin_and_missing_headline(model: ArticleTableModel) -> None:
    tip = Qt.ItemDataRole.ToolTipRole
    assert "guessed from the file name" in model.index(0, OUTLET_COLUMN).data(tip)
    assert model.index(2, HEADLINE_COLUMN).data(tip).startswith("No headline found in c.txt.\n")
    assert model.index(0, HEADLINE_COLUMN).data(tip) == "A headline"


def test_outlet_tooltip_names_an_emails_from_line() -> None:
    m = ArticleTableModel()
    m.set_analyses([make_analysis("e", "The Riverside Brief", outlet_origin="email")])
    tip = m.index(0, OUTLET_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("The Riverside Brief: from the e-mail's 'From:' line.")


def sorted_column(model: ArticleTableModel, key: str, order: Qt.SortOrder) -> list[Any]:
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(column(key), order)
    return [proxy.index(r, column(key)).data(SORT_ROLE) for r in range(proxy.rowCount())]


def test_proxy_sorts_numbers_numerically_not_as_text(model: ArticleTableModel) -> None:
    assert sorted_column(model, "boosters_per_100w", Qt.SortOrder.AscendingOrder) == [
        0.0, 9.5, 10.25, 100.0
    ]
    assert sorted_column(model, "words", Qt.SortOrder.DescendingOrder) == [1234, 100, 10, 9]


def test_undefined_values_sort_last_in_both_orders(model: ArticleTableModel) -> None:
    assert sorted_column(model, "headline_tone", Qt.SortOrder.AscendingOrder) == [
        -0.5, 0.1, None, None
    ]
    assert sorted_column(model, "headline_tone", Qt.SortOrder.DescendingOrder) == [
        0.1, -0.5, None, None
    ]


def test_text_columns_sort_case_insensitively(model: ArticleTableModel) -> None:
    assert sorted_column(model, "outlet", Qt.SortOrder.AscendingOrder) == [
        "alpha post", "beta daily", "mid times", "zeta news"
    ]


def test_only_the_outlet_is_editable(model: ArticleTableModel) -> None:
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, OUTLET_COLUMN)) & editable
    assert not model.flags(model.index(0, HEADLINE_COLUMN)) & editable
    assert not model.flags(model.index(0, column("words"))) & editable


def test_editing_the_outlet_changes_the_article_and_emits(
    qtbot: Any, model: ArticleTableModel
) -> None:
    index = model.index(2, OUTLET_COLUMN)
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.waitSignal(model.outlet_edited):
        assert model.setData(index, "  The   Guardian ", Qt.ItemDataRole.EditRole)
    assert changed.args[0] == index
    article = model.analyses()[2].article
    assert article.outlet == "The Guardian"
    assert article.outlet_origin == "user"
    assert index.data(DISPLAY) == "The Guardian"
    assert "set by you" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_an_empty_outlet_or_other_column_is_refused(
    qtbot: Any, model: ArticleTableModel
) -> None:
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(model.index(0, OUTLET_COLUMN), "   ")
        assert not model.setData(model.index(0, column("words")), "5")
        assert not model.setData(model.index(0, OUTLET_COLUMN), "X", DISPLAY)
    assert model.analyses()[0].article.outlet == "Zeta News"


def test_append_and_remove_rows(qtbot: Any, model: ArticleTableModel) -> None:
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.append([make_analysis("e"), make_analysis("f")])
    assert inserted.args[1:] == [4, 5]
    assert model.rowCount() == 6
    model.remove_rows([5, 0, 0])
    assert [a.article_id for a in model.analyses()] == ["b", "c", "d", "e"]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 4


def test_filter_matches_every_word_in_outlet_headline_or_file(model: ArticleTableModel) -> None:
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("daily")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("HEADLINE news")
    assert [proxy.index(r, 0).data(DISPLAY) for r in range(proxy.rowCount())] == ["Zeta News"]
    proxy.set_filter_text("c.txt")
    assert proxy.rowCount() == 1
    proxy.set_filter_text("(unbalanced[")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == 4


def test_tone_news_and_clickbait_columns_show_beside_vader() -> None:
    keys = [c.key for c in COLUMNS]
    assert keys.index("tone_news_mean") == keys.index("tone_mean") - 1
    assert "headline_sensational" in keys
    m = ArticleTableModel()
    m.set_analyses([
        make_analysis("a", tone_news_mean=-0.2345, headline_sensational=0.873),
        make_analysis("b", headline="", headline_sensational=None),
    ])
    news, bait = column("tone_news_mean"), column("headline_sensational")
    assert m.data(m.index(0, news), DISPLAY) == "-0.23"
    assert m.data(m.index(0, bait), DISPLAY) == "87%"
    assert m.data(m.index(1, bait), DISPLAY) == "–"  # no headline: no score, not 0%
    tip = m.headerData(bait, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "clickbait" in tip
