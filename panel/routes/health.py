"""Liveness: what a load balancer, the tests' fixture and the benchmark's floor call."""
from fastapi import APIRouter

from ..json_guard import JsonRoute
from ..lists import one
from ..schemas.account import HealthPublic
from ..schemas.common import One

router = APIRouter(route_class=JsonRoute)


@router.get("/health", response_model=One[HealthPublic])
def health():
    return one({"status": "ok"})
