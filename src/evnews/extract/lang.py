"""Language of the body text, without downloading any model (py3langid ships its own).

Most pages this tool reads are English news, so a cheap test comes first: in
English prose the words below make up about a quarter of the running text
(measured: at least 15% on 94% of the English benchmark, dev and generated
texts, at most 8% on every non-English one). Text that passes is English;
everything else goes to py3langid, whose pure-Python byte walk costs about
1 ms per 1,000 characters, so it reads a sample (600 characters gave the same
answer as 2,000 on all 319 texts measured).
"""

from __future__ import annotations

import re

from evnews.extract.langid_model import language_identifier

MIN_CHARS_FOR_TEXT_GUESS = 200
SAMPLE_CHARS = 600
ENGLISH_SAMPLE_CHARS = 1000
ENGLISH_SHARE = 0.15
# Frequent English words that are not also common words of other languages
# ("a", "in", "is", "die", "as", "on" are, so they are left out).
_ENGLISH_WORDS = frozenset(
    "the of and to that for with from by this which were have has its said not but are "
    "been their they would it at".split()
)
_WORD = re.compile(r"\w+")


def detect_language(text: str, html_lang: str = "") -> str:
    """ISO 639-1 code of the text; the page's `lang` attribute only for very short texts."""
    declared = html_lang.split("-")[0].split("_")[0].strip().lower()
    if len(text) < MIN_CHARS_FOR_TEXT_GUESS and declared:
        return declared
    if reads_as_english(text):
        return "en"
    code, _score = language_identifier().classify(text[:SAMPLE_CHARS])
    return str(code)


def reads_as_english(text: str) -> bool:
    tokens = _WORD.findall(text[:ENGLISH_SAMPLE_CHARS].lower())
    return bool(tokens) and sum(token in _ENGLISH_WORDS for token in tokens) >= ENGLISH_SHARE * len(tokens)
