"""sett:// links: the three kinds open, everything else is refused with a reason."""
from __future__ import annotations

import pytest

from app.core.links import Link, LinkError, is_link, parse_link


@pytest.mark.parametrize(("text", "link"), [
    ("sett://invoice/42", Link("invoice", "42")),
    ("sett://service/7/", Link("service", "7")),
    ("SETT://Account/0f3a9c", Link("account", "0f3a9c")),
    ("  sett://invoice/inv_12-a ", Link("invoice", "inv_12-a")),
])
def test_good_links_parse(text, link):
    assert parse_link(text) == link
    assert str(link).startswith("sett://")


@pytest.mark.parametrize(("text", "words"), [
    ("https://invoice/42", "is not a Sett link"),
    ("sett://order/42", "asks for 'order'"),
    ("sett://invoice/", "does not name one invoice"),
    ("sett://invoice/4/2", "does not name one invoice"),
    ("sett://invoice/42?pay=1", "carries more"),
    ("sett://invoice/..%2Fetc", "does not name one invoice"),
    ("sett://" + "a" * 400, "too long"),
    ("sett:invoice", "asks for ''"),
])
def test_bad_links_are_refused_in_words(text, words):
    with pytest.raises(LinkError, match=words.replace("?", r"\?")):
        parse_link(text)


def test_is_link_tells_links_from_other_arguments():
    assert is_link("sett://invoice/1") and is_link("Sett:whatever")
    assert not is_link("--verbose") and not is_link("/tmp/file")
