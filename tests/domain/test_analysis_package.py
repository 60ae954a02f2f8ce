"""The analysis package: every former name still importable, each loaded when first asked for."""

from __future__ import annotations

import subprocess
import sys

from wijksessie.domain import analysis


def test_every_exported_name_resolves_to_its_modules_object() -> None:
    for name in analysis.__all__:
        value = getattr(analysis, name)
        assert value is not None
        assert name in dir(analysis)


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        analysis.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_a_lists_filter_does_not_load_the_overlap_code_or_rapidfuzz() -> None:
    code = (
        "import sys\n"
        "from wijksessie.domain.analysis import matches\n"
        "assert matches(['Taalcafé'], 'cafe')\n"
        "print(sorted(m for m in sys.modules if 'rapidfuzz' in m or m.endswith('.overlap')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
