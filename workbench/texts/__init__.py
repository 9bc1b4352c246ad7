"""Everything a Norwegian reader sees, in bokmål (``nb``) and nynorsk (``nn``): one place.

* :mod:`~workbench.texts.catalogue` — every fixed text of the letter as a (nb, nn) pair under one key;
  :func:`text` is the one way to it, and an unknown key is an error (:class:`UnknownText`);
* :mod:`~workbench.texts.formatting` — amounts, numbers and dates the Norwegian way
  («kr 1 234,50», «06.10.2025», «6. oktober 2025»), for the letter, the web pages and the CLI.

``tests/texts/`` checks the catalogue for gaps: both standards for every key, the same placeholders in nb
and nn, and every key the code and the templates ask for.
"""

from workbench.texts.catalogue import LANGS, TEXTS, UnknownText, has, law_names, text

__all__ = ["LANGS", "TEXTS", "UnknownText", "has", "law_names", "text"]
