"""The order in which the window gives outlets their colours and marker shapes.

Qt-free and without matplotlib (the window keeps the order before any chart is built, and
a project saves it). Place *i* in the order gets the *i*-th colour of the palette
(desktop.charts.style.outlet_colours). The command line keeps no order: its charts colour
the outlets charted in sorted-name order, so the same inputs give the same colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: A project's settings key (models.project.Project.settings) for the window's order: a
#: list of outlet names. Projects saved without it open in sorted-name order.
OUTLET_ORDER_KEY = "outlet_colour_order"


def keep_outlet_order(order: Sequence[str], loaded: Iterable[str]) -> list[str]:
    """The colour order once the outlets loaded (excluded articles' too) are ``loaded``.

    An outlet already in ``order`` keeps its place, so loading articles of a new outlet
    moves no other outlet's colour (places were given in sorted-name order across all
    outlets loaded, ux26). New outlets, in sorted-name order, take the places of outlets no
    longer loaded (first place first: an outlet renamed keeps its colour when it was the
    only one to go), then go at the end. An outlet removed keeps its place, empty, until a
    new one takes it, so Undo gives it its colour back. When no outlet of ``order`` is
    loaded (a first load, files in the samples' place, a load after Clear All) the places
    are given afresh in sorted-name order: the command line's colours for the same files.
    Nothing loaded: ``order`` is kept (Undo of Clear All).
    """
    now = set(loaded)
    if not now:
        return list(order)
    result = list(dict.fromkeys(order)) if now & set(order) else []
    free = [place for place, outlet in enumerate(result) if outlet not in now]
    for outlet in sorted(now - set(result), key=lambda name: (name.casefold(), name)):
        if free:
            result[free.pop(0)] = outlet
        else:
            result.append(outlet)
    return result


def outlet_order_from_settings(settings: dict[str, object]) -> list[str]:
    """The order a project saved (``OUTLET_ORDER_KEY``), or none for a project saved
    without one or with a value that is not a list of names."""
    value = settings.get(OUTLET_ORDER_KEY)
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return list(value)
    return []
