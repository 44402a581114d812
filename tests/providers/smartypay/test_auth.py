"""SmartyPay's Basic and HMAC schemes, checked against values computed outside our code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import httpx
import pytest

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers.smartypay import auth

DOCS_SECRET = "DiFy5adj2FbrD5SDWsvPrsM2uVOdAund2ksMCZ9lBrRyDr5WMFO6O0loLL8TD1gh"
# The provider's published vector, printed in full on its merchant-API authentication page: the
# pretty-printed invoice body is signed byte for byte, indentation and newlines included.
DOCS_BODY = b'{\n    "amount": "11 btBUSD",\n    "expiresAt": "2021-06-22T23:19:38.146071+03:00"\n}'
DOCS_SIGNATURE = "695e66179483e9f7df31676893fbc5421630c14b16f9c63f3ef484003e82cef5"

KEY, SECRET, TS = "TVs1OAkZXCZ0Azk0Qd9rFMxIYKVlLSUg", DOCS_SECRET, 1700000000
WITHDRAW_URI = "/v1/withdrawals/withdraw-now"
WITHDRAW_BODY = b'{"currency":"bUSDT","merchantId":"RgFw2p65CQn3pE8uriL53d"}'
BALANCE_URI = "/v1/merchants/FdDQBuaqXoReYAxf9VtEBq/balance"
# `printf '%s' "1700000000POST$WITHDRAW_URI$WITHDRAW_BODY" | openssl dgst -sha256 -hmac "$SECRET"`,
# and the same for the GET, computed once by hand.
OPENSSL_POST = "5f073b0e71dad9d4b0f2db5e64561f1690b674f17ce55a8a909e4b24841cb563"
OPENSSL_GET = "06b957d3c7d6b705dd565b4608e3a41494017d11ac94171dd2b29670a3d5ead4"

KEYS = {
    KEY: Credential(KEY, SECRET, account_id="p1"),
    "disabled": Credential("disabled", SECRET, account_id="p1", active=False),
    "other": Credential("other", "other-secret", account_id="p2"),
}


def signed(
    ts: int | str = TS, method: str = "GET", uri: str = BALANCE_URI, body: bytes = b"", **over: str
) -> dict[str, str]:
    headers = auth.hmac_headers(KEY, SECRET, str(ts), method, uri, body)
    return {**headers, **over}


def test_the_providers_published_vector() -> None:
    assert auth.signature(DOCS_SECRET, "1624309597463", "POST", "/integration/invoices", DOCS_BODY) == DOCS_SIGNATURE
    # The partner page pairs this signature with a different (compact, payments) payload: it does not match.
    partner_payload = b'{"amount":{"value":"10","currency":"bUSDT"},"expiresAt":"2021-06-22T23:19:38.146071+03:00"}'
    assert auth.signature(DOCS_SECRET, "1624309597463", "POST", "/integration/payments", partner_payload) != (
        DOCS_SIGNATURE
    )


def test_string_to_sign_matches_the_docs_formula() -> None:
    by_formula = f"{TS}POST{WITHDRAW_URI}".encode() + WITHDRAW_BODY
    assert auth.string_to_sign(str(TS), "post", WITHDRAW_URI, WITHDRAW_BODY) == by_formula
    assert hmac.new(SECRET.encode(), by_formula, hashlib.sha256).hexdigest() == OPENSSL_POST
    assert auth.signature(SECRET, str(TS), "POST", WITHDRAW_URI, WITHDRAW_BODY) == OPENSSL_POST
    assert auth.signature(SECRET, str(TS), "GET", BALANCE_URI) == OPENSSL_GET


def test_hmac_auth_signs_the_exact_bytes_sent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    signer = auth.SmartyPayHmacAuth(KEY, SECRET, clock=lambda: TS + 0.9)
    odd_body = b'{ "merchantId" : "RgFw2p65CQn3pE8uriL53d",\n  "currency": "bUSDT" }'  # not httpx's spelling
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer, base_url="https://sandbox.test") as c:
        c.post(WITHDRAW_URI, content=WITHDRAW_BODY, headers={"content-type": "application/json"})
        c.post(WITHDRAW_URI, content=odd_body, headers={"content-type": "application/json"})
        c.post(WITHDRAW_URI, json=json.loads(WITHDRAW_BODY))
        c.get(BALANCE_URI)
    for request in seen:
        # Recompute from what went over the wire, independently of `auth.string_to_sign`.
        message = (
            request.headers["x-api-ts"].encode() + request.method.encode() + request.url.raw_path + request.content
        )
        assert request.headers["x-api-sig"] == hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
        assert request.headers["x-api-key"] == KEY
        assert request.headers["x-api-ts"] == str(TS)  # whole seconds
    assert seen[0].headers["x-api-sig"] == OPENSSL_POST
    assert seen[3].headers["x-api-sig"] == OPENSSL_GET
    assert SECRET not in repr(signer)


def test_hmac_auth_uses_a_fresh_timestamp_per_request() -> None:
    clock = iter([TS, TS + 7])
    stamps: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        stamps.append(request.headers["x-api-ts"])
        return httpx.Response(200, json={})

    signer = auth.SmartyPayHmacAuth(KEY, SECRET, clock=lambda: next(clock))
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer) as c:
        c.get(f"https://sandbox.test{BALANCE_URI}")
        c.get(f"https://sandbox.test{BALANCE_URI}")
    assert stamps == [str(TS), str(TS + 7)]


def test_basic_auth_sends_key_and_secret() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={})

    signer = auth.SmartyPayBasicAuth(KEY, SECRET)
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer) as c:
        c.get(f"https://sandbox.test{BALANCE_URI}")
    assert seen == ["Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()]
    assert SECRET not in repr(signer)


def test_make_auth_knows_two_schemes() -> None:
    assert isinstance(auth.make_auth(KEY, SECRET, "basic"), auth.SmartyPayBasicAuth)
    assert isinstance(auth.make_auth(KEY, SECRET, "hmac"), auth.SmartyPayHmacAuth)
    with pytest.raises(ValueError, match="unknown SmartyPay auth scheme"):
        auth.make_auth(KEY, SECRET, "bearer")


def test_verifier_accepts_either_scheme() -> None:
    key = auth.verify(signed(), "GET", BALANCE_URI, b"", KEYS.get, now=TS + 10)
    assert key.account_id == "p1"
    post = signed(method="POST", uri=WITHDRAW_URI, body=WITHDRAW_BODY)
    assert auth.verify(post, "POST", WITHDRAW_URI, WITHDRAW_BODY, KEYS.get, now=TS).key_id == KEY
    basic = {"authorization": auth.basic_header(KEY, SECRET)}
    assert auth.verify(basic, "GET", BALANCE_URI, b"", KEYS.get, now=TS).key_id == KEY
    assert SECRET not in repr(key)


def test_verifier_reads_13_digit_timestamps_as_milliseconds() -> None:
    """The docs' examples are milliseconds while their text says seconds; both verify."""
    millis = TS * 1000 + 463
    assert auth.verify(signed(ts=millis), "GET", BALANCE_URI, b"", KEYS.get, now=TS).key_id == KEY
    with pytest.raises(auth.AuthError, match="window"):
        auth.verify(signed(ts=millis), "GET", BALANCE_URI, b"", KEYS.get, now=TS + 400)


def test_window_edges_are_inclusive() -> None:
    assert auth.verify(signed(), "GET", BALANCE_URI, b"", KEYS.get, now=TS + 300).key_id == KEY
    assert auth.verify(signed(), "GET", BALANCE_URI, b"", KEYS.get, now=TS - 300).key_id == KEY


def _basic(key: str, secret: str) -> dict[str, str]:
    return {"authorization": auth.basic_header(key, secret)}


@pytest.mark.parametrize(
    ("headers", "method", "uri", "body", "now", "status", "message"),
    [
        ({}, "GET", BALANCE_URI, b"", TS, 401, "Missing credentials"),
        (_basic(KEY, "wrong"), "GET", BALANCE_URI, b"", TS, 403, "Invalid API secret"),
        (_basic("nobody", SECRET), "GET", BALANCE_URI, b"", TS, 401, "Unknown API key"),
        (_basic("disabled", SECRET), "GET", BALANCE_URI, b"", TS, 403, "disabled"),
        ({"authorization": "Basic !!!"}, "GET", BALANCE_URI, b"", TS, 401, "not base64"),
        ({"authorization": "Basic " + base64.b64encode(b"nocolon").decode()}, "GET", BALANCE_URI, b"", TS, 401, "not"),
        ({"authorization": f"Bearer {KEY}"}, "GET", BALANCE_URI, b"", TS, 401, "expected Basic"),
        (signed(), "GET", BALANCE_URI, b"", TS + 301, 403, "window"),
        (signed(), "GET", BALANCE_URI, b"", TS - 301, 403, "window"),
        # A signature over a different body, URI, method or timestamp than the request's.
        (signed(method="POST", uri=WITHDRAW_URI, body=b"{}"), "POST", WITHDRAW_URI, WITHDRAW_BODY, TS, 403, "Invalid"),
        (signed(uri=WITHDRAW_URI), "GET", BALANCE_URI, b"", TS, 403, "Invalid signature"),
        (signed(method="POST"), "GET", BALANCE_URI, b"", TS, 403, "Invalid signature"),
        (signed(**{"x-api-ts": str(TS + 1)}), "GET", BALANCE_URI, b"", TS, 403, "Invalid signature"),
        # Another key's signature does not verify for this key.
        (
            signed(**{"x-api-sig": auth.signature("other-secret", str(TS), "GET", BALANCE_URI)}),
            "GET",
            BALANCE_URI,
            b"",
            TS,
            403,
            "Invalid signature",
        ),
        (signed(**{"x-api-key": "nobody"}), "GET", BALANCE_URI, b"", TS, 401, "Unknown API key"),
        ({"x-api-key": KEY, "x-api-sig": OPENSSL_GET}, "GET", BALANCE_URI, b"", TS, 401, "together"),
        (signed(**{"x-api-ts": "soon"}), "GET", BALANCE_URI, b"", TS, 401, "Malformed x-api-ts"),
        (signed(**{"x-api-sig": "zz" * 32}), "GET", BALANCE_URI, b"", TS, 401, "Malformed x-api-sig"),
        (signed(**{"x-api-sig": OPENSSL_GET[:40]}), "GET", BALANCE_URI, b"", TS, 401, "Malformed x-api-sig"),
        (signed(**{"x-api-key": "two words"}), "GET", BALANCE_URI, b"", TS, 401, "Malformed x-api-key"),
    ],
)
def test_verifier_rejects(
    headers: dict[str, str], method: str, uri: str, body: bytes, now: int, status: int, message: str
) -> None:
    with pytest.raises(auth.AuthError) as caught:
        auth.verify(headers, method, uri, body, KEYS.get, now=now)
    assert caught.value.status == status
    assert caught.value.code == ("Unauthorized" if status == 401 else "Forbidden")
    assert message in caught.value.message
    assert SECRET not in caught.value.message
