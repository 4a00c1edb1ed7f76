"""Where a held certification stands, in words, for the dates the rules in advisor/certification_dates.py give.

Expected dates by hand: valid one year from the (latest day of the) earned month; renewal opens six months
before; AZ-204 retired on 2026-07-31 and AI-900 on 2026-06-30 (knowledge/exams).
"""

from __future__ import annotations

from datetime import date

import pytest

from advisor.held_standing import standing_reply
from presentation.compose import reply_to

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("code, earned, precision, start", [
    ("AI-900", None, "day", "AI-900 never expires: it is a fundamentals certification"),
    ("AZ-104", None, "day", "AZ-104 is valid for one year from the day you earned it"),
    ("AZ-104", date(2026, 3, 1), "month", "Your AZ-104, earned March 2026, is valid until 31 March 2027, and "
                                          "renewal is open now"),
    ("AZ-104", date(2026, 9, 1), "month", "Your AZ-104, earned September 2026, is valid until 30 September 2027; "
                                          "renew it free online between 30 March 2027"),
    ("AZ-104", date(2025, 3, 1), "month", "Your AZ-104, earned March 2025, expired on 31 March 2026 unless you "
                                          "renewed it"),
    ("AZ-204", None, "day", "Your AZ-204 can't be renewed any more (the exam retired on 31 July 2026)"),
    ("AZ-204", date(2026, 5, 1), "month", "Your AZ-204, earned May 2026, stays active until 31 May 2027 but can't "
                                          "be renewed any more"),
])
def test_standing_in_words(code, earned, precision, start, catalog):
    assert reply_to(standing_reply(code, earned, precision, TODAY, catalog)).text.startswith(start)



def test_a_renewal_date_gives_the_range_of_the_new_expiry(catalog):
    from advisor.held_standing import renewed_reply

    # renewed in May 2026, inside the six months before the old expiry (May–November 2026): +1 year
    text = reply_to(renewed_reply("AZ-204", date(2026, 5, 1), "month", TODAY, catalog)).text
    assert "between May 2027 and November 2027" in text and "can't be renewed again" in text


def test_a_renewal_said_by_year_only_is_placed_in_its_window(catalog):
    from datetime import date

    from advisor.certification_dates import HeldDates
    from advisor.held_standing import held_dates_reply

    today = date(2026, 12, 1)
    # earned October 2024 (expiry October 2025), renewed "in 2025": the renewal window was April–October 2025
    october = held_dates_reply("AZ-305", HeldDates(earned=(date(2024, 10, 1), "month"),
                                                   renewed=(date(2025, 1, 1), "year")), today, catalog)
    assert october.heading.startswith("No: your AZ-305 expired in October 2026")
    # earned June 2024, renewed "in 2025": June 2026 if that was the only renewal, June 2027 after a later one
    june = held_dates_reply("AZ-305", HeldDates(earned=(date(2024, 6, 1), "month"),
                                                renewed=(date(2025, 1, 1), "year")), today, catalog)
    assert june.heading.startswith("It depends on the exact renewal date") and "renew by" not in june.heading
