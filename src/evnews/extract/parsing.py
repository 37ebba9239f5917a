"""A page's HTML as the lxml tree trafilatura's `load_html` builds, built more cheaply.

trafilatura parses with `lxml.html.HTMLParser`, whose element classes are
chosen by a Python callback (`HtmlElementClassLookup.lookup`) every time lxml
creates a Python object for a node. Every check after parsing (ours,
trafilatura's, readability's) walks the tree, so that callback ran about a
thousand times per news page. The parser below has the same options and maps
tags to the same classes (`<form>` -> FormElement, ..., anything else ->
HtmlElement), but with lxml's own lookup tables, which run in C.

`parse_html` follows `trafilatura.utils.load_html` (and its
`repair_faulty_html`) step by step for text input, so the tree is the one
trafilatura would build (tests compare them).
"""

from __future__ import annotations

import threading

import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlElementClassLookup, HtmlEntity, HtmlProcessingInstruction
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html

# INVALID_XML_CHARS as a deletion table: str.translate has a fast path for
# ASCII text that a regex scan over a 60 KB page does not (0.04 vs 0.2 ms).
_ASCII_INVALID = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes, looked up by tag name in C."""
    default = etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    lookup = etree.ElementNamespaceClassLookup(default)
    by_tag = lookup.get_namespace(None)
    for tag, element_class in HtmlElementClassLookup()._element_classes.items():
        by_tag[tag] = element_class
    return lookup


def _parser() -> etree.HTMLParser:
    # The options of trafilatura.utils.HTML_PARSER.
    parser = etree.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(_class_lookup())
    return parser


# lxml parsers must not be shared between threads; one per thread is cheap.
_PER_THREAD = threading.local()


def _thread_parser() -> etree.HTMLParser:
    parser: etree.HTMLParser | None = getattr(_PER_THREAD, "parser", None)
    if parser is None:
        parser = _PER_THREAD.parser = _parser()
    return parser


def parse_html(text: str) -> HtmlElement | None:
    """The tree of `text`, or None when it does not read as HTML (as `load_html` decides)."""
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = _repair(text, beginning)
    tree: HtmlElement | None = None
    parsed_bytes = False
    try:
        tree = lxml.html.fromstring(text, parser=_thread_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, parsed_bytes = _parse_bytes(text), True
    except Exception:  # noqa: BLE001 - as load_html: any parser failure means "no tree"
        tree = None
    if (tree is None or len(tree) < 1) and not parsed_bytes:
        tree = _parse_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _repair(text: str, beginning: str) -> str:
    """trafilatura.utils.repair_faulty_html, with a cheaper removal of invalid characters."""
    text = without_invalid_chars(text)
    if "doctype" in beginning:  # libxml2 trips over a self-closing doctype
        first_line, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text


def without_invalid_chars(text: str) -> str:
    """`text` without the characters XML forbids (INVALID_XML_CHARS)."""
    return text.translate(_ASCII_INVALID) if text.isascii() else INVALID_XML_CHARS.sub("", text)


def _parse_bytes(text: str) -> HtmlElement | None:
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_thread_parser())
    except Exception:  # noqa: BLE001 - as trafilatura's fromstring_bytes
        return None
