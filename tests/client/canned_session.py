"""A requests session that never touches the network: each request is recorded and answered from a script, so the
client's own code (URL, body, headers, reading the answer) runs unchanged against canned panel answers."""
from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import requests
from requests.adapters import BaseAdapter
from urllib3 import HTTPResponse


@dataclass
class Sent:
    method: str
    url: str
    headers: dict
    body: dict | None

    @property
    def path(self) -> str:
        return self.url.split("/api/v1", 1)[1].split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.url.split("?", 1)[1] if "?" in self.url else ""


@dataclass
class Canned:
    status: int = 200
    body: bytes = b'{"data": {}}'
    headers: dict = field(default_factory=lambda: {"Content-Type": "application/json"})


def data(value, status: int = 200, **headers: str) -> Canned:
    text = json.dumps({"data": value}, default=lambda v: str(v) if isinstance(v, Decimal) else v)
    return Canned(status, text.encode(), {"Content-Type": "application/json", **headers})


class _Adapter(BaseAdapter):
    def __init__(self, answer: Callable[[Sent], Canned], sent: list[Sent]) -> None:
        super().__init__()
        self.answer = answer
        self.sent = sent

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        body = json.loads(request.body) if request.body else None
        record = Sent(request.method, request.url, dict(request.headers), body)
        self.sent.append(record)
        canned = self.answer(record)
        raw = HTTPResponse(body=io.BytesIO(canned.body), headers=canned.headers, status=canned.status,
                           preload_content=False, decode_content=False)
        response = requests.Response()
        response.status_code = canned.status
        response.headers = requests.structures.CaseInsensitiveDict(canned.headers)
        response.raw = raw
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


class CannedSession(requests.Session):
    """`CannedSession(answer)`: `answer(sent) -> Canned` for every request; `.sent` lists what was asked."""

    def __init__(self, answer: Callable[[Sent], Canned] | None = None) -> None:
        super().__init__()
        self.sent: list[Sent] = []
        adapter = _Adapter(answer or (lambda sent: data({})), self.sent)
        self.mount("http://", adapter)
        self.mount("https://", adapter)
