"""How well each measure agrees with people: the figures shipped in ``resources/validation.json``.

``bench/validity.py --json resources/validation.json`` scores human-annotated data
sets (which never ship) and writes only the figures: for every measure key of
:data:`models.measures.MEASURES`, the list of checks that validate it (data set,
metric, figure, published reference, goal), empty when none does. The Methods
page shows them beside each measure's definition.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.resources import ResourceNotFoundError, resource_path

VALIDATION_FILE = "validation.json"


#: Where a figure stands against its goal (:meth:`Validation.verdict`).
MET = "met"
NOT_MET = "not met"
NO_GOAL = "no goal"
NOT_MEASURABLE = "not measurable"
#: How a figure's value is compared with its goal's level: ``at_least`` reaches it;
#: ``about`` equals it at two decimals (a figure meant to stay as published).
GOAL_KINDS = ("at_least", "about")


@dataclass(frozen=True, slots=True)
class Validation:
    """One figure for one measure on one human-annotated data set."""

    measure: str  # what was checked, e.g. "hedge (any, sentence)"
    data: str
    metric: str
    figure: str
    value: float | None
    reference: str
    goal: str  # the goal set for this project (issue 3) as text; "" when none was set
    # How ``value`` compares with the goal (one of GOAL_KINDS) and the level it is compared
    # with; "" and None when the goal is not a level of this very figure (e.g. "raise
    # recall", or a rank correlation the data here cannot give).
    goal_kind: str = ""
    goal_level: float | None = None
    # The figure's 95% interval where its check gives one (a sample of hand labels);
    # None where the figure is computed on a whole data set.
    value_low: float | None = None
    value_high: float | None = None

    def verdict(self) -> str:
        """MET or NOT_MET when the goal is a level of this figure; NO_GOAL when no goal
        was set; NOT_MEASURABLE when there is a goal this figure cannot be compared with."""
        if not self.goal:
            return NO_GOAL
        if self.goal_kind not in GOAL_KINDS or self.goal_level is None or self.value is None:
            return NOT_MEASURABLE
        if self.goal_kind == "at_least":
            return MET if self.value >= self.goal_level else NOT_MET
        return MET if round(self.value, 2) == round(self.goal_level, 2) else NOT_MET

    def interval_crosses_goal(self) -> bool:
        """Does the figure's 95% interval reach across its ``at_least`` goal's level, so
        that the sample cannot tell whether the goal is met ("meets it" by the figure
        alone, or "below it" with an interval reaching it)?"""
        if (self.goal_kind != "at_least" or self.goal_level is None
                or self.value_low is None or self.value_high is None
                or self.verdict() not in (MET, NOT_MET)):
            return False
        return self.value_low < self.goal_level <= self.value_high


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The shipped figures, when and with which version they were measured.

    ``error`` is non-empty when the file could not be read; ``measures`` is then empty.
    """

    date: str = ""
    framescope: str = ""
    lexicon: str = ""
    measures: dict[str, tuple[Validation, ...]] = field(default_factory=dict)
    error: str = ""

    def for_measure(self, key: str) -> tuple[Validation, ...]:
        """The figures that validate measure ``key``; empty when it is not validated."""
        return self.measures.get(key, ())


def registry_keys() -> tuple[str, ...]:
    """Every measure key of the registries in :mod:`models.measures`, in order: the keys
    the shipped figures must cover."""
    from models import measures

    registries = ("MEASURES", "CLAIM_MEASURES", "SELECTION_MEASURES")
    return tuple(
        m.key for name in registries for m in getattr(measures, name, ())
    )


def validation_path() -> Path:
    """Where the shipped figures are: ``resources/validation.json``."""
    return resource_path(VALIDATION_FILE)


def _text(item: dict[str, Any], name: str) -> str:
    value = item.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not text")
    return value


def _validation(item: Any) -> Validation:
    if not isinstance(item, dict):
        raise ValueError("a figure is not an object")
    value = item.get("value")
    if value is not None and not isinstance(value, int | float):
        raise ValueError("field 'value' is not a number")
    level = item.get("goal_level")
    if level is not None and not isinstance(level, int | float):
        raise ValueError("field 'goal_level' is not a number")
    bounds = [item.get(name) for name in ("value_low", "value_high")]
    for name, bound in zip(("value_low", "value_high"), bounds, strict=True):
        if bound is not None and not isinstance(bound, int | float):
            raise ValueError(f"field {name!r} is not a number")
    if (bounds[0] is None) != (bounds[1] is None):
        raise ValueError("fields 'value_low' and 'value_high' come together")
    kind = _text(item, "goal_kind")
    if kind and (kind not in GOAL_KINDS or level is None):
        raise ValueError(f"field 'goal_kind' {kind!r} is not one of {', '.join(GOAL_KINDS)} "
                         "with a 'goal_level'")
    return Validation(
        measure=_text(item, "measure"),
        data=_text(item, "data"),
        metric=_text(item, "metric"),
        figure=_text(item, "figure"),
        value=None if value is None else float(value),
        reference=_text(item, "reference"),
        goal=_text(item, "goal"),
        goal_kind=kind,
        goal_level=None if level is None or not kind else float(level),
        value_low=None if bounds[0] is None else float(bounds[0]),
        value_high=None if bounds[1] is None else float(bounds[1]),
    )


def parse_validation(document: Any) -> ValidationReport:
    """A report from the JSON document; raises ValueError naming what is malformed."""
    if not isinstance(document, dict) or not isinstance(document.get("measures"), dict):
        raise ValueError("no 'measures' object")
    measures: dict[str, tuple[Validation, ...]] = {}
    for key, items in document["measures"].items():
        if not isinstance(items, list):
            raise ValueError(f"measure {key!r}: not a list of figures")
        try:
            measures[key] = tuple(_validation(item) for item in items)
        except ValueError as error:
            raise ValueError(f"measure {key!r}: {error}") from None
    return ValidationReport(
        date=_text(document, "date"),
        framescope=_text(document, "framescope"),
        lexicon=_text(document, "lexicon"),
        measures=measures,
    )


def load_validation(path: Path | None = None) -> ValidationReport:
    """The shipped figures; a missing or malformed file gives a report whose ``error`` says
    which file and why (the Methods page then says so instead of failing)."""
    try:
        path = validation_path() if path is None else path
        document = json.loads(path.read_text(encoding="utf-8"))
        return parse_validation(document)
    except ResourceNotFoundError as error:
        return ValidationReport(error=str(error))
    except OSError as error:
        reason = error.strerror or str(error)
        return ValidationReport(error=f"{path}: {reason}")
    except ValueError as error:  # json.JSONDecodeError is a ValueError
        return ValidationReport(error=f"{path}: {error}")
