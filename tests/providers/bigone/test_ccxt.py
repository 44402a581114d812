"""ccxt's `bigone` class, unmodified, against the BigONE emulator: only its URLs are changed.

ccxt is a widely used client nobody here wrote, so it checks the emulator (and the spec it serves)
against how real integrations call BigONE: `load_markets` (public asset pairs and the undocumented
asset list with each gateway's withdrawal terms), balances of the spot and funding accounts, a
transfer between them, withdrawals with and without a gateway and with a memo, the withdrawal list,
and ccxt's mapping of BigONE's error codes to its exception classes.

The emulator runs on a loopback port (ccxt talks through its own `requests` session). `load_markets`
also asks BigONE's separate contract API (`/api/contract/v2/symbols`) for perpetual markets; that API
is outside the spot spec, so the test points ccxt's contract URL at a stand-in that lists none.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import ccxt
import pytest

from withdrawal_apis.providers.bigone.gateways import ASSETS, GATEWAYS, PAIRS
from withdrawal_apis.providers.bigone.seed import DEMO_DESTINATIONS, DEMO_KEY, DEMO_SECRET
from withdrawal_apis.testing import Emulator

TRON = dict(DEMO_DESTINATIONS)["Tron"]
ETHEREUM = dict(DEMO_DESTINATIONS)["Ethereum"]
ACCOUNT = "bigone-demo"


class _NoContracts(BaseHTTPRequestHandler):
    """Stands in for BigONE's contract API: `GET /symbols` lists no perpetual markets."""

    def do_GET(self) -> None:
        found = self.path.split("?")[0] == "/symbols"
        body = json.dumps([] if found else {"code": 10013, "message": "Resource not found"}).encode()
        self.send_response(200 if found else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def contract_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NoContracts)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def bigone_at(base_url: str, contract_api: str, key: str = DEMO_KEY, secret: str = DEMO_SECRET) -> Any:
    """ccxt's class as shipped, with its URLs pointed at the emulator (and the contract stand-in)."""
    exchange = ccxt.bigone({"apiKey": key, "secret": secret})
    exchange.urls["api"] = {
        **exchange.urls["api"],
        "public": f"{base_url}/api/v3",
        "private": f"{base_url}/api/v3/viewer",
        # ccxt's own value is `https://{hostname}/api/`, to which it appends `/v3/assets`; BigONE's server
        # takes the doubled slash, the emulator's router does not, so the slash goes here.
        "webExchange": f"{base_url}/api",
        "contractPublic": contract_api,
        "contractPrivate": contract_api,
    }
    return exchange


@pytest.fixture
def emulator(serve: Any) -> Emulator:
    running: Emulator = serve("bigone", serve=True, rate_limit=0)
    running.seed(running.app.provider.demo_seed())
    return running


@pytest.fixture
def exchange(emulator: Emulator, contract_api: str) -> Any:
    return bigone_at(emulator.base_url, contract_api)


def test_load_markets_reads_the_pairs_and_the_gateway_table(exchange: Any) -> None:
    markets = exchange.load_markets()
    assert {f"{p.base}/{p.quote}" for p in PAIRS} == set(markets)
    btc = markets["BTC/USDT"]
    assert (btc["id"], btc["type"], btc["precision"]["amount"], btc["precision"]["price"]) == (
        "BTC-USDT",
        "spot",
        1e-06,
        0.01,
    )
    assert btc["limits"]["cost"] == {"min": 1.0, "max": 500000.0}
    # Every asset and gateway of the emulator's table, as ccxt understood the asset list.
    assert set(exchange.currencies) == set(ASSETS)
    for symbol, asset in ASSETS.items():
        currency = exchange.currencies[symbol]
        assert currency["precision"] == float(Decimal(1).scaleb(-asset.scale))
        networks = {n["info"]["gateway_name"]: n for n in currency["networks"].values()}
        assert set(networks) == set(asset.fees)
        for gateway, network in networks.items():
            assert Decimal(str(network["fee"])) == Decimal(asset.fees[gateway])
            assert Decimal(str(network["limits"]["withdraw"]["min"])) == Decimal(asset.minimums[gateway])
            assert network["withdraw"] is True
            assert network["info"]["is_memo_required"] is GATEWAYS[gateway].memo_required
    # ccxt's own network codes for BigONE's gateway names (this ccxt version calls Ethereum `ETH`).
    assert {code: n["id"] for code, n in exchange.currencies["USDT"]["networks"].items()} == {
        "TRC20": "Tron",
        "ETH": "Ethereum",
        "Mixin": "Mixin",
    }


def test_suspended_gateways_and_overrides_reach_ccxt(serve: Any, contract_api: str) -> None:
    options = {
        "fees": {"USDT": {"Tron": "2.5"}},
        "minimums": {"USDT": {"Tron": "20"}},
        "suspended": {"USDT": ["Ethereum"]},
    }
    running: Emulator = serve("bigone", serve=True, rate_limit=0, options=options)
    running.seed(running.app.provider.demo_seed())
    exchange = bigone_at(running.base_url, contract_api)
    exchange.load_markets()
    networks = exchange.currencies["USDT"]["networks"]
    assert (networks["TRC20"]["fee"], networks["TRC20"]["limits"]["withdraw"]["min"]) == (2.5, "20")
    assert networks["ETH"]["withdraw"] is False
    with pytest.raises(ccxt.BadRequest, match="suspended"):
        exchange.withdraw("USDT", 50, ETHEREUM, params={"network": "ETH"})
    with pytest.raises(ccxt.BadRequest, match="minimum"):
        exchange.withdraw("USDT", 19, TRON)
    assert exchange.withdraw("USDT", 20, TRON)["status"] == "pending"


def test_fetch_balance_of_spot_and_funding(exchange: Any) -> None:
    spot = exchange.fetch_balance()
    assert (spot["USDT"]["total"], spot["USDT"]["used"], spot["USDT"]["free"]) == (500.0, 0.0, 500.0)
    assert spot["BTC"]["total"] == 2.0
    funding = exchange.fetch_balance({"type": "funding"})
    assert (funding["USDT"]["total"], funding["BTC"]["total"], funding["EOS"]["total"]) == (10000.0, 5.0, 100.0)


def test_transfer_moves_spot_funds_to_where_withdrawals_draw(emulator: Emulator, exchange: Any) -> None:
    moved = exchange.transfer("USDT", 200, "spot", "funding")
    assert (moved["status"], moved["fromAccount"], moved["toAccount"]) == ("ok", "spot", "funding")
    assert emulator.balance(ACCOUNT, "USDT", "spot") == (Decimal(300), Decimal(0))
    assert emulator.balance(ACCOUNT, "USDT", "fund") == (Decimal(10200), Decimal(0))
    back = exchange.transfer("BTC", 0.5, "funding", "spot")
    assert back["status"] == "ok"
    assert exchange.fetch_balance()["BTC"]["total"] == 2.5
    with pytest.raises(ccxt.InsufficientFunds):
        exchange.transfer("USDT", 301, "spot", "funding")


def test_withdraw_with_and_without_a_gateway_and_with_a_memo(emulator: Emulator, exchange: Any) -> None:
    default = exchange.withdraw("USDT", 25, TRON)  # no gateway_name: USDT's default, Tron
    on_ethereum = exchange.withdraw("USDT", 100, ETHEREUM, params={"network": "ETH"})  # gateway_name Ethereum
    raw_gateway = exchange.withdraw("USDT", 30, ETHEREUM, params={"gateway_name": "Ethereum"})
    memo = exchange.withdraw("EOS", 10, "bigonewallet", tag="104779213")
    for tx in (default, on_ethereum, raw_gateway, memo):
        assert (tx["type"], tx["status"], tx["info"]["txid"]) == ("withdrawal", "pending", "")
    assert (default["currency"], default["amount"], default["addressTo"]) == ("USDT", 25.0, TRON)
    assert (memo["currency"], memo["tag"], memo["addressTo"]) == ("EOS", "104779213", "bigonewallet")
    fees = {tx["id"]: Decimal(tx["info"]["fee"]) for tx in (default, on_ethereum, raw_gateway, memo)}
    assert [fees[tx["id"]] for tx in (default, on_ethereum, raw_gateway, memo)] == [1, 5, 5, Decimal("0.1")]
    # Fee on top, locked in the fund account: 25+1, 100+5, 30+5.
    assert emulator.balance(ACCOUNT, "USDT", "fund") == (Decimal(10000 - 166), Decimal(166))
    funding = exchange.fetch_balance({"type": "funding"})
    assert (funding["USDT"]["total"], funding["USDT"]["used"]) == (10000.0, 166.0)


def test_fetch_withdrawals_follows_the_lifecycle(emulator: Emulator, exchange: Any) -> None:
    done = exchange.withdraw("USDT", 40, TRON)
    cancelled = exchange.withdraw("USDT", 41, TRON)
    exchange.withdraw("BTC", 0.01, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
    emulator.complete(done["id"])
    emulator.transition(cancelled["id"], "cancel")
    listed = {tx["id"]: tx for tx in exchange.fetch_withdrawals("USDT")}
    assert set(listed) == {done["id"], cancelled["id"]}
    assert listed[done["id"]]["status"] == "ok"
    assert len(listed[done["id"]]["txid"]) == 64
    assert listed[cancelled["id"]]["info"]["state"] == "CANCELLED"
    assert all(tx["type"] == "withdrawal" and tx["currency"] == "USDT" for tx in listed.values())
    assert len(exchange.fetch_withdrawals()) == 3
    assert len(exchange.fetch_withdrawals(limit=1)) == 1
    assert emulator.balance(ACCOUNT, "USDT", "fund") == (Decimal(10000 - 41), Decimal(0))


def test_error_codes_map_to_ccxt_exceptions(emulator: Emulator, exchange: Any, contract_api: str) -> None:
    exchange.load_markets()
    with pytest.raises(ccxt.InsufficientFunds):  # 10014
        exchange.withdraw("USDT", 10000, TRON)
    with pytest.raises(ccxt.PermissionDenied):  # 10403: a valid Tron address that is not trusted
        exchange.withdraw("USDT", 10, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    with pytest.raises(ccxt.BadRequest):  # 10007: an Ethereum address on the Tron gateway
        exchange.withdraw("USDT", 10, ETHEREUM)
    with pytest.raises(ccxt.BadRequest):  # 10007: EOS needs a memo
        exchange.withdraw("EOS", 10, "bigonewallet")
    guid = str(uuid.uuid4())
    exchange.withdraw("USDT", 10, TRON, params={"guid": guid})
    with pytest.raises(ccxt.ExchangeError, match="already requested"):  # 40302
        exchange.withdraw("USDT", 11, TRON, params={"guid": guid})
    with pytest.raises(ccxt.AuthenticationError):  # 40004: unknown key
        bigone_at(emulator.base_url, contract_api, key=str(uuid.uuid4())).fetch_balance()
    # 40106 (bad signature) is not in ccxt's table; it surfaces as its generic ExchangeError.
    with pytest.raises(ccxt.ExchangeError, match="40106"):
        bigone_at(emulator.base_url, contract_api, secret="not-the-secret").fetch_balance()
    assert emulator.balance(ACCOUNT, "USDT", "fund") == (Decimal(9989), Decimal(11))


def test_rate_limit_maps_to_rate_limit_exceeded(serve: Any, contract_api: str) -> None:
    running: Emulator = serve("bigone", serve=True, rate_limit=2)
    running.seed(running.app.provider.demo_seed())
    exchange = bigone_at(running.base_url, contract_api)
    exchange.load_markets()  # public calls: not counted against the key
    exchange.fetch_balance()
    exchange.fetch_balance()
    with pytest.raises(ccxt.RateLimitExceeded):  # 10429
        exchange.fetch_balance()
