"""Checkout: the dialog and the embedded gateway page. The only package that imports QtWebEngine."""
from .dialog import CheckoutDialog
from .web import CheckoutPage, CheckoutWebView

__all__ = ["CheckoutDialog", "CheckoutPage", "CheckoutWebView"]
