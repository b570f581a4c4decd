"""Payment gateways: Stripe (the `stripe` library; localstripe offline) and PayPal (Orders API or a sandbox page)."""
