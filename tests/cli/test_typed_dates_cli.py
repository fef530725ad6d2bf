"""`eligibility` and `person add` read dates as clerks type them (issue 12, item 6)."""

from __future__ import annotations

from tests.cli.test_cli import cli

ON = ("--on", "2026-12-05")


def test_two_digit_years_by_what_the_date_is() -> None:
    done = cli("eligibility", "--birth-date", "17.5.94", "--arrival-date", "1.3.24", *ON)
    assert (done["status"], done["reasons"]) == (
        "eligible",
        ["age_reached", "arrival_within_window"],
    )
    # An arrival "1.3.18" is 2018: more than six years before the check.
    late = cli("eligibility", "--birth-date", "17.05.1994", "--arrival-date", "01.03.18", *ON)
    assert late["status"] == "not_eligible"


def test_a_century_that_would_be_a_guess_is_refused() -> None:
    refused = cli("eligibility", "--birth-date", "1.3.24", "--from-abroad", *ON, expect=2)
    assert "1924 oder 2024" in refused["error_de"]
    too_old = cli(
        "eligibility", "--birth-date", "1.1.90", "--arrival-date", "1.3.50", *ON, expect=2
    )
    assert "vierstellig" in too_old["error_de"]
