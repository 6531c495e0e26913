"""Extract: a page (plain text or HTML) → headline, dateline, paragraphs and the teaser box."""
