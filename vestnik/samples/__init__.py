"""Sample pages for ``make run``, the tests and first-time users (``vestnik extract vestnik/samples``).

- ``bta-putin-north-korea.txt``: the founding example, a BTA page saved as plain text by a crawler
  (headline, article, a box of six teasers).
- Nine HTML pages written for vestnik (3 Bulgarian, 3 Russian, 3 English) in the markup of typical news
  sites: navigation, header, an article with an agency dateline (БТА, ТАСС, РИА Новости, Интерфакс,
  Reuters, AP, AFP), quotes with attributions, a related/latest-news box of teasers (city, headline,
  truncated snippet), footer, cookie banner and scripts. The sites (``*.example``) are fictional; the
  stories are plausible international news (sanctions, talks, protests) naming real public figures,
  written for testing and not reports of real events; no third-party page was copied.
- Encodings: ``bg-bta-eu-sanctions.html`` is windows-1251 with its ``<meta charset>``;
  ``ru-tass-peskov-talks.html`` is KOI8-R with ``<meta charset="koi8-r">``; ``ru-ria-ankara-meeting.html``
  is KOI8-R with no declared charset (characters KOI8-R lacks are HTML character references).
- ``bg-reprint-eu-sanctions.html`` reprints the BTA story of ``bg-bta-eu-sanctions.html`` on another site
  with a new headline and a shortened paragraph: a near-duplicate pair across outlets.
  ``en-reuters-putin-kim.html`` tells the seed page's story in English (a cross-lingual pair).

Readers skip ``.py`` files when walking a directory, so this module is not read as a document.
"""
