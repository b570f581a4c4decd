"""Liveness: what a load balancer, the tests' fixture and the benchmark's floor call."""
from fastapi import APIRouter

from ..lists import one

router = APIRouter()


@router.get("/health")
def health():
    return one({"status": "ok"})
