"""Language of the body text, without downloading any model (py3langid ships its own)."""

from __future__ import annotations

import py3langid

MIN_CHARS_FOR_TEXT_GUESS = 200
SAMPLE_CHARS = 2000  # plenty for a confident guess; the cost grows with the length


def detect_language(text: str, html_lang: str = "") -> str:
    """ISO 639-1 code of the text; the page's `lang` attribute only for very short texts."""
    declared = html_lang.split("-")[0].split("_")[0].strip().lower()
    if len(text) < MIN_CHARS_FOR_TEXT_GUESS and declared:
        return declared
    code, _score = py3langid.classify(text[:SAMPLE_CHARS])
    return str(code)
