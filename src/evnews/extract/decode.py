"""Turn a fetched page's bytes into text without mojibake.

Order of evidence, strongest first:
1. a byte-order mark (it cannot be wrong, so it overrides any declaration, as in
   the WHATWG encoding-sniffing rules);
2. the encoding the caller passes (the HTTP Content-Type charset);
3. the page's own `<meta charset>` / `http-equiv` / XML declaration;
4. UTF-8, if the bytes are valid UTF-8 (most of the web);
5. statistical detection (charset_normalizer), preferring Windows-1252 among
   near-equal Latin guesses because that is what undeclared Western pages are.
A declared encoding that fails to decode the bytes is ignored, not trusted.
A declared single-byte Latin encoding is also overruled when the bytes are
valid UTF-8 with non-ASCII characters: servers default their header to
ISO-8859-1, while real Windows-1252 text almost never forms valid UTF-8.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# Browsers treat these labels as Windows-1252, and so do pages that use them.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                   "ascii": "cp1252", "us-ascii": "cp1252", "iso8859-1": "cp1252"}
_SINGLE_BYTE_LATIN = {"cp1252", "windows1252", "iso88591", "latin1", "iso885915", "latin9"}
_LATIN_GUESSES = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9"}


def decode_html(body: bytes | str, encoding: str | None = None) -> str:
    """The page as text, decoded by the strongest evidence that actually works."""
    if isinstance(body, str):
        return body
    bom = _bom_encoding(body)
    if bom:
        return body.decode(bom, errors="replace")
    for label in (encoding, declared_encoding(body)):
        text = _try_decode(body, label)
        if text is not None:
            return _prefer_utf8(body, label, text)
    text = _try_decode(body, "utf-8")
    if text is not None:
        return text
    return _detect(body)


def declared_encoding(body: bytes) -> str | None:
    """The charset the page declares in its first 4 KB, if any."""
    head = body[:4096]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _prefer_utf8(body: bytes, label: str | None, text: str) -> str:
    name = _WHATWG_ALIASES.get((label or "").strip().lower(), (label or "").strip().lower())
    if name.replace("-", "").replace("_", "") not in _SINGLE_BYTE_LATIN or body.isascii():
        return text
    utf8 = _try_decode(body, "utf-8")
    return utf8 if utf8 is not None else text


def _bom_encoding(body: bytes) -> str | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    return None


def _try_decode(body: bytes, label: str | None) -> str | None:
    if not label:
        return None
    name = _WHATWG_ALIASES.get(label.strip().lower(), label.strip())
    try:
        codecs.lookup(name)
        return body.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _detect(body: bytes) -> str:
    matches = from_bytes(body[:200_000])
    best = matches.best()
    if best is None:
        return body.decode("cp1252", errors="replace")
    if best.encoding in _LATIN_GUESSES and _try_decode(body, "cp1252") is not None:
        # Detectors split hairs between Latin code pages on short texts; the
        # undeclared Western page is overwhelmingly Windows-1252 in practice.
        return body.decode("cp1252")
    return str(best)
