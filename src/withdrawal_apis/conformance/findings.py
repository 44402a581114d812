"""What schemathesis itself concluded, read from its NDJSON event stream.

The stream names the operations it selected, the phases each finished, every failed check and the
request behind it, and any error that stopped an operation from being tested.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .redact import Redactor


@dataclass(frozen=True)
class Failure:
    operation: str  # label, "POST /v1/withdrawals"
    check: str
    title: str
    message: str
    status: int | None
    request: Request | None


@dataclass(frozen=True)
class Request:
    """The request behind a failure, credentials already redacted."""

    method: str
    url: str
    headers: dict[str, str]
    body: str | None


@dataclass
class Findings:
    operations: set[str] = field(default_factory=set)  # labels of the operations schemathesis ran
    failures: dict[tuple[str, str, str], Failure] = field(default_factory=dict)  # one per (op, check, title)
    errors: list[str] = field(default_factory=list)
    seed: int | None = None


class FindingsReader:
    """Reads the NDJSON file as it grows (`read_new`) into `findings`."""

    def __init__(self, path: Path, redactor: Redactor) -> None:
        self.path = path
        self.redactor = redactor
        self.findings = Findings()
        self._offset = 0

    def read_new(self) -> None:
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            handle.seek(self._offset)
            data = handle.read()
        complete = data[: data.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.splitlines():
            if line.strip():
                self._take(json.loads(line))

    def _take(self, event: dict[str, Any]) -> None:
        (kind, payload), *_ = event.items()
        if kind == "Initialize":
            self.findings.seed = payload.get("seed")
        elif kind == "ScenarioFinished":
            self._scenario(payload)
        elif kind == "NonFatalError":
            label = payload.get("label") or "the run"
            self.findings.errors.append(self.redactor.text(f"{label}: {_error_text(payload)}"))
        elif kind == "FatalError":
            self.findings.errors.append(self.redactor.text(_error_text(payload)))

    def _scenario(self, payload: dict[str, Any]) -> None:
        recorder = payload["recorder"]
        label = recorder.get("label", "")
        if payload.get("phase") != "stateful" and payload.get("status") != "skip":
            self.findings.operations.add(label)
        for case_id, checks in (recorder.get("checks") or {}).items():
            for check in checks:
                info = check.get("failure_info")
                if check.get("status") == "failure" and info:
                    self._failure(recorder, case_id, check["name"], info["failure"])

    def _failure(self, recorder: dict[str, Any], case_id: str, check: str, failure: dict[str, Any]) -> None:
        operation = failure.get("operation") or recorder.get("label", "")
        key = (operation, check, failure.get("title") or "")
        if key in self.findings.failures:
            return
        interaction = (recorder.get("interactions") or {}).get(case_id) or {}
        request = interaction.get("request") or {}
        response = interaction.get("response") or {}
        sent = None
        if request:
            headers = {name: ", ".join(values) for name, values in (request.get("headers") or {}).items()}
            body = _payload(request.get("body"))
            sent = Request(
                request["method"],
                self.redactor.text(request["uri"]),
                self.redactor.headers(headers),
                None if body is None else self.redactor.text(body.decode("utf-8", "replace")),
            )
        answer = _payload(response.get("content"))
        message = failure.get("message") or ""
        if answer:
            message += f"\nanswered: {answer.decode('utf-8', 'replace')[:300]}"
        self.findings.failures[key] = Failure(
            operation=operation,
            check=check,
            title=f"{failure.get('code', '')} {failure.get('title') or check}".strip(),
            message=self.redactor.text(message),
            status=response.get("status_code"),
            request=sent,
        )


def _payload(body: Any) -> bytes | None:
    if isinstance(body, dict) and "$base64" in body:
        return base64.b64decode(body["$base64"])
    if isinstance(body, dict) and "string" in body:
        return str(body["string"]).encode()
    return None


def _error_text(payload: dict[str, Any]) -> str:
    value = payload.get("value") or payload.get("info") or payload
    if isinstance(value, dict):
        return str(value.get("message") or value.get("title") or value.get("exception") or value)
    return str(value)
