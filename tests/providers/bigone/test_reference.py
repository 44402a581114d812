"""BigONE's emulator as users start it: the demo seed, the spec's own request examples, the `/api/v3`
base path of the spec's servers, and the public listings, read through the generated client."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from bigone_client import Client
from bigone_client.api.reference import list_asset_pairs, list_assets
from bigone_client.api.system import ping
from bigone_client.api.transfers import create_transfer
from bigone_client.api.withdrawals import cancel_withdrawal, create_withdrawal, get_withdrawal
from bigone_client.models import (
    AssetListResponse,
    AssetPairListResponse,
    CreateTransferRequest,
    CreateWithdrawalRequest,
    TransferAccount,
    TransferResponse,
    WithdrawalResponse,
    WithdrawalState,
)

from withdrawal_apis.providers import bigone
from withdrawal_apis.providers.bigone.auth import BigONEAuth
from withdrawal_apis.providers.bigone.gateways import ASSETS, GATEWAYS, PAIRS
from withdrawal_apis.providers.bigone.seed import DEMO_DESTINATIONS, DEMO_KEY, DEMO_SECRET
from withdrawal_apis.registry import get
from withdrawal_apis.spec import SpecDocument
from withdrawal_apis.testing import Emulator

SPEC = SpecDocument(get("bigone").spec_path)
ACCOUNT = "bigone-demo"


@pytest.fixture
def demo(serve: Any) -> Emulator:
    """The emulator as `withdrawal-apis sandbox bigone` starts it: the demo seed, the default options."""
    running: Emulator = serve("bigone")
    running.seed(running.app.provider.demo_seed())
    return running


def request_examples() -> list[tuple[str, str, str, dict[str, Any]]]:
    """(operationId, method, path, body) of every request-body example in the spec, in document order."""
    found = []
    for op in SPEC.operations:
        content = op.raw.get("requestBody", {}).get("content", {}).get("application/json", {})
        for name, example in content.get("examples", {}).items():
            found.append((f"{op.operation_id}:{name}", op.method.upper(), op.path, example["value"]))
    return found


def test_the_spec_has_request_examples_for_every_operation_with_a_body() -> None:
    with_body = {op.operation_id for op in SPEC.operations if "requestBody" in op.raw}
    assert with_body == {"create_withdrawal", "create_transfer"}
    assert {name.split(":")[0] for name, *_ in request_examples()} == with_body


def test_every_request_example_succeeds_sent_as_written(demo: Emulator) -> None:
    """Each example of the spec, unmodified, against the demo seed: code 0, and again with the same guid."""
    examples = request_examples()
    assert len(examples) >= 5
    with demo.http(BigONEAuth(DEMO_KEY, DEMO_SECRET)) as client:
        for name, method, path, body in examples:
            first = client.request(method, path, json=body)
            assert first.status_code == 200, (name, first.text)
            assert first.json()["code"] == 0, name
            again = client.request(method, path, json=body)  # the same guid: the same answer, nothing moves twice
            assert again.json() == first.json(), name
        created = client.get("/viewer/withdrawals").json()["data"]
    assert len(created) == sum(1 for name, *_ in examples if name.startswith("create_withdrawal"))
    # 2.52 BTC + 0.0005 fee held; 1 BTC moved from spot to contract by the wallet guide's example.
    assert demo.balance(ACCOUNT, "BTC", "fund") == (Decimal("2.4795"), Decimal("2.5205"))
    assert demo.balance(ACCOUNT, "BTC", "contract") == (Decimal(1), Decimal(0))
    assert demo.balance(ACCOUNT, "USDT", "spot") == (Decimal(400), Decimal(0))


def test_the_demo_seed_trusts_every_example_destination() -> None:
    trusted = set(DEMO_DESTINATIONS)
    for name, _, _, body in request_examples():
        if name.startswith("create_withdrawal"):
            gateway = body.get("gateway_name") or ASSETS[body["symbol"]].default_gateway
            assert (gateway, body["target_address"]) in trusted, name
    for gateway, address in trusted:
        assert GATEWAYS[gateway].is_valid_address(address), address


@pytest.mark.parametrize("server", [s["url"] for s in SPEC.raw["servers"]])
def test_a_base_url_copied_from_the_spec_servers_works(demo: Emulator, server: str) -> None:
    """`https://big.one/api/v3` → the emulator's address with the same `/api/v3` path."""
    base_url = demo.base_url + urlsplit(server).path
    assert base_url.endswith("/api/v3")
    client = bigone.client(DEMO_KEY, DEMO_SECRET, base_url=base_url, httpx_args=demo.httpx_args)
    assert ping.sync(client=client) is not None
    assert isinstance(list_assets.sync(client=client), AssetListResponse)
    moved = create_transfer.sync(
        client=client,
        body=CreateTransferRequest(
            symbol="USDT", amount="50", guid=str(uuid.uuid4()), from_=TransferAccount.SPOT, to=TransferAccount.FUND
        ),
    )
    assert isinstance(moved, TransferResponse)
    assert moved.code == 0
    guid = str(uuid.uuid4())
    tron = dict(DEMO_DESTINATIONS)["Tron"]
    body = CreateWithdrawalRequest(symbol="USDT", target_address=tron, amount="25", guid=guid)
    created = create_withdrawal.sync(client=client, body=body)
    assert isinstance(created, WithdrawalResponse)
    assert created.data.state is WithdrawalState.PENDING
    assert cancel_withdrawal.sync(guid, client=client) is not None
    fetched = get_withdrawal.sync(guid, client=client)
    assert isinstance(fetched, WithdrawalResponse)
    assert fetched.data.state is WithdrawalState.CANCELLED
    with demo.http(BigONEAuth(DEMO_KEY, DEMO_SECRET)) as raw:  # the bare root serves the same API
        assert raw.get(f"/viewer/withdrawals/{guid}").json() == raw.get(f"/api/v3/viewer/withdrawals/{guid}").json()
        assert raw.get("/api/v4/ping").status_code == 404
    assert demo.balance(ACCOUNT, "USDT", "spot") == (Decimal(450), Decimal(0))
    assert demo.balance(ACCOUNT, "USDT", "fund") == (Decimal(10050), Decimal(0))


def test_the_asset_list_is_the_table_the_emulator_enforces(serve: Any) -> None:
    options = {
        "fees": {"BTC": {"Bitcoin": "0.0002"}},
        "minimums": {"EOS": {"EOS": "5"}},
        "suspended": {"ETH": ["Mixin"]},
    }
    running: Emulator = serve("bigone", options=options)
    with httpx.Client(base_url=running.base_url, transport=running.transport) as anonymous:
        raw = anonymous.get("/api/v3/assets").json()
    assert raw["code"] == "0"  # as in the one captured answer
    client = Client(base_url=running.base_url, httpx_args=running.httpx_args)  # public: no key needed
    listing = list_assets.sync(client=client)
    assert isinstance(listing, AssetListResponse)
    assert [a.symbol for a in listing.data] == list(ASSETS)
    for listed in listing.data:
        asset = ASSETS[listed.symbol]
        assert (listed.scale, listed.transfer_scale, listed.uuid) == (asset.scale, asset.scale, asset.uuid)
        assert [g.gateway_name for g in listed.binding_gateways] == list(asset.fees)
        for gateway in listed.binding_gateways:
            name = str(gateway.gateway_name)
            fee = options["fees"].get(asset.symbol, {}).get(name, asset.fees[name])
            minimum = options["minimums"].get(asset.symbol, {}).get(name, asset.minimums[name])
            assert Decimal(str(gateway.withdrawal_fee)) == Decimal(fee)
            assert Decimal(str(gateway.min_withdrawal_amount)) == Decimal(minimum)
            assert gateway.withdrawal_scale == asset.scale
            assert gateway.is_memo_required is GATEWAYS[name].memo_required
            assert gateway.is_withdrawal_enabled is (name not in options["suspended"].get(asset.symbol, []))


def test_the_asset_pairs_are_the_table(demo: Emulator) -> None:
    client = bigone.client(DEMO_KEY, DEMO_SECRET, base_url=demo.base_url + "/api/v3", httpx_args=demo.httpx_args)
    pairs = list_asset_pairs.sync(client=client)
    assert isinstance(pairs, AssetPairListResponse)
    assert [p.name for p in pairs.data] == [p.name for p in PAIRS]
    for listed, pair in zip(pairs.data, PAIRS, strict=True):
        assert (listed.base_asset.symbol, listed.quote_asset.symbol) == (pair.base, pair.quote)
        assert listed.base_asset.id == ASSETS[pair.base].uuid
        assert (listed.base_scale, listed.quote_scale) == (pair.base_scale, pair.quote_scale)
        assert (listed.min_quote_value, listed.max_quote_value) == (pair.min_quote_value, pair.max_quote_value)
    assert len({p.id for p in pairs.data}) == len(PAIRS)
