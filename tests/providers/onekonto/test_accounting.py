"""1Konto's accounting surface against the emulator: credit, the ledger, deposit instructions, and
withdraw requests that leave their destination to the whitelist.

Each test starts an in-process emulator in test mode (every answer checked against the spec), seeded
with the demo seed (the docs' example account) or its own accounts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest
from onekonto_client.api.accounting import get_account_credit, get_deposit_instructions, list_transactions
from onekonto_client.api.withdraw_requests import create_fiat_withdraw_request, list_withdraw_requests
from onekonto_client.models import (
    AccountCreditResponse,
    FiatTransferType,
    FiatWithdrawRequest,
    RequestStatus,
    StatusError,
    Transaction,
    TransactionList,
    TransactionType,
    TransferInstructions,
    WithdrawRequest,
    WithdrawRequestList,
    WithdrawType,
)

from withdrawal_apis.money import loads_exact
from withdrawal_apis.providers import onekonto
from withdrawal_apis.sandbox import SandboxConfig
from withdrawal_apis.testing import Emulator

USER, PASSWORD, ACCOUNT = "user@example.com", "password", "myAccountID"  # the docs' example, seeded by the demo
LEDGER = f"/api/v1/accounting/ledger/{ACCOUNT}"
BASE = f"/api/v1/accounting/account/{ACCOUNT}"
EVM = "0x52908400098527886E0F7030069857D2E4169EE7"
TRON_A, TRON_B = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", "TVj7RNVHy6thbM7BWdSe9G6gXwKhjhdNZS"


@pytest.fixture
def sandbox() -> Iterator[Emulator]:
    with Emulator("onekonto", SandboxConfig(test_mode=True, rate_limit=0)) as emulator:
        yield emulator
        assert not emulator.violations, emulator.violations


def http(emulator: Emulator, user: str = USER, password: str = PASSWORD) -> httpx.Client:
    return emulator.http(auth=onekonto.OneKontoAuth(user, password))


def client(emulator: Emulator, user: str = USER, password: str = PASSWORD, account: str = ACCOUNT) -> Any:
    return onekonto.client(user, password, account, base_url=emulator.base_url, httpx_args=emulator.httpx_args)


def withdraw(api: httpx.Client, body: dict[str, Any], account: str = ACCOUNT) -> str:
    response = api.post(f"/api/v1/accounting/account/{account}/request/withdraw/blockchain", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["withdrawRequestId"])


def refusal(response: httpx.Response) -> list[str]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert (body["status"], body["httpStatusCode"]) == ("badRequest", 400)
    errors: list[str] = body["errors"]
    return errors


def ledger(api: httpx.Client, account: str = ACCOUNT, **params: Any) -> list[dict[str, Any]]:
    response = api.get(f"/api/v1/accounting/ledger/{account}", params={"max": "1000", **params})
    assert response.status_code == 200, response.text
    transactions: list[dict[str, Any]] = loads_exact(response.content)["transactions"]
    return transactions


def reconciles(emulator: Emulator, api: httpx.Client, account: str = ACCOUNT) -> None:
    """Per asset, the ledger's amounts add up to the account's total (free + locked), exactly."""
    sums: dict[str, Decimal] = {}
    for transaction in ledger(api, account):
        amount = onekonto.parse_amount(transaction["amount"])
        assert amount.asset == transaction["asset"]
        sums[transaction["asset"]] = sums.get(transaction["asset"], Decimal(0)) + amount.value
    raw = api.get(f"/api/v1/accounting/account/{account}").content
    totals = {asset: entry["free"] + entry["locked"] for asset, entry in onekonto.exact_balances(raw).items()}
    assert sums == {asset: total for asset, total in totals.items() if total or asset in sums}


# -- Get Account Credit ---------------------------------------------------------------------------
def test_credit_adds_the_credit_line_to_the_funds(sandbox: Emulator) -> None:
    api = http(sandbox)
    withdraw(api, {"amount": "1.5 BTC"})
    credit = get_account_credit.sync(ACCOUNT, client=client(sandbox))
    assert isinstance(credit, AccountCreditResponse)
    assert (credit.account.account_id, credit.account.type_, credit.account.name) == (ACCOUNT, "client", "Example Name")
    figures = loads_exact(api.get(f"{BASE}/portfolio").content)["account"]["balances"]
    assert figures["BTC"] == {
        "availableToTrade": Decimal("98.5"),
        "totalFunds": Decimal(100),
        "availableFunds": Decimal("98.5"),
        "lockedFunds": Decimal("1.5"),
        "totalCredit": Decimal(0),
        "availableCredit": Decimal(0),
        "usedCredit": Decimal(0),
    }
    assert figures["USD"]["availableToTrade"] == Decimal(12000)  # 10000 own funds + 2000 credit
    assert figures["USDT"]["totalFunds"] == 0
    assert figures["USDT"]["availableToTrade"] == figures["USDT"]["totalCredit"] == Decimal(1000)


def test_credit_is_scoped_like_every_account_path(sandbox: Emulator) -> None:
    sandbox.seed({"accounts": [{"id": "other", "credentials": [{"key_id": "o@x.test", "secret": "o"}]}]})
    response = get_account_credit.sync_detailed("other", client=client(sandbox))
    assert response.status_code == 403
    assert isinstance(response.parsed, StatusError)
    own = get_account_credit.sync("other", client=client(sandbox, "o@x.test", "o", "other"))
    assert isinstance(own, AccountCreditResponse)
    assert own.account.balances.additional_properties == {}


# -- Get Transactions: the ledger -----------------------------------------------------------------
def test_the_ledger_starts_with_the_seeded_balances(sandbox: Emulator) -> None:
    transactions = ledger(http(sandbox))
    assert [(t["type"], t["amount"]) for t in transactions] == [
        ("initialBalances", "100 BTC"),
        ("initialBalances", "10000 USD"),
        ("initialBalances", "5000 USDC"),
    ]
    orderings = [t["ordering"] for t in transactions]
    assert orderings == sorted(orderings)
    assert all(t["accountId"] == ACCOUNT and len(t["transactionId"]) == 22 for t in transactions)


def test_a_withdrawal_is_debited_when_it_settles_and_only_then(sandbox: Emulator) -> None:
    api = http(sandbox)
    paid = withdraw(api, {"amount": "0.25 BTC", "instructions": ["invoice 7"]})
    canceled = withdraw(api, {"amount": "1 BTC"})
    rejected = withdraw(api, {"amount": "2 BTC"})
    assert ledger(api, type="withdrawal") == []  # locked is not debited
    sandbox.transition(canceled, "cancel")
    sandbox.transition(rejected, "reject")
    sandbox.complete(paid)
    [debit] = ledger(api, type="withdrawal")
    assert (debit["asset"], debit["amount"], debit["withdrawRequestId"]) == ("BTC", "-0.25 BTC", paid)
    assert debit["ordering"] > max(t["ordering"] for t in ledger(api, type="initialBalances"))
    [record] = list_requests(sandbox, withdrawRequestId=paid)
    assert debit["createdAt"] == record["updatedAt"]  # debited at the moment the request completed
    reconciles(sandbox, api)


def test_the_ledger_reconciles_after_many_requests_and_a_reseed(sandbox: Emulator) -> None:
    api = http(sandbox)
    ids = [withdraw(api, {"amount": f"0.{i}1 BTC"}) for i in range(1, 6)]
    ids.append(withdraw(api, {"amount": "12.5 USDC"}))
    for request_id in ids[:3] + ids[5:]:
        sandbox.complete(request_id)
    sandbox.transition(ids[3], "cancel")  # ids[4] stays pending: locked, in the total, not in the ledger
    reconciles(sandbox, api)
    # A later seed that changes a balance is a manual adjustment of the difference.
    sandbox.seed({"accounts": [{"id": ACCOUNT, "balances": {"BTC": "150"}}]})
    manual = ledger(api, type="manual")
    free_before = Decimal(100) - sum(Decimal(f"0.{i}1") for i in (1, 2, 3, 5))
    assert [onekonto.parse_amount(t["amount"]).value for t in manual] == [Decimal(150) - free_before]
    reconciles(sandbox, api)
    sandbox.seed({"accounts": [{"id": ACCOUNT, "balances": {"BTC": "150"}}]})  # no change, no line
    assert len(ledger(api, type="manual")) == 1


def test_ledger_filters(sandbox: Emulator) -> None:
    api = http(sandbox)
    request_id = withdraw(api, {"amount": "1 BTC"})
    sandbox.complete(request_id)
    everything = ledger(api)
    debit = everything[-1]
    assert [t["asset"] for t in ledger(api, asset="USDC")] == ["USDC"]
    assert ledger(api, transactionId=debit["transactionId"]) == [debit]
    assert ledger(api, type="deposit") == []
    # A request takes the documented types only (responses stay open): an unknown one is refused.
    unknown = api.get(f"/api/v1/accounting/ledger/{ACCOUNT}", params={"max": "10", "type": "somethingNew"})
    assert unknown.status_code == 400, unknown.text
    assert ledger(api, asset="BTC", type="withdrawal") == [debit]
    assert ledger(api, startAtOrdering=debit["ordering"]) == [debit]  # inclusive
    assert ledger(api, startAtOrdering=debit["ordering"] + 1) == []


def test_paging_with_start_at_ordering_sees_every_transaction_once(sandbox: Emulator) -> None:
    api = http(sandbox)
    for _ in range(4):
        sandbox.complete(withdraw(api, {"amount": "0.1 BTC"}))
    everything = ledger(api)
    assert len(everything) == 7
    seen: list[dict[str, Any]] = []
    start = 0
    while True:
        page = ledger(api, max="2", startAtOrdering=start)
        if not page:
            break
        assert len(page) <= 2
        seen += page
        start = page[-1]["ordering"] + 1
    assert seen == everything


def test_orderings_are_global_so_an_account_sees_gaps(sandbox: Emulator) -> None:
    sandbox.seed({"accounts": [{"id": "other", "credentials": [{"key_id": "o@x.test", "secret": "o"}]}]})
    mine, theirs = http(sandbox), http(sandbox, "o@x.test", "o")
    sandbox.seed({"accounts": [{"id": "other", "balances": {"BTC": "1"}}]})
    sandbox.complete(withdraw(mine, {"amount": "0.5 BTC"}))
    [their_line] = ledger(theirs, "other")
    orderings = [t["ordering"] for t in ledger(mine)]
    assert their_line["ordering"] not in orderings
    assert orderings[-2] < their_line["ordering"] < orderings[-1]


def test_the_time_window_is_start_inclusive_and_end_exclusive(sandbox: Emulator) -> None:
    api = http(sandbox)
    sandbox.advance(3600)
    sandbox.complete(withdraw(api, {"amount": "1 BTC"}))
    debit = ledger(api, type="withdrawal")[0]
    at = debit["createdAt"]  # seven fractional digits, the seventh always 0: exact as a datetime
    moment = datetime.fromisoformat(at[:-2] + "+00:00")
    assert ledger(api, startTimeUtc=at) == [debit]
    assert debit not in ledger(api, endTimeUtc=at)
    assert debit in ledger(api, endTimeUtc=(moment + timedelta(microseconds=1)).isoformat())
    # The same instant with an offset, and with fewer fractional digits.
    assert ledger(api, startTimeUtc=moment.astimezone(timezone(timedelta(hours=2))).isoformat()) == [debit]
    assert ledger(api, startTimeUtc=moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")) == [debit]
    seeded = ledger(api, type="initialBalances")
    assert ledger(api, endTimeUtc=at) == seeded


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "ValidationFailed: Max: is required"),
        ({"max": "0"}, "ValidationFailed: Max: must match"),
        ({"max": "ten"}, "ValidationFailed: Max: must match"),
        ({"max": "5", "startAtOrdering": "first"}, "ValidationFailed: StartAtOrdering: must be an integer"),
        ({"max": "5", "startTimeUtc": "yesterday"}, "ValidationFailed: StartTimeUtc: must be a valid date-time"),
        ({"max": "5", "endTimeUtc": "2023-02-30T00:00:00Z"}, "ValidationFailed: EndTimeUtc: must be a valid"),
    ],
)
def test_bad_ledger_queries_get_request_errors(sandbox: Emulator, query: dict[str, str], message: str) -> None:
    [error] = refusal(http(sandbox).get(LEDGER, params=query))
    assert error.startswith(message), error


def test_the_generated_client_reads_the_ledger(sandbox: Emulator) -> None:
    api = http(sandbox)
    request_id = withdraw(api, {"amount": "0.00000001 BTC"})
    sandbox.complete(request_id)
    page = list_transactions.sync(ACCOUNT, client=client(sandbox), max_="10", type_=TransactionType.WITHDRAWAL)
    assert isinstance(page, TransactionList)
    [debit] = page.transactions
    assert debit.type_ is TransactionType.WITHDRAWAL
    assert debit.withdraw_request_id == request_id
    assert onekonto.parse_amount(str(debit.amount)).value == Decimal("-0.00000001")
    assert isinstance(debit.created_at, datetime)
    assert debit.created_at.utcoffset() == timedelta(0)
    other = list_transactions.sync_detailed(ACCOUNT, client=client(sandbox), max_="1", type_=TransactionType.DEPOSIT)
    assert other.status_code == 200


# -- Get Deposit Instructions -----------------------------------------------------------------------
def test_deposit_instructions_are_the_seeded_ones(sandbox: Emulator) -> None:
    answer = get_deposit_instructions.sync(ACCOUNT, client=client(sandbox))
    assert isinstance(answer, TransferInstructions)
    by_asset = {item.asset: item for item in answer.instructions}
    assert (by_asset["BTC"].network_type, by_asset["BTC"].address) == ("bitcoin", "my_bitcoin_address")
    assert by_asset["USD"].method == "FedWire"
    assert by_asset["USD"].special_instructions == "IBAN: My IBAN Account Number; Reference: myAccountID"


def test_an_account_without_deposit_instructions_gets_the_docs_404(sandbox: Emulator) -> None:
    sandbox.seed({"accounts": [{"id": "bare", "credentials": [{"key_id": "b@x.test", "secret": "b"}]}]})
    response = get_deposit_instructions.sync_detailed("bare", client=client(sandbox, "b@x.test", "b", "bare"))
    assert response.status_code == 404
    assert json.loads(response.content) == {
        "status": 404,
        "error": "The deposit instructions with the provided ID were not found",
    }


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ({"deposit_instructions": [{"assetType": "cash"}]}, "deposit_instructions/0/assetType"),
        ({"deposit_instructions": [{"asset": "BTC"}]}, "deposit_instructions/0/assetType: is required"),
        ({"credit": {"USD": "-5"}}, "extra/credit/USD"),
        ({"credit": {"doge": "5"}}, "extra/credit/doge: is not an accepted name"),
    ],
)
def test_credit_and_deposit_seeds_are_validated(sandbox: Emulator, extra: dict[str, Any], problem: str) -> None:
    with sandbox.http() as raw:
        response = raw.post("/_sandbox/seed", json={"accounts": [{"id": "x", "extra": extra}]})
    assert response.status_code == 400
    assert problem in response.json()["error"]


# -- withdraw requests whose destination comes from the whitelist -----------------------------------
def list_requests(emulator: Emulator, **params: Any) -> list[dict[str, Any]]:
    response = http(emulator).get(f"{BASE}/request/withdraw", params=params)
    assert response.status_code == 200, response.text
    records: list[dict[str, Any]] = response.json()["withdrawRequests"]
    return records


def test_the_docs_optional_fields_can_be_left_out(sandbox: Emulator) -> None:
    api = http(sandbox)
    bitcoin = withdraw(api, {"amount": "1 BTC"})
    tron = withdraw(api, {"amount": "10 USDC", "network": "", "address": ""})  # empty counts as absent
    by_address = withdraw(api, {"amount": "2 BTC", "address": "myWalletAddress"})
    records = {r["withdrawRequestId"]: r for r in list_requests(sandbox)}
    assert (records[bitcoin]["network"], records[bitcoin]["address"]) == ("bitcoin", "myWalletAddress")
    assert records[tron]["network"] == "tron"
    assert records[by_address]["network"] == "bitcoin"
    fiat = create_fiat_withdraw_request.sync_detailed(
        ACCOUNT, client=client(sandbox), body=FiatWithdrawRequest(amount="100 USD", type_=FiatTransferType.ACH)
    )
    assert fiat.status_code == 200, fiat.content
    [record] = list_requests(sandbox, type="ach")
    assert (record["routingNumber"], record["accountNumber"]) == ("012345678", "0123456789")


def whitelist_seed() -> dict[str, Any]:
    bank = {"routingNumber": "021000021", "asset": "USD"}
    return {
        "accounts": [
            {
                "id": "wl",
                "credentials": [{"key_id": "w@x.test", "secret": "w"}],
                "balances": {"USDT": "100", "ETH": "1", "USD": "100"},
                "whitelist": [
                    {"network": "tron", "address": TRON_A, "data": {"asset": "USDT"}},
                    {"network": "tron", "address": TRON_B, "data": {"asset": "USDT"}},
                    {"network": "ethereum", "address": EVM, "data": {"asset": "ETH"}},
                    {"network": "polygon", "address": EVM, "data": {"asset": "ETH"}},
                    {"network": "fedwire", "address": "111", "data": bank},
                    {"network": "fedwire", "address": "222", "data": bank},
                    {"network": "swift", "address": "333", "data": {**bank, "bankSwiftNumber": "CHASUS33"}},
                ],
            }
        ]
    }


def submitted(emulator: Emulator, kind: str, body: dict[str, Any], outcome: str | tuple[str, str]) -> Any:
    """Send `body` as the whitelist account: the stored record, or None once the refusal `outcome` is checked."""
    emulator.seed(whitelist_seed())
    api = http(emulator, "w@x.test", "w")
    response = api.post(f"/api/v1/accounting/account/wl/request/withdraw/{kind}", json=body)
    if isinstance(outcome, str):
        assert refusal(response) == [outcome]
        for asset in ("ETH", "USD", "USDT"):  # nothing locked
            assert emulator.balance("wl", asset)[1] == 0
        return None
    assert response.status_code == 200, response.text
    [record] = api.get("/api/v1/accounting/account/wl/request/withdraw").json()["withdrawRequests"]
    return record


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        (
            {"amount": "1 USDT"},
            "Address Required: 2 whitelisted wallets of this account receive USDT; name the address",
        ),
        ({"amount": "1 USDT", "address": TRON_B}, ("tron", TRON_B)),
        (
            {"amount": "1 USDT", "network": "tron"},
            "Address Required: 2 whitelisted tron wallets of this account receive USDT; name the address",
        ),
        ({"amount": "1 ETH", "network": "polygon"}, ("polygon", EVM)),
        (
            {"amount": "1 ETH", "address": EVM.lower()},
            f"Network Required: {EVM.lower()} is whitelisted on ethereum, polygon; name the network",
        ),
        ({"amount": "1 ETH", "address": EVM.lower(), "network": "ethereum"}, ("ethereum", EVM)),
        (
            {"amount": "1 BTC", "network": "bitcoin"},
            "Destination Not Whitelisted: no whitelisted bitcoin wallet of this account receives BTC",
        ),
        (
            {"amount": "1 USDT", "network": "ethereum", "address": TRON_A},
            f"Network Mismatch: {TRON_A} is whitelisted on tron, not ethereum",
        ),
    ],
)
def test_blockchain_destinations_resolve_to_one_wallet(
    sandbox: Emulator, body: dict[str, Any], outcome: str | tuple[str, str]
) -> None:
    record = submitted(sandbox, "blockchain", body, outcome)
    if record is not None:
        assert (record["network"], record["address"]) == outcome


@pytest.mark.parametrize(
    ("body", "outcome"),
    [
        (
            {"amount": "5 USD", "type": "fedwire"},
            "Account Number Required: 2 whitelisted bank accounts of this account receive USD by fedwire; "
            "name the accountNumber",
        ),
        ({"amount": "5 USD", "type": "fedwire", "accountNumber": "222"}, ("fedwire", "222")),
        # A method beyond the fiat page's enum is refused by the schema, though a bank account is whitelisted for it.
        ({"amount": "5 USD", "type": "swift"}, "ValidationFailed: Type: must be one of ach, fedwire, rtp, cbit"),
        (
            {"amount": "5 USD", "type": "rtp"},
            "Method Not Available: no whitelisted bank account of this account takes rtp",
        ),
        (
            {"amount": "5 USD", "type": "fedwire", "routingNumber": "999999999"},
            "Destination Not Whitelisted: no whitelisted bank account of this account is at routing number 999999999",
        ),
        (
            {"amount": "5 USD", "type": "ach", "accountNumber": "333"},
            "Method Not Available: bank account 333 is whitelisted for swift, not ach",
        ),
    ],
)
def test_fiat_destinations_resolve_to_one_bank_account(
    sandbox: Emulator, body: dict[str, Any], outcome: str | tuple[str, str]
) -> None:
    record = submitted(sandbox, "fiat", body, outcome)
    if record is not None:
        assert (record["type"], record["accountNumber"], record["routingNumber"]) == (*outcome, "021000021")


def test_bodies_with_unknown_fields_are_accepted_and_the_fields_ignored(sandbox: Emulator) -> None:
    with sandbox.http() as raw:
        login = raw.post(
            "/api/v1/identity/jwt",
            json={"user": USER, "password": onekonto.password_digest(PASSWORD), "deviceName": "cli"},
        )
    assert login.status_code == 200, login.text
    api = http(sandbox)
    request_id = withdraw(api, {"amount": "1 BTC", "clientReference": "order-42"})
    [record] = list_requests(sandbox, withdrawRequestId=request_id)
    assert "clientReference" not in record


# -- the generated client and the open sets ----------------------------------------------------------
def test_records_need_no_field_and_take_unknown_values() -> None:
    assert WithdrawRequest.from_dict({}).to_dict() == {}
    assert Transaction.from_dict({}).to_dict() == {}
    parsed = Transaction.from_dict({"type": "rebate", "amount": "1 BTC"})
    assert parsed.type_ == "rebate"
    assert str(parsed.type_) == "rebate"
    page = WithdrawRequestList.from_dict({"withdrawRequests": [{"requestStatus": "onHold", "type": "sepa"}]})
    [record] = page.withdraw_requests
    assert (str(record.request_status), str(record.type_)) == ("onHold", "sepa")
    # The request side types the documented methods; the client does not check what it sends.
    body = FiatWithdrawRequest(amount="1 USD", type_=FiatTransferType.ACH).to_dict()
    assert body == {"amount": "1 USD", "type": "ach"}


def test_filters_take_the_documented_values_only(sandbox: Emulator) -> None:
    """Requests carry closed sets: an unknown status or type filter is refused, a documented one matches."""
    withdraw(http(sandbox), {"amount": "1 BTC"})
    for params in ({"status": "onHold"}, {"type": "sepa"}):
        response = http(sandbox).get(f"/api/v1/accounting/account/{ACCOUNT}/request/withdraw", params=params)
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0].startswith("ValidationFailed: ")
    page = list_withdraw_requests.sync(
        ACCOUNT, client=client(sandbox), status=RequestStatus.PENDING, type_=WithdrawType.BLOCKCHAIN
    )
    assert isinstance(page, WithdrawRequestList)
    assert len(page.withdraw_requests) == 1


def test_demo_seed_is_the_docs_example_account(sandbox: Emulator) -> None:
    [account] = sandbox.app.provider.demo_seed()["accounts"]
    assert account["id"] == ACCOUNT
    assert account["credentials"][0]["key_id"] == USER
    assert onekonto.password_digest(account["credentials"][0]["secret"]) == (
        "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"  # the login page's digest
    )
