"""The November calendar as a file readers add to their own calendar: one .ics per language, valid
(it parses back), with the month of Canada Career Month and its four weeks, each naming its objective
and linking its messages, every year; offered on the home and communication plan pages."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from bdw_guide.calendar_file import calendar_ics, weeks
from bdw_guide.render import CALENDAR_PATH

from conftest import GUIDE

SITE_URL = "https://example.org/guide/"
LANGS = [("fr", ""), ("en", "en/")]


def events(ics: bytes) -> list:
    calendar = Calendar.from_ical(ics)
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("lang, prefix", LANGS)
def test_the_file_parses_back_with_the_month_and_its_weekly_events(lang, prefix):
    found = events(calendar_ics(GUIDE, lang, SITE_URL + prefix))
    month = GUIDE.calendar.month_number
    assert len(found) == 1 + len(GUIDE.calendar.weeks) == 5
    whole, *weekly = found
    assert str(whole["summary"]) == GUIDE.calendar.event[lang]
    start, end = whole.decoded("dtstart"), whole.decoded("dtend")
    assert (start.month, start.day) == (month, 1) and end - start == timedelta(monthrange(start.year, month)[1])
    for n, (event, week) in enumerate(zip(weekly, GUIDE.calendar.weeks, strict=False), 1):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert start.month == month and start.day == 7 * n - 6 and end - start == timedelta(days=7)
        objective = GUIDE.objectives[week.objective]
        assert str(event["summary"]).endswith(objective.short[lang])
        description = str(event["description"])
        assert objective.title[lang] in description
        for audience in GUIDE.audiences:
            entry = GUIDE.message(week.objective, audience)
            assert entry.data.headline[lang] in description
            assert f"{SITE_URL}{prefix}messages/objectives/{week.objective}/#{entry.anchor}" in description
        assert str(event["url"]) == f"{SITE_URL}{prefix}messages/objectives/{week.objective}/"
    for event in found:
        assert dict(event["rrule"]) == {"FREQ": ["YEARLY"]}  # Canada Career Month is every November
    assert len({str(e["uid"]) for e in found}) == len(found)


def test_the_file_depends_on_the_data_only():
    """No build date inside: the same data give the same bytes (and the guide's year starts the series)."""
    first, again = calendar_ics(GUIDE, "fr", SITE_URL), calendar_ics(GUIDE, "fr", SITE_URL)
    assert first == again
    assert events(first)[0].decoded("dtstart").year == GUIDE.campaign.year


def test_weeks_stay_inside_the_month():
    assert weeks(2024, 11, 4) == [(date(2024, 11, d), date(2024, 11, d + 7)) for d in (1, 8, 15, 22)]
    assert weeks(2024, 11, 5)[-1] == (date(2024, 11, 29), date(2024, 12, 1))  # a fifth week ends with the month


@pytest.mark.parametrize("lang, prefix", LANGS)
@pytest.mark.parametrize("page", ["", "communication-plan/"])
def test_home_and_plan_pages_offer_the_file_of_their_language(site, lang, prefix, page):
    html = BeautifulSoup((site / prefix / page / "index.html").read_text(), "lxml")
    link = html.select_one(".bdw-calendar-file a")
    assert link.get_text(strip=True) == GUIDE.t("calendar_add", lang)
    target = (site / prefix / page / link["href"]).resolve()
    assert target == (site / prefix / CALENDAR_PATH.format(lang=lang)).resolve()
    found = events(target.read_bytes())
    assert len(found) == 5 and all(e.decoded("dtstart").month == GUIDE.calendar.month_number for e in found)
