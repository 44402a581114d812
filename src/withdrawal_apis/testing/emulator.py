"""A running emulator for tests: in-process by default, or on a free loopback port; driven by its control API.

    with Emulator("<provider>") as sandbox:        # demo seed, manual lifecycle, test mode
        http = sandbox.http(auth=...)              # an httpx.Client to the provider API
        sandbox.fail_next(2, status=503)           # the next two provider requests answer 503
        sandbox.complete(withdrawal_id)            # run the rest of the happy path
        sandbox.advance(3600)                      # move the virtual clock, run what came due

Every helper goes through the typed control-API client (`sandbox_control_client`), so tests drive the
emulator exactly as the control API's users do. In test mode (the default) every answer is checked
against the spec; `violations` lists what broke it.
"""

from __future__ import annotations

import copy
import functools
import threading
import time
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import httpx
from sandbox_control_client import AuthenticatedClient as ControlClient
from sandbox_control_client.api.faults import clear_faults, inject_fault
from sandbox_control_client.api.lifecycle import advance_clock, apply_transition, get_withdrawal_state, update_config
from sandbox_control_client.api.state import get_account, list_accounts, reset, seed
from sandbox_control_client.api.webhooks import list_webhook_deliveries
from sandbox_control_client.models import (
    AccountListAccountsItem,
    AccountState,
    Clock,
    Config,
    ConfigAdvance,
    ControlError,
    Delivery,
    Fault,
    FaultStatus,
    Seed,
    TransitionRequest,
    WithdrawalState,
)
from sandbox_control_client.models import AdvanceClock as AdvanceClockBody

from ..emulators import build_app
from ..registry import Provider, resolve
from ..sandbox import SandboxApp, SandboxConfig
from ..sandbox.server import serve_in_thread
from .inprocess import InProcessTransport, LoopThread

IN_PROCESS_HOST = "sandbox.test"
T = TypeVar("T")


@dataclass(frozen=True)
class Captured:
    """A webhook the emulator delivered to the in-process receiver."""

    url: str
    headers: Mapping[str, str]
    body: bytes
    received_at: float  # time.monotonic() on arrival
    answered: int  # the status the receiver answered


class WebhookInbox:
    """Receives the emulator's webhook deliveries in-process.

    It answers 200, or the statuses queued with `fail_next` first (to watch the emulator retry).
    """

    def __init__(self) -> None:
        self.received: list[Captured] = []
        self._answers: list[int] = []
        self._lock = threading.Lock()
        self.transport = httpx.MockTransport(self._receive)

    def fail_next(self, count: int = 1, status: int = 500) -> None:
        """Answer the next `count` deliveries with `status`, to watch the emulator retry."""
        with self._lock:
            self._answers.extend([status] * count)

    def _receive(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            status = self._answers.pop(0) if self._answers else 200
            self.received.append(
                Captured(str(request.url), dict(request.headers), request.content, time.monotonic(), status)
            )
        return httpx.Response(status)


class Emulator(AbstractContextManager["Emulator"]):
    """One provider's emulator for a test: in-process (no port), or on a free loopback port with `serve=True`.

    It is seeded with the provider's demo seed (`seed="demo"`), a seed document of the control API's
    format, or nothing (`seed=None`); it runs in test mode, so every answer is checked against the
    provider's spec (`violations`). Webhooks it sends are captured in-process (`webhooks`) unless
    `capture_webhooks=False`. Everything else is the control API (`/_sandbox/...`), through the
    methods below. Use it in a `with` block, or call `close()`.
    """

    def __init__(
        self,
        provider: Provider | str,
        config: SandboxConfig | None = None,
        *,
        serve: bool = False,
        seed: Mapping[str, Any] | str | None = "demo",
        capture_webhooks: bool = True,
    ) -> None:
        self.provider = resolve(provider)
        self.config = config or SandboxConfig(test_mode=True)
        self.app: SandboxApp = build_app(self.provider, self.config)
        self.webhooks = WebhookInbox()
        if capture_webhooks:  # otherwise deliveries go over the network to the seeded URLs
            self.app.engine.outbox.transport = self.webhooks.transport
        self._loop = LoopThread(f"{self.provider.name}-emulator")
        self._server: AbstractContextManager[str] | None = None
        if serve:
            self._server = serve_in_thread(self.app)
            self.base_url = self._server.__enter__()
            self.transport: httpx.BaseTransport | None = None
            self.async_transport: httpx.AsyncBaseTransport | None = None
        else:
            self._loop.run(_start(self.app))
            in_process = InProcessTransport(self.app, self._loop)
            self.base_url = f"http://{self.provider.name}.{IN_PROCESS_HOST}"
            self.transport, self.async_transport = in_process, in_process
        # The control API's token, when the emulator has one; an empty header otherwise (ignored).
        token = self.config.control_token or ""
        self.control = ControlClient(
            base_url=self.base_url,
            token=token,
            prefix="Bearer" if token else "",
            httpx_args={"transport": self.transport} if self.transport else {},
            raise_on_unexpected_status=True,
        )
        self.seeded: dict[str, Any] = {}
        if seed is not None:
            document = self.app.provider.demo_seed() if seed == "demo" else copy.deepcopy(dict(seed))  # type: ignore[arg-type]
            self.seed(document)

    # -- clients ------------------------------------------------------------------------------
    @functools.cached_property
    def raw(self) -> httpx.Client:
        """One plain httpx client to the emulator, kept open, for the control API on the wire
        (`raw.post("/_sandbox/seed", json=...)`) where a test is about the wire itself."""
        return self.http()

    def http(self, auth: httpx.Auth | None = None, **kwargs: Any) -> httpx.Client:
        """A plain httpx client to the emulator (provider API and `/_sandbox/`)."""
        return httpx.Client(base_url=self.base_url, auth=auth, transport=self.transport, timeout=10, **kwargs)

    def async_http(self, auth: httpx.Auth | None = None, **kwargs: Any) -> httpx.AsyncClient:
        """The same as `http()`, for asyncio."""
        return httpx.AsyncClient(
            base_url=self.base_url, auth=auth, transport=self.async_transport, timeout=10, **kwargs
        )

    @property
    def httpx_args(self) -> dict[str, Any]:
        """What a generated client needs to reach this emulator (`client(..., httpx_args=...)`)."""
        return {"transport": self.transport} if self.transport else {}

    @property
    def credentials(self) -> dict[str, str]:
        """The seeded account's settings under the names `payouts.connect` takes for this provider.

        The key and secret are the first seeded credential's; the rest (an account or merchant id) is
        what the provider's emulator says a client of that account needs.
        """
        holder, credential = next(
            (account, entry) for account in self.seeded.values() for entry in account.get("credentials") or []
        )
        found = self.provider.settings.from_key(credential["key_id"], credential["secret"])
        return found | self.app.provider.client_settings(holder["id"])

    def payouts(self, **options: Any) -> Any:
        """A `withdrawal_apis.payouts.Payouts` for the seeded account, talking to this emulator."""
        from .. import payouts

        settings: dict[str, Any] = {**self.credentials, **options}
        return payouts.connect(self.provider.name, base_url=self.base_url, httpx_args=self.httpx_args, **settings)

    def async_payouts(self, **options: Any) -> Any:
        """The same as an `AsyncPayouts` (close it with `await ....close()`)."""
        from .. import payouts

        settings: dict[str, Any] = {**self.credentials, **options}
        return payouts.connect_async(self.provider.name, base_url=self.base_url, httpx_args=self.httpx_args, **settings)

    def client(self) -> Any:
        """The provider's generated client, authenticated as the seeded account, for its full surface."""
        return self.payouts().client

    # -- state --------------------------------------------------------------------------------
    def seed(self, document: Mapping[str, Any]) -> list[str]:
        """Add or replace accounts (`POST /_sandbox/seed`); the ids of the accounts seeded."""
        result = seed.sync(client=self.control, body=Seed.from_dict(dict(document)))
        accounts = _expect(result, "seed").accounts
        for account in document.get("accounts", []):
            self.seeded[account["id"]] = account
        return accounts

    def reset(self) -> None:
        """Empty the store (`POST /_sandbox/reset`)."""
        reset.sync_detailed(client=self.control)
        self.seeded.clear()

    def accounts(self) -> list[AccountListAccountsItem]:
        """Every account with its key ids, never its secrets."""
        return _expect(list_accounts.sync(client=self.control), "list_accounts").accounts

    def account(self, account_id: str) -> AccountState:
        """One account: its balances, wallets and settings."""
        return _expect(get_account.sync(account_id, client=self.control), "get_account")

    def balance(self, account_id: str, asset: str, wallet: str = "") -> tuple[Decimal, Decimal]:
        """(available, frozen) of one asset in one wallet of an account, as exact Decimals."""
        state = self.account(account_id).to_dict()
        balances = state["balances"] if not wallet else state.get("wallets", {}).get(wallet, {})
        entry = balances.get(asset, {"available": "0", "frozen": "0"})
        return Decimal(entry["available"]), Decimal(entry["frozen"])

    # -- lifecycle and clock ------------------------------------------------------------------
    def state(self, withdrawal_id: str) -> WithdrawalState:
        """A withdrawal's status and the transitions open to it."""
        return _expect(get_withdrawal_state.sync(withdrawal_id, client=self.control), "get_withdrawal_state")

    def transition(self, withdrawal_id: str, name: str) -> WithdrawalState:
        """Apply one of the provider's transitions by name (`approve_level1`, `complete`, ...)."""
        body = TransitionRequest(transition=name)
        return _expect(apply_transition.sync(withdrawal_id, client=self.control, body=body), "apply_transition")

    def complete(self, withdrawal_id: str) -> WithdrawalState:
        """Apply what is left of the provider's happy path (the withdrawal ends completed)."""
        state = self.state(withdrawal_id)
        for name in self.app.engine.withdrawal_lifecycle.happy_path:
            if name in state.available_transitions:
                state = self.transition(withdrawal_id, name)
        return state

    def fail(self, withdrawal_id: str) -> WithdrawalState:
        """Make the withdrawal fail: along the happy path until one of the provider's failures is possible."""
        lifecycle = self.app.engine.withdrawal_lifecycle
        state = self.state(withdrawal_id)
        for name in (*lifecycle.happy_path, None):
            for ending in lifecycle.failures:
                if ending in state.available_transitions:
                    return self.transition(withdrawal_id, ending)
            if name is None or name not in state.available_transitions:
                break
            state = self.transition(withdrawal_id, name)
        raise AssertionError(f"{self.provider.name} withdrawal {withdrawal_id} cannot fail from {state.status}")

    def advance(self, seconds: float) -> Clock:
        """Move the virtual clock forward and run everything that came due."""
        return _expect(advance_clock.sync(client=self.control, body=AdvanceClockBody(seconds=seconds)), "advance")

    def set_advance(self, policy: str) -> None:
        """`manual`, `instant` or `realistic`: how lifecycles move from now on."""
        update_config.sync(client=self.control, body=Config(advance=ConfigAdvance(policy)))

    # -- faults -------------------------------------------------------------------------------
    def fail_next(self, count: int = 1, status: int = 503, *, retry_after: int = 1, commit: bool = False) -> None:
        """The next `count` provider requests answer `status` (after handling them, with `commit`)."""
        fault = Fault(count=count, status=FaultStatus(status), retry_after=retry_after, commit=commit)
        _expect(inject_fault.sync(client=self.control, body=fault), "inject_fault")

    def drop_next(self, count: int = 1, *, commit: bool = True) -> None:
        """The next `count` provider requests lose their answer (handled first, with `commit`)."""
        _expect(inject_fault.sync(client=self.control, body=Fault(count=count, drop=True, commit=commit)), "drop")

    def latency(self, milliseconds: int, count: int = 1) -> None:
        """The next `count` provider requests wait `milliseconds` before they are handled."""
        _expect(inject_fault.sync(client=self.control, body=Fault(count=count, latency_ms=milliseconds)), "latency")

    def clear_faults(self) -> None:
        """Drop every fault still queued."""
        clear_faults.sync_detailed(client=self.control)

    # -- webhooks -----------------------------------------------------------------------------
    def deliveries(self, account_id: str | None = None) -> list[Delivery]:
        """Every webhook the emulator queued, with its attempts (the control API's record)."""
        kwargs = {"account_id": account_id} if account_id else {}
        return _expect(list_webhook_deliveries.sync(client=self.control, **kwargs), "deliveries").deliveries

    def verify_webhook(self, delivery: Captured, secret: str) -> bool:
        """Check a captured delivery's signature with the provider's own verifier, as a receiver would."""
        now = self.app.engine.clock.now()
        return self.app.provider.verify_webhook(secret, delivery.headers, delivery.body, now)

    def deliver_webhooks(self) -> int:
        """Deliver every due webhook now (instead of waiting for the background round)."""
        engine = self.app.engine

        async def deliver() -> int:
            async with httpx.AsyncClient(transport=engine.outbox.transport) as client:
                return await engine.outbox.deliver_due(client)

        return self._loop.run(deliver())

    # -- test mode and shutdown ---------------------------------------------------------------
    @property
    def violations(self) -> list[str]:
        """Answers that broke the provider's spec (the pytest plugin fails a test on any)."""
        return self.app.violations

    def close(self) -> None:
        """Stop the emulator and close its store (the end of a `with` block does it)."""
        if "raw" in self.__dict__:
            self.raw.close()
        if self._server is not None:
            self._server.__exit__(None, None, None)
            self._server = None
        elif not self._loop.loop.is_closed():
            self._loop.run(self.app.stop_background())
        self._loop.close()
        self.app.engine.store.close()

    def __exit__(self, *exc_info: object) -> None:
        self.close()


async def _start(app: SandboxApp) -> None:
    app.start_background()


def _expect(result: T | ControlError | None, what: str) -> T:
    """A typed control-API answer, or AssertionError with the control API's own error text."""
    if result is None or isinstance(result, ControlError):
        raise AssertionError(f"control API {what} failed: {result.error if result else 'no answer'}")
    return result
