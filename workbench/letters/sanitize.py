"""The jurist's rich-text assessment blocks: a small allow-list of markup, sanitised with nh3.

Only these blocks may carry markup (paragraphs, emphasis, lists, line breaks; no attributes, so no
``style``, ``href`` or ``src``). Every value from the import, the claimant or Nav is plain text and is
escaped by the template; it never passes through here.
"""

from __future__ import annotations

import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"p", "em", "strong", "ul", "ol", "li", "br"})


def sanitize_rich_text(html: str | None) -> Markup:
    """Return the block as safe markup: allowed tags kept without attributes, everything else dropped.

    Tags outside the allow-list are removed with their content when they are script/style-like
    (nh3's ``clean_content_tags``) and unwrapped otherwise, so their text remains visible as text.
    """
    if not html:
        return Markup("")
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
        clean_content_tags={"script", "style"},
    )
    return Markup(cleaned)


def plain_text_of(html: str | None) -> str:
    """The visible text of a rich-text block (for emptiness checks)."""
    if not html:
        return ""
    return nh3.clean(html, tags=set(), attributes={}).strip()
