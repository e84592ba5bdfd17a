"""'Possible' said of something an authority grants ("some exceptions are possible",
seed 001 S11) is root possibility, what the rules allow, and estimates nothing: no
epistemic hedge, no estimative probability (audit22; models.hedging.is_granted_possible).
'Possible' of an event still estimates."""

from __future__ import annotations

import pytest

from models.cues import default_finder


def epistemic(text: str) -> list[str]:
    return [s.text for s in default_finder().find(text)
            if s.category == "hedge" and s.subcategory == "epistemic"]


@pytest.mark.parametrize("text", [
    "Because the ban is informal, some exceptions are possible, including for health.",
    "An appeal is still possible.",
    "Exemptions will also be possible for those over 60.",
    "Refunds were possible until Friday.",
])
def test_what_an_authority_grants_is_no_estimate(text: str) -> None:
    assert epistemic(text) == []


@pytest.mark.parametrize("text", [
    "Delays are possible.",
    "Further strikes are possible, officials said.",
    "It is possible that exceptions exist.",
    "Exceptions possible, the memo says.",  # no verb "be": not the predicative reading
])
def test_possible_events_stay_hedges(text: str) -> None:
    assert epistemic(text) == ["possible"]
