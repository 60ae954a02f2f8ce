"""One of a kind reads singular in every format: "1 gezamenlijk doel", not "1 … doelen".

The demo has several of each (its golden files show the plurals); these summaries have one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from tests.render.conftest import TODAY
from wijksessie import i18n
from wijksessie.domain.demo import demo_network
from wijksessie.domain.summary import Summary, build_summary
from wijksessie.render.html import to_html
from wijksessie.render.markdown import to_markdown
from wijksessie.render.text import to_text


@pytest.fixture(params=["nl", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


def one_of_each() -> Summary:
    """The demo cut down to one goal, one agreement and one commitment, one overlap untold."""
    network = demo_network(today=TODAY)
    network.goals = network.goals[:1]
    network.agreements = network.agreements[:1]
    network.commitments = network.commitments[:1]
    summary = build_summary(network, today=TODAY)
    return dataclasses.replace(
        summary, findings=dataclasses.replace(summary.findings, more_overlaps=1)
    )


def _flat(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


SINGULAR = {
    "nl": (
        "1 gezamenlijk doel",
        "van 1 afspraak aangenomen",
        "1 toezegging ",
        "… en nog 1 mogelijke verbinding.",
    ),
    "en": (
        "1 shared goal",
        "of 1 agreement adopted",
        "1 commitment ",
        "… and 1 more possible connection.",
    ),
}
PLURAL = {
    "nl": (
        "1 gezamenlijke doelen",
        "van 1 afspraken",
        "1 toezeggingen",
        "1 mogelijke verbindingen",
    ),
    "en": ("1 shared goals", "of 1 agreements", "1 commitments", "1 more possible connections"),
}


def test_html_counts_one_in_the_singular(language: str) -> None:
    page = _flat(to_html(one_of_each()))
    for phrase in SINGULAR[language]:
        assert phrase in page
    for phrase in PLURAL[language]:
        assert phrase not in page


def test_text_and_markdown_count_one_overlap_in_the_singular(language: str) -> None:
    line = {"nl": "… en nog 1 mogelijke verbinding", "en": "… and 1 more possible connection"}
    for rendered in (to_text(one_of_each()), to_markdown(one_of_each())):
        assert line[language] + "\n" in rendered
        assert line[language] + "s" not in rendered
