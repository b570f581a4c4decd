"""What the panel answers, declared once for the OpenAPI description (`response_model=` on every route).

`common` holds the building blocks every route uses (envelopes, the error shape, `errors(...)`); the other
modules hold the `*Public` shapes of one area each. Routes still build their answers as plain dicts (the
serialisers in billing/ and elsewhere are the truth); these models describe them, and the Schemathesis run in
tests/panel/test_openapi_fuzz.py checks every answer against them.
"""
