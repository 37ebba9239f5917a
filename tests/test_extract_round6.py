"""Extraction round 6: old table-layout pages, sub-headings and lists trafilatura skipped,
and table rows written as the gold writes them (`a | b | c`).

Own small pages. The positive cases fail with extract-5: a layout table came
out as a few `|`-joined lines mixing the story with sidebars, and on pages
where trafilatura falls back to reading only `<p>` elements, the story's
sub-headings and bullet lists were lost. The negative cases are the chrome
that must stay out: sidebar boxes, data-table rows staying rows, link lists,
comments and a lone closing heading.
"""

from __future__ import annotations

from evnews.extract.article import extract_article, parse_page
from evnews.extract.body import plain_table_rows
from evnews.extract.layout import is_layout_table
from evnews.extract.parsing import parse_html
from evnews.extract.skipped import restore_skipped

URL = "http://127.0.0.1:9/news/buses.html"
STORY = [
    "The regional bus operator said on Monday that it would replace its entire diesel fleet with "
    "electric buses over the next six years, starting with the busiest city routes.",
    "The operator runs about 400 buses from three depots and expects the first 60 electric vehicles "
    "to arrive in the spring, once the charging equipment has been installed.",
    "Drivers will be trained on the new vehicles over the winter, and the union said it had been "
    "consulted on the timetable for the change and on the new shift patterns.",
    "The council, which owns a stake in the operator, welcomed the plan but warned that the grid "
    "connection at the largest depot still needed approval from the network company.",
]
TARGETS = ["Route 1: 20 electric buses by June", "Route 7: 40 electric buses by December"]
CLOSING = ["A second depot is converted in the following year;", "The last diesel bus leaves service in six years."]


def body_page(inner: str, after: str = "") -> str:
    """A page whose article div trafilatura does not recognise: it reads only its `<p>`s."""
    return (
        '<html lang="en"><head><title>Buses go electric</title></head><body>'
        f'<div class="ndc-article"><h1>Buses go electric</h1><div class="txt">{inner}</div>{after}</div>'
        "</body></html>"
    )


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def bullets(items: list[str], attrs: str = "") -> str:
    return f"<ul {attrs}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def lines_of(html: str) -> list[str]:
    return extract_article(html, URL).body_text.split("\n")


# -- sub-headings and lists inside the article -----------------------------------------


def test_a_bullet_list_and_a_sub_heading_between_paragraphs_are_body_lines() -> None:
    inner = paragraphs(STORY[:2]) + bullets(TARGETS) + "<h2>Depot work</h2>" + paragraphs(STORY[2:])
    assert lines_of(body_page(inner)) == [*STORY[:2], *TARGETS, "Depot work", *STORY[2:]]


def test_a_closing_list_under_its_heading_is_body_text() -> None:
    inner = paragraphs(STORY) + "<h2>What to watch</h2>" + bullets(CLOSING)
    assert lines_of(body_page(inner)) == [*STORY, "What to watch", *CLOSING]


def test_a_lone_closing_heading_is_not_added() -> None:
    # A heading with nothing of the story after it labels what follows the story.
    inner = paragraphs(STORY) + "<h3>More on this topic</h3>"
    assert lines_of(body_page(inner)) == STORY


def test_link_lists_and_comments_inside_the_block_stay_out() -> None:
    related = bullets([f'<a href="/n/{i}">Another story about trams and buses {i}</a>' for i in range(3)])
    comments = bullets(["Great news for the city, about time the old buses went.",
                        "Who pays for the chargers though, the council or the operator?"], 'class="comments"')
    inner = paragraphs(STORY[:2]) + related + paragraphs(STORY[2:]) + comments
    assert lines_of(body_page(inner)) == STORY


def test_a_short_closing_tag_list_stays_out() -> None:
    inner = paragraphs(STORY) + bullets(["Buses", "Transport"])
    assert lines_of(body_page(inner)) == STORY


def test_restoring_changes_nothing_when_the_reading_has_every_block() -> None:
    inner = paragraphs(STORY[:2]) + bullets(TARGETS) + "<h2>Depot work</h2>" + paragraphs(STORY[2:])
    lines = [*STORY[:2], *TARGETS, "Depot work", *STORY[2:]]
    assert restore_skipped(lines, parse_page(body_page(inner), URL)) == lines


# -- old table-layout pages ------------------------------------------------------------------


def layout_page(story_cell: str) -> str:
    """A 2012-style page: masthead row, sidebar boxes, the story in a nested table, `<font>` tags."""
    sidebar = ('<table width="100%"><tr><td><font size="1"><b>Fuel prices</b><br>Petrol: 1.39<br>Diesel: 1.45'
               '</font></td></tr><tr><td><font size="1"><b>Top 3</b><br>1. Volt sales hit 2,961<br>'
               "2. Tesla stock tops $35<br>3. Prius passes 3 million</font></td></tr></table>")
    return (
        '<html><head><title>Buses go electric | Green Weekly</title></head><body>'
        '<table width="980"><tr><td colspan="2"><font size="6">Green Weekly</font></td></tr>'
        '<tr><td colspan="2"><font size="1"><a href="/">Home</a> | <a href="/cars">Cars</a></font></td></tr>'
        f'<tr><td width="160">{sidebar}</td><td><table width="100%"><tr><td>'
        f'<h1><font face="Georgia">Buses go electric</font></h1>{story_cell}</td></tr></table></td></tr>'
        '<tr><td colspan="2"><font size="1">Copyright 2012 Green Weekly. Visitors: 0048213</font></td></tr>'
        "</table></body></html>"
    )


def test_a_layout_table_page_gives_its_paragraphs_as_lines_without_the_sidebar() -> None:
    cell = '<font face="Arial" size="2">' + paragraphs(STORY) + "</font>"
    assert lines_of(layout_page(cell)) == STORY


def test_paragraphs_separated_by_breaks_in_a_layout_cell_are_lines() -> None:
    cell = '<font face="Arial" size="2">' + "<br><br>".join(STORY) + "</font>"
    assert lines_of(layout_page(cell)) == STORY


def test_a_data_table_in_the_story_keeps_its_rows() -> None:
    table = ("<table><tr><th>Route</th><th>Buses</th><th>Year</th></tr>"
             "<tr><td>Route 1</td><td>20</td><td>2026</td></tr><tr><td>Route 7</td><td>40</td><td>2027</td></tr></table>")
    html = ('<html><head><title>Buses go electric</title></head><body><article><h1>Buses go electric</h1>'
            f"{paragraphs(STORY[:2])}{table}{paragraphs(STORY[2:])}</article></body></html>")
    tree = parse_page(html, URL)
    assert [table.tag for table in tree.iter("table")] == ["table"]
    # One line a row, cells joined by " | ", without markdown's outer pipes and rule line.
    assert lines_of(html) == [*STORY[:2], "Route | Buses | Year", "Route 1 | 20 | 2026", "Route 7 | 40 | 2027",
                              *STORY[2:]]


def test_plain_table_rows_leave_other_lines_alone() -> None:
    lines = ["Europe | 98% | 75% |", "---|---|---|", "Prices rose 5% | analysts said |", "A sentence."]
    assert plain_table_rows(lines) == ["Europe | 98% | 75%", "Prices rose 5% | analysts said", "A sentence."]
    assert plain_table_rows(["Choose one |", "a -- b"]) == ["Choose one |", "a -- b"]


def test_which_tables_are_layout() -> None:
    def first_table(html: str) -> bool:
        # parse_html: parse_page has already renamed the layout tables.
        return is_layout_table(next(parse_html(f"<html><body>{html}</body></html>").iter("table")))

    assert first_table("<table><tr><td><table><tr><td>x</td><td>y</td></tr></table></td><td>z</td></tr></table>")
    assert first_table(f"<table><tr><td>{paragraphs(STORY[:2])}</td><td>side</td></tr></table>")
    assert first_table("<table><tr><td>one box</td></tr><tr><td>another box</td></tr></table>")
    assert not first_table("<table><tr><td>Europe</td><td>98%</td></tr><tr><td>Japan</td><td>58%</td></tr></table>")
    assert not first_table(f"<table><tr><td><p>{STORY[0]}</p></td><td>note</td></tr></table>")


def test_break_separated_lines_are_read_in_page_order_inside_font_tags() -> None:
    # Old pages wrap text in <font>: the text after a </font> belongs to the line its <br> opened, so this
    # cell holds two prose lines, not one long line and an empty one.
    cell = f"<font>{STORY[0]}<br></font>{STORY[1]}<br>More below."
    table = next(parse_html(f"<html><body><table><tr><td>{cell}</td></tr></table></body></html>").iter("table"))
    assert is_layout_table(table)
    assert not is_layout_table(
        next(parse_html(f"<html><body><table><tr><td><font>{STORY[0]}</font><br>Short note.</td></tr></table></body></html>").iter("table"))
    )
