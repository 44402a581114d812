"""MPChat's HMAC scheme, checked against values computed outside our code."""

from __future__ import annotations

import hashlib
import hmac

import httpx
import pytest

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers.mpchat import auth

KEY_ID = "mk_live_abc123"
SECRET = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778"
TS = 1700000000
# `printf 'mk_live_abc123.1700000000' | openssl dgst -sha256 -hmac "$SECRET"`, computed once by hand.
OPENSSL_SIGNATURE = "cad5c3d8ccf9cf1d6a2df856dcf8070755307d7a975169c24b579d338fbeb3dc"

KEYS = {
    KEY_ID: Credential(KEY_ID, SECRET, account_id="m1"),
    "mk_test_off": Credential("mk_test_off", SECRET, account_id="m1", active=False),
    "mk_test_other": Credential("mk_test_other", "other-secret", account_id="m2"),
}


def test_signature_matches_the_docs_formula() -> None:
    by_formula = hmac.new(SECRET.encode(), f"{KEY_ID}.{TS}".encode(), hashlib.sha256).hexdigest()
    assert by_formula == OPENSSL_SIGNATURE
    assert auth.sign(SECRET, KEY_ID, TS) == OPENSSL_SIGNATURE
    assert auth.authorization_header(KEY_ID, SECRET, TS) == f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}"


def test_httpx_auth_signs_each_request_with_a_fresh_timestamp() -> None:
    clock = iter([TS, TS + 7])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={})

    signer = auth.MPChatAuth(KEY_ID, SECRET, clock=lambda: next(clock))
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer) as client:
        client.get("https://sandbox.test/v1/balance")
        client.get("https://sandbox.test/v1/balance")
    assert seen[0] == f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}"
    assert seen[1].startswith(f"Bearer {KEY_ID}:{TS + 7}:")
    assert seen[0] != seen[1]
    assert SECRET not in repr(signer)


def test_verifier_accepts_a_valid_header() -> None:
    key = auth.verify(f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}", KEYS.get, now=TS + 10)
    assert key.account_id == "m1"
    assert SECRET not in repr(key)


@pytest.mark.parametrize(
    ("header", "now", "message"),
    [
        (None, TS, "missing authorization header"),
        ("", TS, "missing authorization header"),
        (f"Basic {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}", TS, "invalid authorization format"),
        (f"Bearer {KEY_ID}:{TS}", TS, "invalid authorization format"),
        (f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}:extra", TS, "invalid authorization format"),
        (f"Bearer {KEY_ID}:soon:{OPENSSL_SIGNATURE}", TS, "invalid authorization format"),
        (f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE[:-2]}", TS, "invalid authorization format"),
        (f"Bearer mk_live_nobody:{TS}:{OPENSSL_SIGNATURE}", TS, "api key not found"),
        (f"Bearer mk_test_off:{TS}:{auth.sign(SECRET, 'mk_test_off', TS)}", TS, "api key is inactive"),
        (f"Bearer {KEY_ID}:{TS}:{'0' * 64}", TS, "invalid signature"),
        # Another key's valid signature does not verify for this key id.
        (f"Bearer {KEY_ID}:{TS}:{auth.sign('other-secret', 'mk_test_other', TS)}", TS, "invalid signature"),
        # Signature valid for a different timestamp than the one in the header.
        (f"Bearer {KEY_ID}:{TS + 1}:{OPENSSL_SIGNATURE}", TS, "invalid signature"),
        (f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}", TS + 301, "request timestamp too old"),
        (f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}", TS - 301, "request timestamp too old"),
    ],
)
def test_verifier_rejects(header: str | None, now: int, message: str) -> None:
    with pytest.raises(auth.AuthError) as caught:
        auth.verify(header, KEYS.get, now=now)
    assert caught.value.message == message


def test_window_edges_are_inclusive() -> None:
    header = f"Bearer {KEY_ID}:{TS}:{OPENSSL_SIGNATURE}"
    assert auth.verify(header, KEYS.get, now=TS + 300).key_id == KEY_ID
    assert auth.verify(header, KEYS.get, now=TS - 300).key_id == KEY_ID
