"""One spec's drift check of one exchange: every registered rule, secrets learned first."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..sandbox.contract import media_type
from ..sandbox.routing import Router
from ..spec import SpecDocument
from .findings import Finding
from .known import KnownDeviations
from .redaction import SecretPolicy
from .rules import RULES, Context
from .shapes import Shapes
from .traffic import Exchange


class ExactRouter(Router):
    """The emulators' router, reading JSON numbers in request bodies as exact Decimals, never floats."""

    def _parse_float(self, text: str) -> float:
        super()._parse_float(text)  # the same limits on length and exponent
        return Decimal(text)  # type: ignore[return-value]  # jsonschema_rs validates Decimals as numbers


@dataclass(frozen=True)
class Checked:
    operation: str  # operationId, or "(undocumented)"
    label: str
    findings: list[Finding]


class TrafficValidator:
    def __init__(self, spec: SpecDocument) -> None:
        self.spec = spec
        self.router = ExactRouter(spec)
        self.shapes = Shapes(spec)
        self.known = KnownDeviations(spec)
        self.policy = SecretPolicy.from_spec(spec)
        self.schemas: dict[tuple[str, str | None], str | None] = {}  # (response, media type) -> body schema

    def check(self, exchange: Exchange) -> Checked:
        """Every rule's findings for `exchange`, with every secret the exchange carried scrubbed from them."""
        ctx = Context(self, exchange)
        findings = [finding for check in RULES["request"] for finding in check(ctx)]
        if exchange.status is not None:
            findings += [finding for check in RULES["response"] for finding in check(ctx)]
        if findings:  # secrets are learned where something will be written about the exchange
            self.learn(exchange)
            findings = [self._scrubbed(finding) for finding in findings]
        return Checked(ctx.operation, ctx.label, findings)

    def _scrubbed(self, finding: Finding) -> Finding:
        text = self.policy.text
        seen = text(finding.seen) if isinstance(finding.seen, str) else finding.seen
        return replace(finding, seen=seen, message=text(finding.message))

    def learn(self, exchange: Exchange) -> None:
        """Remember the exchange's secrets before anything about it is written anywhere."""
        policy = self.policy
        for name, value in exchange.request_headers:
            if name.lower() in policy.headers:
                policy.learn_header(name, value)
        for name, value in exchange.response_headers:
            if name.lower() in policy.headers:
                policy.learn_header(name, value)
        if exchange.query:
            policy.query_string(exchange.query)
        policy.learn_body(exchange.request_body, media_type({k.lower(): v for k, v in exchange.request_headers}))
        if exchange.response_body:
            policy.learn_body(exchange.response_body, media_type({k.lower(): v for k, v in exchange.response_headers}))
