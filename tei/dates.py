"""Dates as printed in transcripts ("Jan. 21, 2016", "July 6, 1989 (Bush Q3)", "2022-12-01", "10 Mar 2008") -> ISO 8601."""
from __future__ import annotations

import datetime
import re

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for m in names}
_WRITTEN = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b")
_DAY_FIRST = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b")  # Mon, 10 Mar 2008
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# whitehouse.gov's numeric form, month first as in the US ("Press Briefing by Press Secretary Josh Earnest, 6/4/2015")
_US_NUMERIC = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\d/])")


def parse_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD, or None."""
    m = _ISO.search(text)
    if m:
        year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    else:
        m = _WRITTEN.search(text)
        if not m or m["month"].lower() not in _MONTHS:
            m = _DAY_FIRST.search(text)
        if not m or m["month"].lower() not in _MONTHS:
            m = _US_NUMERIC.search(text)
            if not m:
                return None
            year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
        else:
            year, month, day = int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    try:
        datetime.date(year, month, day)   # 2020-02-30 is no date: kept as printed, never an invalid @when
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first printed date is in `text` (start, end), or None: to cut a date off a presenter line."""
    for regex in (_ISO, _WRITTEN, _DAY_FIRST, _US_NUMERIC):
        m = regex.search(text)
        if m and (regex in (_ISO, _US_NUMERIC) or m["month"].lower() in _MONTHS):
            return m.start(), m.end()
    return None
