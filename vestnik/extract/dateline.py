"""Agency datelines: ``СОФИЯ, 17 декември (БТА) –``, ``MOSCOW, Dec 17 (Reuters) -``.

The agency in brackets is the publisher of record (the implicit root of every
source chain); the city is where the story was filed.
"""

from __future__ import annotations

import re

# CITY[, date] (AGENCY) dash — the city may be upper or title case, in Cyrillic or Latin.
DATELINE = re.compile(
    r"""^(?P<city>[A-ZА-ЯЁЇІЄҐЈЉЊЋЏ][\w’'.\- ]{1,40}?)      # city
        (?:,\s*(?P<date>[^()\n]{1,40}?))?                   # optional date
        \s*\((?P<agency>[^()\n]{2,30})\)                    # (AGENCY)
        \s*[–—-]{1,2}\s*""",
    re.X | re.U,
)


def find_dateline(text: str, start: int) -> tuple[tuple[int, int], str, str] | None:
    """Dateline at ``text[start:]``: (span, city, agency) or None."""
    m = DATELINE.match(text, start)
    if not m or m.end() - start > 90:
        return None
    return (start, m.end()), m.group("city").strip(), m.group("agency").strip()
