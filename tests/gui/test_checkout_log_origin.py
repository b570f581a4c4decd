"""What the checkout's web page logs of a page is its origin: a pay page's path and query can hold its token."""
from PySide6.QtCore import QUrl

from app.views.checkout.web import origin


def test_the_log_names_a_pages_origin_never_its_path_query_or_user():
    url = QUrl("https://user:secret@pay.example.com:8443/pay/tok_live_123?token=abc#frag")
    assert origin(url) == "https://pay.example.com:8443"
    assert origin(QUrl("http://127.0.0.1:9/pay/p-1?key=k")) == "http://127.0.0.1:9"
    assert origin(QUrl("")) == "an unnamed page"
