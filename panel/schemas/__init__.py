"""Pydantic shapes of answers, for the OpenAPI description (routes answer with JSONResponse, so these document)."""
