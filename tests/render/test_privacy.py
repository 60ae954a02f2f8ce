"""Contact details: only of who shares them, in shared files by default, on screen only if asked."""

from __future__ import annotations

import pytest

from tests.render.conftest import demo_summary
from wijksessie.services.formats import SUMMARY_NAMES as FORMATS
from wijksessie.services.formats import contact_allowed, render

SHARED_EMAIL = "fatima.elamrani@example.nl"
SHARED_PHONE = "06 12345678"
PRIVATE_EMAIL = "r.jansen@delinde.example.nl"  # Ruud Jansen did not set share_contact
PRIVATE_PHONE = "0345 123456"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("with_contact", [False, True])
def test_nobody_without_consent_ever_appears(fmt: str, with_contact: bool) -> None:
    out = render(demo_summary(with_contact=with_contact), fmt)
    assert PRIVATE_EMAIL not in out
    assert PRIVATE_PHONE not in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_contact_details_at_all_unless_asked(fmt: str) -> None:
    out = render(demo_summary(with_contact=False), fmt)
    assert "example.nl" not in out  # every email in the demo ends so
    assert SHARED_PHONE not in out
    assert "06 87654321" not in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_shared_contact_details_appear_when_asked(fmt: str) -> None:
    out = render(demo_summary(with_contact=True), fmt)
    assert SHARED_EMAIL in out
    assert SHARED_PHONE in out


def test_the_rule_per_format() -> None:
    assert contact_allowed("html") and contact_allowed("ics")
    assert not contact_allowed("text") and not contact_allowed("md")
    assert contact_allowed("text", asked=True) and contact_allowed("md", asked=True)
