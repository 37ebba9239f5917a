"""Reports on the warehouse: a terminal table (`evnews report`) and one HTML file
(`evnews report --html FILE`). Both read the same named queries (report_*.sql).

    render_terminal(con, console)   rich tables: targets in force, conflicts, latest claims
    render_html(con) -> str         self-contained page: cards, revision timeline, conflicts
"""

from evnews.report.html import build_html, render_html
from evnews.report.terminal import render_terminal

__all__ = ["build_html", "render_html", "render_terminal"]
