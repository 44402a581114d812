"""ccxt's `bigone` class, unmodified, against the BigONE emulator: only its `hostname` option is changed.

ccxt is a widely used client nobody here wrote, so it checks the emulator (and the spec it serves)
against how real integrations call BigONE: `load_markets` (public asset pairs, the contract API's
perpetuals and the undocumented asset list with each gateway's withdrawal terms), balances of the
spot and funding accounts, a transfer between them, withdrawals with and without a gateway and with a
memo, the withdrawal list, and ccxt's mapping of BigONE's error codes to its exception classes.

ccxt builds every URL from `https://{hostname}/...`, so the emulator is reached over TLS: it serves
plain HTTP on a loopback port behind a small TLS front with a throwaway certificate authority, which
this test process trusts as a machine trusts its CA bundle (requests' default bundle path). Nothing of
ccxt's is patched: not its URLs, its session or its verification setting.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import socket
import socketserver
import ssl
import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import ccxt
import pytest
import requests.adapters
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from withdrawal_apis.providers.bigone.gateways import ASSETS, GATEWAYS, PAIRS
from withdrawal_apis.providers.bigone.seed import DEMO_DESTINATIONS, DEMO_KEY, DEMO_SECRET
from withdrawal_apis.testing import Emulator

CCXT_VERSION = "4.5.90"  # the newest on PyPI when this was written; constraints.txt pins the same
TRON = dict(DEMO_DESTINATIONS)["Tron"]
ETHEREUM = dict(DEMO_DESTINATIONS)["Ethereum"]
ACCOUNT = "bigone-demo"


# -- TLS in front of the emulator -------------------------------------------------------------------
def _certificate(subject: str, key: Any, issuer: x509.Name | None, issuer_key: Any, ca: bool) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    if ca:
        usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
    else:
        usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        ).add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.add_extension(usage, critical=True).sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    """A throwaway CA (its certificate file) and a server context with a certificate it signed for 127.0.0.1."""
    folder = tmp_path_factory.mktemp("tls")
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("withdrawal-apis test CA", ca_key, None, ca_key, ca=True)
    server = _certificate("127.0.0.1", server_key, ca.subject, ca_key, ca=False)
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "server.pem").write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_pem = server_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (folder / "server.key").write_bytes(key_pem)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return folder / "ca.pem", context


class _TlsFront(socketserver.ThreadingTCPServer):
    """Accepts TLS on a loopback port and relays the plain bytes to the emulator's port, both ways."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, backend: tuple[str, int], context: ssl.SSLContext) -> None:
        super().__init__(("127.0.0.1", 0), _Relay)
        self.backend, self.context = backend, context


class _Relay(socketserver.BaseRequestHandler):
    server: _TlsFront

    def handle(self) -> None:
        try:
            tls = self.server.context.wrap_socket(self.request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        with tls, socket.create_connection(self.server.backend) as plain:
            back = threading.Thread(target=_pump, args=(plain, tls), daemon=True)
            back.start()
            _pump(tls, plain)
            back.join(timeout=10)


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)


@pytest.fixture
def https(tls_files: tuple[Path, ssl.SSLContext], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """`https(emulator)` puts the emulator behind TLS and returns the host:port ccxt's `hostname` takes.

    The test CA is what requests trusts for the test (its default bundle, as a machine's CA store would).
    """
    ca_file, context = tls_files
    monkeypatch.setattr(requests.adapters, "DEFAULT_CA_BUNDLE_PATH", str(ca_file))
    fronts: list[_TlsFront] = []

    def front(emulator: Emulator) -> str:
        host, port = emulator.base_url.removeprefix("http://").split(":")
        server = _TlsFront((host, int(port)), context)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        fronts.append(server)
        return f"127.0.0.1:{server.server_address[1]}"

    yield front
    for server in fronts:
        server.shutdown()
        server.server_close()


def bigone_at(hostname: str, key: str = DEMO_KEY, secret: str = DEMO_SECRET) -> Any:
    """ccxt's class as shipped; the only option beyond the credentials is `hostname`."""
    return ccxt.bigone({"apiKey": key, "secret": secret, "hostname": hostname})


def test_the_pinned_ccxt_runs() -> None:
    assert ccxt.__version__ == CCXT_VERSION


@pytest.fixture
def emulator(serve: Any) -> Emulator:
    running: Emulator = serve("bigone", serve=True, rate_limit=0)
    running.seed(running.app.provider.demo_seed())
    return running


@pytest.fixture
def exchange(emulator: Emulator, https: Any) -> Any:
    return bigone_at(https(emulator))


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
    # ccxt's own network codes for BigONE's gateway names (this ccxt version calls Ethereum `ERC20`).
    assert {code: n["id"] for code, n in exchange.currencies["USDT"]["networks"].items()} == {
        "TRC20": "Tron",
        "ERC20": "Ethereum",
        "Mixin": "Mixin",
    }


def test_suspended_gateways_and_overrides_reach_ccxt(serve: Any, https: Any) -> None:
    options = {
        "fees": {"USDT": {"Tron": "2.5"}},
        "minimums": {"USDT": {"Tron": "20"}},
        "suspended": {"USDT": ["Ethereum"]},
    }
    running: Emulator = serve("bigone", serve=True, rate_limit=0, options=options)
    running.seed(running.app.provider.demo_seed())
    exchange = bigone_at(https(running))
    exchange.load_markets()
    networks = exchange.currencies["USDT"]["networks"]
    assert (networks["TRC20"]["fee"], networks["TRC20"]["limits"]["withdraw"]["min"]) == (2.5, "20")
    assert networks["ERC20"]["withdraw"] is False
    with pytest.raises(ccxt.BadRequest, match="suspended"):
        exchange.withdraw("USDT", 50, ETHEREUM, params={"network": "ERC20"})
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
    on_ethereum = exchange.withdraw("USDT", 100, ETHEREUM, params={"network": "ERC20"})  # gateway_name Ethereum
    raw_gateway = exchange.withdraw("USDT", 30, ETHEREUM, params={"gateway_name": "Ethereum"})
    memo = exchange.withdraw("EOS", 10, "bigonewallet", params={"tag": "104779213"})
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


def test_error_codes_map_to_ccxt_exceptions(emulator: Emulator, exchange: Any, https: Any) -> None:
    exchange.load_markets()
    with pytest.raises(ccxt.InsufficientFunds):  # 10014
        exchange.withdraw("USDT", 10000, TRON)
    with pytest.raises(ccxt.PermissionDenied):  # 10403: a valid Tron address that is not trusted
        exchange.withdraw("USDT", 10, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    with pytest.raises(ccxt.BadRequest):  # 10007: an Ethereum address on the Tron gateway
        exchange.withdraw("USDT", 10, ETHEREUM)
    # EOS needs a memo: this ccxt version refuses a missing one itself, before asking the server.
    with pytest.raises(ccxt.ArgumentsRequired):
        exchange.withdraw("EOS", 10, "bigonewallet")
    guid = str(uuid.uuid4())
    exchange.withdraw("USDT", 10, TRON, params={"guid": guid})
    with pytest.raises(ccxt.ExchangeError, match="already requested"):  # 40302
        exchange.withdraw("USDT", 11, TRON, params={"guid": guid})
    with pytest.raises(ccxt.AuthenticationError):  # 40004: unknown key
        bigone_at(exchange.hostname, key=str(uuid.uuid4())).fetch_balance()
    # 40106 (bad signature) is not in ccxt's table; it surfaces as its generic ExchangeError.
    with pytest.raises(ccxt.ExchangeError, match="40106"):
        bigone_at(exchange.hostname, secret="not-the-secret").fetch_balance()
    assert emulator.balance(ACCOUNT, "USDT", "fund") == (Decimal(9989), Decimal(11))


def test_rate_limit_maps_to_rate_limit_exceeded(serve: Any, https: Any) -> None:
    running: Emulator = serve("bigone", serve=True, rate_limit=2)
    running.seed(running.app.provider.demo_seed())
    exchange = bigone_at(https(running))
    exchange.load_markets()  # public calls: not counted against the key
    exchange.fetch_balance()
    exchange.fetch_balance()
    with pytest.raises(ccxt.RateLimitExceeded):  # 10429
        exchange.fetch_balance()
