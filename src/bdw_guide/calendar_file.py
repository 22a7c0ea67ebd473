"""The communication calendar as an iCalendar file (.ics) per language, for readers to add to theirs.

What it holds: the month of the sector event (Canada Career Month, data/calendar.yml) as one all-day
event, and one all-day event per week of the calendar: week N runs from day 7N-6 to day 7N of the
month (1–7, 8–14, 15–21, 22–28 November), titled by its objective, describing the objective and its
four messages with a link to each (the objective's page and the card's anchor).

Which year: the guide names none for its calendar, and Canada Career Month comes back every November.
Every event therefore repeats yearly (RRULE:FREQ=YEARLY) from the guide's own year (data/campaign.yml,
`year`): one file stays right every year, a calendar shows the coming November whenever it is
imported, and the file depends only on the data, never on the day of the build (the same data give
the same bytes; DTSTAMP is that first start too).

Made with the maintained `icalendar` library (RFC 5545), at the end of the build (`BuildSession.finish`),
one file per language under that language's root: CALENDAR_PATH.
"""

from __future__ import annotations

import calendar as month_days
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .loader import Guide
from .models import LANGUAGES
from .render import CALENDAR_PATH, OBJECTIVE_PATH
from .ui_text import fill

PLAN_PAGE = "communication-plan/"


def weeks(year: int, month: int, count: int) -> list[tuple[date, date]]:
    """(first day, day after the last) of each week of the month: 1–7, 8–14, 15–21, 22–28."""
    first, after = date(year, month, 1), date(year, month, month_days.monthrange(year, month)[1]) + timedelta(1)
    return [(first + timedelta(7 * n), min(first + timedelta(7 * n + 7), after)) for n in range(count)]


def calendar_ics(guide: Guide, lang: str, base_url: str | None) -> bytes:
    """The calendar file of one language. `base_url` is that language's root on the web
    (https://…/ or https://…/en/); without one, the file names the pages but links none."""
    cal_data, year = guide.calendar, guide.campaign.year
    month = cal_data.month_number
    t = lambda key, **values: fill(guide.t(key, lang), **values)  # noqa: E731
    colon = guide.t("colon", lang)
    host = urlsplit(base_url).netloc if base_url else "beyond-decent-work"
    link = (lambda path: base_url.rstrip("/") + "/" + path) if base_url else (lambda path: "")

    cal = Calendar()
    cal.add("prodid", f"-//{guide.campaign.publisher}//{guide.campaign.title['en']}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add(
        "x-wr-calname",
        fill(guide.t("calendar_file_name", lang), site=guide.t("site_name", lang), month=cal_data.month[lang]),
    )
    stamp = datetime(year, month, 1, tzinfo=UTC)

    def event(uid: str, start: date, end: date, summary: str, description: str, url: str) -> Event:
        item = Event()
        item.add("uid", f"bdw-{uid}-{lang}@{host}")
        item.add("dtstamp", stamp)
        item.add("dtstart", start)
        item.add("dtend", end)
        item.add("rrule", {"freq": "yearly"})
        item.add("transp", "TRANSPARENT")  # a campaign week does not make anyone busy
        item.add("summary", summary)
        item.add("description", description)
        if url:
            item.add("url", url)
        return item

    spans = weeks(year, month, len(cal_data.weeks))
    plan_lines = [fill(guide.t("calendar_file_month", lang), month=cal_data.month[lang], event=cal_data.event[lang])]
    for n, week in enumerate(cal_data.weeks, 1):
        plan_lines.append(f"{fill(guide.t('week_n', lang), n=n)}{colon} {guide.objectives[week.objective].title[lang]}")
    if base_url:
        plan_lines += ["", link(PLAN_PAGE)]
    first, last = spans[0][0], date(year, month, month_days.monthrange(year, month)[1]) + timedelta(1)
    cal.add_component(event("month", first, last, cal_data.event[lang], "\n".join(plan_lines), link(PLAN_PAGE)))

    for n, (week, (start, end)) in enumerate(zip(cal_data.weeks, spans, strict=False), 1):
        objective = guide.objectives[week.objective]
        page = OBJECTIVE_PATH.format(id=week.objective)
        lines = [
            f"{fill(guide.t('objective_n', lang), n=guide.objective_number(week.objective))}{colon} "
            f"{objective.title[lang]}",
            "",
            t("calendar_file_messages"),
        ]
        for audience_id, audience in guide.audiences.items():
            entry = guide.message(week.objective, audience_id)
            lines.append(f"– {audience.title[lang]}{colon} {entry.data.headline[lang]}")
            if base_url:
                lines.append(f"  {link(page)}#{entry.anchor}")
        summary = f"{fill(guide.t('week_n', lang), n=n)}{colon} {objective.short[lang]}"
        cal.add_component(event(f"week-{n}", start, end, summary, "\n".join(lines), link(page)))
    return cal.to_ical()


def language_root(site_url: str | None, lang: str, default_language: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + ("" if lang == default_language else f"{lang}/")


def write_calendars(guide: Guide, site_dir: Path, site_url: str | None, default_language: str) -> list[Path]:
    """Write each language's file under its root in the built site; returns the files written."""
    written = []
    for lang in LANGUAGES:
        root = site_dir if lang == default_language else site_dir / lang
        path = root / CALENDAR_PATH.format(lang=lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_ics(guide, lang, language_root(site_url, lang, default_language)))
        written.append(path)
    return written
