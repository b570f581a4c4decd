"""The OpenAPI description's finishing touches: schemas of bodies validated by hand, and no FastAPI leftovers.

Admin catalogue and settings bodies are checked field by field (catalogue_rules, settings.update) so that a
partial PUT merges over the stored row and every problem is reported at once; the route takes them as `Any`.
`body_schema(Model)` gives such a route an `openapi_extra` that points its request body at Model, and `install`
adds those models to the components. FastAPI's own `HTTPValidationError` is dropped: this panel never sends it.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ..json_guard import CHECKED_METHODS

_DOCUMENTED: dict[str, type[BaseModel]] = {}
REF = "#/components/schemas/{model}"
# The model an operation the contract gives no body takes (panel.routes.admin_billing.NoBody), so that a body sent
# to it is refused: it is described as taking none (no requestBody), as the contract describes it, not as one more
# operation with a body whose only valid value is `{}`.
NO_BODY = "NoBody"


def body_schema(model: type[BaseModel], description: str = "") -> dict[str, Any]:
    _DOCUMENTED[model.__name__] = model
    body = {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}}}
    if description:
        body["description"] = description
    return {"requestBody": body}


def install(app: FastAPI, guarded_prefix: str = "/api/v1") -> None:
    """`guarded_prefix`: where json_guard.JsonGuard checks bodies (the app's API prefix)."""
    guarded = {method.lower() for method in CHECKED_METHODS}

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, routes=app.routes,
                             description=app.description)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        if _DOCUMENTED:
            _, defs = models_json_schema([(m, "validation") for m in _DOCUMENTED.values()], ref_template=REF)
            components.update(defs.get("$defs", {}))
        # FastAPI adds a 422 in its own shape to every operation with parameters; routes that can answer 422
        # list it themselves (errors(422)) in the contract's shape, so FastAPI's are dropped, not rewritten.
        for route, path in schema.get("paths", {}).items():
            for method, operation in path.items():
                if REF.format(model=NO_BODY) in str(operation.get("requestBody", "")):
                    del operation["requestBody"]
                answer = operation.get("responses", {}).get("422", {})
                if "HTTPValidationError" in str(answer):
                    del operation["responses"]["422"]
                # Any body over 1 MB is refused before routing (app.limits), whether or not the operation takes
                # one, so every operation can answer 413.
                operation["responses"].setdefault("413", {
                    "description": "The request body is over 1 MB (`payload_too_large`)",
                    "content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorBody")}}}})
                # Likewise a JSON body with a repeated key, deep nesting, NaN, NUL or a lone surrogate is refused
                # before routing (json_guard), also on an operation that reads no body.
                if method in guarded and route.startswith(guarded_prefix + "/"):
                    operation["responses"].setdefault("422", {
                        "description": "The JSON body is not one the panel reads (`validation_error`)",
                        "content": {"application/json": {"schema": {"$ref": REF.format(model="ErrorBody")}}}})
        for leftover in ("HTTPValidationError", "ValidationError", NO_BODY):
            components.pop(leftover, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi
