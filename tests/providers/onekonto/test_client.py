"""The generated 1Konto client, through `onekonto.client(...)`, against the emulator over loopback.

One emulator (test mode: every response is checked against the spec) serves the module; each test
resets and seeds it through the control API.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from onekonto_client import AuthenticatedClient, Client, errors
from onekonto_client.api.accounting import get_account, get_withdraw_instructions
from onekonto_client.api.authentication import login
from onekonto_client.api.withdraw_requests import (
    create_blockchain_withdraw_request,
    create_fiat_withdraw_request,
    list_withdraw_requests,
)
from onekonto_client.models import (
    AccountResponse,
    BlockchainWithdrawRequest,
    FiatTransferType,
    FiatWithdrawRequest,
    LoginRequest,
    LoginResponse,
    RequestErrors,
    RequestStatus,
    StatusError,
    TransferInstructions,
    WithdrawRequest,
    WithdrawRequestCreated,
    WithdrawRequestList,
    WithdrawType,
)

from withdrawal_apis import hs256
from withdrawal_apis.providers import onekonto
from withdrawal_apis.providers.onekonto.auth import password_digest
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.testing import Emulator

ALICE, ALICE_PASSWORD = "alice@1konto.test", "alice's password"
BOB, BOB_PASSWORD = "bob@1konto.test", "bob's password"
WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
ETH_WALLET = "0x52908400098527886E0F7030069857D2E4169EE7"
BANK = {"routingNumber": "012345678", "accountNumber": "0123456789"}
OWNERS = {"acct-1": (ALICE, ALICE_PASSWORD), "acct-2": (BOB, BOB_PASSWORD), "acct-shared": (BOB, BOB_PASSWORD)}


def seed() -> dict[str, Any]:
    bank = {"routingNumber": BANK["routingNumber"], "asset": "USD", "bankName": "My Bank", "beneficiaryName": "Alice"}
    return {
        "accounts": [
            {
                "id": "acct-1",
                "credentials": [
                    {"key_id": ALICE, "secret": ALICE_PASSWORD, "data": {"name": "Alice"}},
                    {"key_id": "carol@1konto.test", "secret": "carol's", "active": False},
                ],
                "balances": {"BTC": "999", "USD": "1000.00", "ETH": "2"},
                "whitelist": [
                    {"network": "bitcoin", "address": WALLET, "data": {"asset": "BTC"}},
                    {"network": "ethereum", "address": ETH_WALLET},
                    {"network": "fedwire", "address": BANK["accountNumber"], "data": bank},
                    {"network": "ach", "address": BANK["accountNumber"], "data": bank},
                ],
                "extra": {"name": "Alice Trading", "type": "client"},
            },
            {
                "id": "acct-2",
                "credentials": [{"key_id": BOB, "secret": BOB_PASSWORD}],
                "balances": {"BTC": "5"},
            },
            # Bob's second account, opened to Alice as well.
            {"id": "acct-shared", "balances": {"BTC": "1"}, "extra": {"users": [ALICE, BOB]}},
        ]
    }


class OneKontoSandbox(Emulator):
    """The 1Konto emulator on a loopback port, shared by the module and re-seeded for every test."""

    def __init__(self) -> None:
        super().__init__("onekonto", SandboxConfig(test_mode=True, rate_limit=0), serve=True, seed=None)

    def reseed(self, data: dict[str, Any] | None = None) -> None:
        self.raw.post("/_sandbox/reset").raise_for_status()
        self.raw.put("/_sandbox/config", json={"advance": "manual"}).raise_for_status()
        self.raw.post("/_sandbox/seed", json=data or seed()).raise_for_status()

    def client(self, user: str = ALICE, password: str = ALICE_PASSWORD, account: str = "acct-1") -> Any:  # type: ignore[override]
        return onekonto.client(user, password, account, base_url=self.base_url, raise_on_unexpected_status=True)

    def balance(self, account: str, asset: str) -> tuple[Decimal, Decimal]:
        """(free, locked) read exactly through the provider's own Get Account, as the account's owner."""
        user, password = OWNERS[account]
        with httpx.Client(base_url=self.base_url, auth=onekonto.OneKontoAuth(user, password)) as http:
            response = http.get(f"/api/v1/accounting/account/{account}")
        entry = onekonto.exact_balances(response.content)[asset]
        return entry["free"], entry["locked"]

    def post_transition(self, request_id: str, name: str) -> httpx.Response:
        return self.raw.post(f"/_sandbox/withdrawals/{request_id}/transitions", json={"transition": name})


@pytest.fixture(scope="module")
def server() -> Iterator[OneKontoSandbox]:
    with OneKontoSandbox() as emulator:
        yield emulator
        assert not emulator.violations, emulator.violations


@pytest.fixture
def emulator(server: OneKontoSandbox) -> OneKontoSandbox:
    server.reseed()
    return server


def blockchain(amount: str, network: str | None = "bitcoin", address: str | None = WALLET) -> BlockchainWithdrawRequest:
    body = BlockchainWithdrawRequest(amount=amount)
    if network is not None:
        body.network = network
    if address is not None:
        body.address = address
    return body


def refused(response: Any) -> list[str]:
    assert response.status_code == 400, response.content
    assert isinstance(response.parsed, RequestErrors)
    assert response.parsed.status == "badRequest"
    assert response.parsed.http_status_code == 400
    errors: list[str] = response.parsed.errors
    return errors


def create(client: Any, amount: str = "1 BTC", account: str = "acct-1") -> str:
    response = create_blockchain_withdraw_request.sync_detailed(account, client=client, body=blockchain(amount))
    assert response.status_code == 200, response.content
    assert isinstance(response.parsed, WithdrawRequestCreated)
    return str(response.parsed.withdraw_request_id)


# -- the factory and the happy path ---------------------------------------------------------------
def test_factory_returns_the_generated_client_with_the_account(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    assert isinstance(client, AuthenticatedClient)
    assert isinstance(client, onekonto.OneKontoClient)
    assert client.account_id == "acct-1"
    account = get_account.sync(client.account_id, client=client)
    assert isinstance(account, AccountResponse)
    assert account.account.account_id == "acct-1"
    assert account.account.name == "Alice Trading"
    assert account.account.balances["BTC"].free == 999
    assert account.account.balances["BTC"].locked == 0


def test_blockchain_request_locks_then_completes(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    request_id = create(client, "1.5 BTC")
    assert len(request_id) == 22
    assert emulator.balance("acct-1", "BTC") == (Decimal("997.5"), Decimal("1.5"))
    page = list_withdraw_requests.sync("acct-1", client=client, withdraw_request_id=request_id)
    assert isinstance(page, WithdrawRequestList)
    [record] = page.withdraw_requests
    assert (record.request_status, record.type_, record.amount) == (
        RequestStatus.PENDING,
        WithdrawType.BLOCKCHAIN,
        "1.5 BTC",
    )
    assert (record.network, record.address) == ("bitcoin", WALLET)
    # 1Konto prints seven fractional digits; the generated client still reads them as an aware datetime.
    assert isinstance(record.submitted_at, datetime)
    assert record.submitted_at.utcoffset() == timedelta(0)
    raw = list_withdraw_requests.sync_detailed("acct-1", client=client).content
    assert re.search(rb'"submittedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z"', raw)

    assert emulator.post_transition(request_id, "complete").json()["status"] == "completed"
    assert emulator.balance("acct-1", "BTC") == (Decimal("997.5"), Decimal(0))
    page = list_withdraw_requests.sync("acct-1", client=client, withdraw_request_id=request_id)
    assert isinstance(page, WithdrawRequestList)
    assert page.withdraw_requests[0].request_status is RequestStatus.COMPLETED
    assert emulator.post_transition(request_id, "cancel").status_code == 409  # terminal


@pytest.mark.parametrize(("transition", "status"), [("cancel", "canceled"), ("reject", "rejected")])
def test_cancel_and_reject_release_the_locked_amount(emulator: OneKontoSandbox, transition: str, status: str) -> None:
    request_id = create(emulator.client(), "0.12345678 BTC")
    assert emulator.balance("acct-1", "BTC") == (Decimal("998.87654322"), Decimal("0.12345678"))
    assert emulator.post_transition(request_id, transition).json()["status"] == status
    assert emulator.balance("acct-1", "BTC") == (Decimal("999"), Decimal(0))


def test_amounts_are_exact(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    for _ in range(3):
        create(client, "0.1 BTC")
    assert emulator.balance("acct-1", "BTC") == (Decimal("998.7"), Decimal("0.3"))
    raw = get_account.sync_detailed("acct-1", client=client).content
    assert onekonto.exact_balances(raw)["BTC"] == {
        "free": Decimal("998.7"),
        "locked": Decimal("0.3"),
        "limit": Decimal(0),
        "pendingDeposit": Decimal(0),
        "available": Decimal(0),
    }
    assert b'"free":998.7,"locked":0.3' in raw  # JSON numbers, written exactly


def test_fiat_request_to_the_whitelisted_bank(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    body = FiatWithdrawRequest(
        amount="100.50 USD",
        type_=FiatTransferType.FEDWIRE,
        routing_number=BANK["routingNumber"],
        account_number=BANK["accountNumber"],
        instructions=["ref 42"],
    )
    response = create_fiat_withdraw_request.sync_detailed("acct-1", client=client, body=body)
    assert response.status_code == 200, response.content
    assert emulator.balance("acct-1", "USD") == (Decimal("899.50"), Decimal("100.50"))
    page = list_withdraw_requests.sync("acct-1", client=client, type_=WithdrawType.FEDWIRE)
    assert isinstance(page, WithdrawRequestList)
    [record] = page.withdraw_requests
    assert (record.routing_number, record.account_number, record.instructions) == (
        "012345678",
        "0123456789",
        ["ref 42"],
    )


def test_withdraw_instructions_list_the_whitelist(emulator: OneKontoSandbox) -> None:
    instructions = get_withdraw_instructions.sync("acct-1", client=emulator.client())
    assert isinstance(instructions, TransferInstructions)
    items = {(str(i.asset_type), str(i.network_type or i.method)): i for i in instructions.instructions}
    assert items["blockchain", "bitcoin"].address == WALLET
    assert items["blockchain", "bitcoin"].asset == "BTC"
    assert items["fiat", "fedwire"].bank_routing_number == "012345678"
    assert items["fiat", "ach"].beneficiary_account_number == "0123456789"
    # Bob's account has no whitelisted destination: the 404 by analogy with the deposit page.
    missing = get_withdraw_instructions.sync_detailed("acct-2", client=emulator.client(BOB, BOB_PASSWORD))
    assert missing.status_code == 404
    assert isinstance(missing.parsed, StatusError)
    assert missing.parsed.error == "The withdraw instructions with the provided ID were not found"


# -- the seed's error messages and the validation rules ---------------------------------------------
def test_the_docs_validation_message(emulator: OneKontoSandbox) -> None:
    response = create_blockchain_withdraw_request.sync_detailed(
        "acct-1", client=emulator.client(), body=blockchain("0")
    )
    assert refused(response) == ["ValidationFailed: Amount: must be positive. Asset: required"]


def test_the_docs_insufficient_funds_message(emulator: OneKontoSandbox) -> None:
    response = create_blockchain_withdraw_request.sync_detailed(
        "acct-1", client=emulator.client(), body=blockchain("1100 BTC")
    )
    assert refused(response) == ["Insufficient Funds: Requested 1100 BTC but only 999 BTC is available"]
    assert emulator.balance("acct-1", "BTC") == (Decimal(999), Decimal(0))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (blockchain("-1 BTC"), "ValidationFailed: Amount: must be positive"),
        (blockchain("5"), "ValidationFailed: Asset: required"),
        (blockchain("1 XYZ"), "ValidationFailed: Asset: XYZ is not supported"),
        (blockchain("1 USD"), "ValidationFailed: Asset: USD is not a blockchain asset"),
        (blockchain("0.000000001 BTC"), "ValidationFailed: Amount: BTC allows at most 8 decimal places"),
        (
            blockchain("1 BTC", address="bc1qnotwhitelisted"),
            "Destination Not Whitelisted: bc1qnotwhitelisted is not a whitelisted bitcoin wallet of this account",
        ),
        (
            blockchain("1 BTC", network="ethereum"),
            f"Network Mismatch: {WALLET} is whitelisted on bitcoin, not ethereum",
        ),
        (blockchain("1 ETH"), f"Asset Not Supported: {WALLET} on bitcoin receives BTC only"),
    ],
)
def test_blockchain_rules(emulator: OneKontoSandbox, body: BlockchainWithdrawRequest, message: str) -> None:
    response = create_blockchain_withdraw_request.sync_detailed("acct-1", client=emulator.client(), body=body)
    assert refused(response) == [message]
    assert emulator.balance("acct-1", "BTC") == (Decimal(999), Decimal(0))


def test_a_wallet_without_asset_takes_any_blockchain_asset_and_matches_hex_case_insensitively(
    emulator: OneKontoSandbox,
) -> None:
    body = blockchain("0.000000000000000001 ETH", network="ethereum", address=ETH_WALLET.lower())
    response = create_blockchain_withdraw_request.sync_detailed("acct-1", client=emulator.client(), body=body)
    assert response.status_code == 200, response.content
    assert emulator.balance("acct-1", "ETH") == (Decimal("1.999999999999999999"), Decimal("0.000000000000000001"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # `undefined` (the page's unset default), an empty method and one beyond the page's enum (`wire`, in
        # one revision's example) are refused by the schema, in the documented ValidationFailed shape.
        ({"type_": FiatTransferType("undefined")}, "ValidationFailed: Type: must be one of ach, fedwire, rtp, cbit"),
        ({"amount": "1.001 USD"}, "ValidationFailed: Amount: USD allows at most 2 decimal places"),
        ({"amount": "1 BTC"}, "ValidationFailed: Asset: BTC is not a fiat currency"),
        ({"type_": FiatTransferType("")}, "ValidationFailed: Type: must be one of ach, fedwire, rtp, cbit"),
        ({"type_": FiatTransferType("wire")}, "ValidationFailed: Type: must be one of ach, fedwire, rtp, cbit"),
        ({"amount": "-1 USD"}, "ValidationFailed: Amount: must be positive"),
        ({"amount": "0 USD"}, "ValidationFailed: Amount: must be positive"),
        ({"amount": "1"}, "ValidationFailed: Asset: required"),
        (
            {"account_number": "999999999"},
            "Destination Not Whitelisted: bank account ending 9999 at routing number 012345678 "
            "is not a whitelisted bank account of this account",
        ),
        (
            {"type_": FiatTransferType.RTP},
            "Method Not Available: bank account ending 6789 is whitelisted for ach, fedwire, not rtp",
        ),
        ({"amount": "1 EUR"}, "Asset Not Supported: bank account ending 6789 receives USD only"),
        ({"amount": "1000.01 USD"}, "Insufficient Funds: Requested 1000.01 USD but only 1000 USD is available"),
    ],
)
def test_fiat_rules(emulator: OneKontoSandbox, changes: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {"amount": "10 USD", "type_": FiatTransferType.ACH, "routing_number": "012345678"}
    fields |= {"account_number": "0123456789"} | changes
    body = FiatWithdrawRequest(**fields)
    response = create_fiat_withdraw_request.sync_detailed("acct-1", client=emulator.client(), body=body)
    assert refused(response) == [message]


def test_trailing_zeros_within_precision_are_accepted(emulator: OneKontoSandbox) -> None:
    create(emulator.client(), "0.100000000000 BTC")
    assert emulator.balance("acct-1", "BTC")[1] == Decimal("0.1")


# -- querying ---------------------------------------------------------------------------------------
def test_query_filters_and_max(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    first, second, third = create(client, "1 BTC"), create(client, "2 BTC"), create(client, "1.0 BTC")
    emulator.post_transition(second, "reject")

    def ids(**filters: Any) -> list[str]:
        page = list_withdraw_requests.sync("acct-1", client=client, **filters)
        assert isinstance(page, WithdrawRequestList)
        return [r.withdraw_request_id for r in page.withdraw_requests]

    assert ids() == [third, second, first]  # newest first
    assert ids(max_=2) == [third, second]
    assert ids(status=RequestStatus.REJECTED) == [second]
    assert ids(status=RequestStatus.PENDING, max_=1) == [third]
    assert ids(amount="1 BTC") == [third, first]  # numeric equality: "1.0 BTC" is 1 BTC
    assert ids(amount="1 ETH") == []
    assert ids(network="bitcoin", type_=WithdrawType.BLOCKCHAIN) == [third, second, first]
    assert ids(type_=WithdrawType.FEDWIRE) == []
    assert ids(withdraw_request_id="oiJ8s7oh8EqFwwnkZViCGg") == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("max=0", "ValidationFailed: Max: must be at least 1"),
        ("max=ten", "ValidationFailed: Max: must be an integer"),
        ("amount=1BTC", "ValidationFailed: Amount: must match"),
    ],
)
def test_bad_query_parameters_get_request_errors(emulator: OneKontoSandbox, query: str, message: str) -> None:
    with httpx.Client(base_url=emulator.base_url, auth=onekonto.OneKontoAuth(ALICE, ALICE_PASSWORD)) as http:
        response = http.get(f"/api/v1/accounting/account/acct-1/request/withdraw?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "badRequest"
    assert body["httpStatusCode"] == 400
    assert body["errors"][0].startswith(message), body


# -- authentication and scoping ---------------------------------------------------------------------
def test_login_through_the_generated_client(emulator: OneKontoSandbox) -> None:
    public = Client(base_url=emulator.base_url)
    ok = login.sync(client=public, body=LoginRequest(user=ALICE, password=password_digest(ALICE_PASSWORD)))
    assert isinstance(ok, LoginResponse)
    assert (ok.user, ok.email, ok.name, ok.status, ok.http_status_code) == (ALICE, ALICE, "Alice", "ok", 200)
    claims = hs256.unverified_claims(ok.token)
    assert claims["exp"] - claims["iat"] == 24 * 3600
    assert "accounts" not in claims  # membership is read from the store on every request, never trusted


def test_membership_changes_take_effect_at_once(emulator: OneKontoSandbox) -> None:
    """A user removed from a shared account loses it on the next request, whatever token it holds."""
    client = emulator.client(account="acct-shared")
    assert get_account.sync_detailed("acct-shared", client=client).status_code == 200
    emulator.raw.post(
        "/_sandbox/seed",
        json={"accounts": [{"id": "acct-shared", "balances": {"BTC": "1"}, "extra": {"users": [BOB]}}]},
    ).raise_for_status()
    refused = get_account.sync_detailed("acct-shared", client=client)
    assert refused.status_code == 403
    assert json.loads(refused.content) == {"status": 403, "error": "Forbidden"}
    assert get_account.sync_detailed("acct-1", client=emulator.client()).status_code == 200


@pytest.mark.parametrize(
    ("user", "password", "status", "error"),
    [
        (ALICE, "wrong", 401, "Unauthorized"),
        ("nobody@1konto.test", ALICE_PASSWORD, 401, "Unauthorized"),
        ("carol@1konto.test", "carol's", 403, "Forbidden"),  # right password, disabled user
    ],
)
def test_login_refusals(emulator: OneKontoSandbox, user: str, password: str, status: int, error: str) -> None:
    public = Client(base_url=emulator.base_url)
    response = login.sync_detailed(client=public, body=LoginRequest(user=user, password=password_digest(password)))
    assert response.status_code == status
    assert json.loads(response.content) == {"status": status, "error": error}


@pytest.mark.parametrize(
    "sent",
    [
        json.dumps(ALICE_PASSWORD),  # the password itself: the docs' example taken literally
        json.dumps(password_digest(ALICE_PASSWORD).upper()),  # the digest, but not in lowercase hex
        '"p\\u00e4ssw\\u00f6rd"',  # not ASCII: still just a wrong password
    ],
    ids=["plaintext", "uppercase-digest", "non-ascii"],
)
def test_anything_but_the_lowercase_digest_is_a_wrong_password(emulator: OneKontoSandbox, sent: str) -> None:
    body = f'{{"user": {json.dumps(ALICE)}, "password": {sent}}}'
    response = httpx.post(
        f"{emulator.base_url}/api/v1/identity/jwt", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 401
    assert response.json() == {"status": 401, "error": "Unauthorized"}


def test_a_malformed_login_is_refused_without_echoing_the_password(emulator: OneKontoSandbox) -> None:
    secret = "my plaintext password"
    response = httpx.post(f"{emulator.base_url}/api/v1/identity/jwt", json={"user": ALICE, "password": ""})
    assert response.status_code == 400
    assert response.json()["errors"] == ["ValidationFailed: Password: must be at least 1 characters long"]
    lone_surrogate = b'{"user": "alice@1konto.test", "password": "\\ud800"}'
    response = httpx.post(
        f"{emulator.base_url}/api/v1/identity/jwt", content=lone_surrogate, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    response = httpx.post(f"{emulator.base_url}/api/v1/identity/jwt", json={"user": ALICE, "password": 12345678})
    assert response.status_code == 400
    assert "12345678" not in response.text
    response = httpx.post(f"{emulator.base_url}/api/v1/identity/jwt", json=secret)
    assert response.status_code == 400
    assert secret not in response.text


def test_other_accounts_are_forbidden_whether_or_not_they_exist(emulator: OneKontoSandbox) -> None:
    alice = emulator.client()
    for account in ("acct-2", "no-such-account"):
        for response in (
            get_account.sync_detailed(account, client=alice),
            list_withdraw_requests.sync_detailed(account, client=alice),
            create_blockchain_withdraw_request.sync_detailed(account, client=alice, body=blockchain("1 BTC")),
        ):
            assert response.status_code == 403
            assert json.loads(response.content) == {"status": 403, "error": "Forbidden"}
    assert emulator.balance("acct-2", "BTC") == (Decimal(5), Decimal(0))


def test_a_shared_account_opens_to_both_users_and_requests_stay_per_account(emulator: OneKontoSandbox) -> None:
    alice, bob = emulator.client(), emulator.client(BOB, BOB_PASSWORD, "acct-2")
    assert get_account.sync_detailed("acct-shared", client=alice).status_code == 200
    assert get_account.sync_detailed("acct-shared", client=bob).status_code == 200
    create(alice)
    page = list_withdraw_requests.sync("acct-shared", client=bob)
    assert isinstance(page, WithdrawRequestList)
    assert page.withdraw_requests == []  # Alice's request on acct-1 is not visible through acct-shared
    assert get_account.sync_detailed("acct-1", client=bob).status_code == 403


def test_expired_tokens_and_disabled_users_are_refused(emulator: OneKontoSandbox) -> None:
    tokens = emulator.app.provider.tokens  # type: ignore[attr-defined]
    accounts = {"accounts": ["acct-1"]}
    expired, _ = tokens.issue(ALICE, time.time() - 24 * 3600 - 1, accounts)
    fresh, _ = tokens.issue(ALICE, time.time() - 24 * 3600 + 60, accounts)
    path = f"{emulator.base_url}/api/v1/accounting/account/acct-1"
    assert httpx.get(path, headers={"Authorization": f"Bearer {expired}"}).json() == {
        "status": 401,
        "error": "Unauthorized",
    }
    assert httpx.get(path, headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
    # A token outlives neither its user nor a reset of the emulator.
    emulator.raw.post(
        "/_sandbox/seed",
        json={"accounts": [{"id": "acct-1", "credentials": [{"key_id": ALICE, "secret": "x", "active": False}]}]},
    ).raise_for_status()
    assert httpx.get(path, headers={"Authorization": f"Bearer {fresh}"}).status_code == 401


def test_the_client_logs_in_again_after_the_emulator_forgets_its_tokens(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    assert get_account.sync_detailed("acct-1", client=client).status_code == 200
    emulator.reseed()  # new signing key: the cached token is now a forgery
    assert get_account.sync_detailed("acct-1", client=client).status_code == 200
    auth = client.get_httpx_client().auth
    assert isinstance(auth, onekonto.OneKontoAuth)
    assert auth.logins == 2


# -- other behaviour ----------------------------------------------------------------------------------
def test_instant_advance_completes_at_once(emulator: OneKontoSandbox) -> None:
    emulator.raw.put("/_sandbox/config", json={"advance": "instant"}).raise_for_status()
    request_id = create(emulator.client())
    emulator.raw.post("/_sandbox/clock/advance", json={"seconds": 0}).raise_for_status()  # runs what is due
    state = emulator.raw.get(f"/_sandbox/withdrawals/{request_id}").json()
    assert state["status"] == "completed"
    assert emulator.balance("acct-1", "BTC") == (Decimal(998), Decimal(0))


def test_injected_faults_use_the_status_error_shape(emulator: OneKontoSandbox) -> None:
    client = emulator.client()
    assert get_account.sync_detailed("acct-1", client=client).status_code == 200  # logged in
    emulator.raw.post("/_sandbox/faults", json={"count": 1, "status": 503}).raise_for_status()
    with pytest.raises(errors.UnexpectedStatus) as caught:  # 503 is not a documented status
        get_account.sync_detailed("acct-1", client=client)
    assert caught.value.status_code == 503
    assert json.loads(caught.value.content) == {"status": 503, "error": "Service Unavailable"}


@pytest.mark.parametrize(
    ("account", "problem"),
    [
        ({"extra": {"colour": "red"}}, "extra/colour: is not an accepted field"),
        ({"extra": {"users": "alice"}}, "extra/users: must be of type array"),
        ({"balances": {"doge": "1"}}, "balances/doge: is not an accepted name"),
        ({"whitelist": [{"network": "fedwire", "address": "1"}]}, "whitelist/0/data: is required"),
        ({"credentials": [{"key_id": "u", "secret": "p", "data": {"role": "admin"}}]}, "data/role: is not an accepted"),
    ],
)
def test_seeds_are_validated(emulator: OneKontoSandbox, account: dict[str, Any], problem: str) -> None:
    response = emulator.raw.post("/_sandbox/seed", json={"accounts": [{"id": "x", **account}]})
    assert response.status_code == 400
    assert problem in response.json()["error"]


def test_unknown_status_from_the_server_does_not_crash_the_client() -> None:
    record = {"withdrawRequestId": "a", "type": "sepa", "amount": "1 EUR", "requestStatus": "onHold"}
    parsed = WithdrawRequest.from_dict(record)
    assert parsed.request_status == "onHold"
    assert not parsed.request_status.is_known
    assert parsed.type_ == "sepa"
    assert not parsed.type_.is_known
    assert parsed.to_dict()["requestStatus"] == "onHold"


def test_every_documented_status_parses_as_a_known_member() -> None:
    for value in ("invalid", "pending", "completed", "canceled", "rejected"):
        parsed = WithdrawRequestCreated.from_dict(
            {"withdrawRequestId": "a", "requestStatus": value, "status": "ok", "httpStatusCode": 200}
        ).request_status
        assert parsed.is_known
        assert parsed is RequestStatus(value)


def test_requests_are_logged_without_secrets(emulator: OneKontoSandbox, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="withdrawal_apis.sandbox"):
        client = emulator.client()
        create(client)
        httpx.post(f"{emulator.base_url}/api/v1/identity/jwt", json={"user": ALICE, "password": ALICE_PASSWORD})
    lines = "\n".join(r.getMessage() for r in caplog.records if r.name == "withdrawal_apis.sandbox.access")
    assert "POST /api/v1/identity/jwt -> 200" in lines
    auth = client.get_httpx_client().auth
    assert isinstance(auth, onekonto.OneKontoAuth)
    assert auth._token
    for secret in (ALICE_PASSWORD, password_digest(ALICE_PASSWORD), auth._token):
        assert secret not in lines
