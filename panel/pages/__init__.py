"""HTML pages the panel serves to a buyer's browser: the pay pages and their messages.

Templates use string.Template; every value is HTML-escaped by `render` unless it is itself rendered markup.
"""
from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template

HERE = Path(__file__).parent


class Markup(str):
    """Already-rendered HTML: inserted as is."""


@cache
def _template(name: str) -> Template:
    return Template((HERE / f"{name}.html").read_text(encoding="utf-8"))


def render(name: str, **values: object) -> Markup:
    safe = {k: v if isinstance(v, Markup) else html.escape(str(v), quote=True) for k, v in values.items()}
    return Markup(_template(name).substitute(safe))


def page(title: str, panel_name: str, content: Markup) -> str:
    return render("base", title=title, panel_name=panel_name, content=content)
