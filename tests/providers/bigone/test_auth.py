"""BigONE's per-request JWT, checked against the provider's example token and an independent library."""

from __future__ import annotations

import httpx
import jwt as pyjwt
import pytest

from withdrawal_apis import hs256
from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers.bigone import auth

from ...forgery import forge

# BigONE's example secret is ten bytes; PyJWT warns about short HMAC keys, which is beside the point here.
pytestmark = pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")

SECRET = "testsecret"  # the example secret of BigONE's authentication page
# The "Signed Token" printed on https://open.bigone.com/docs/authentication, verbatim. It encodes
# {"typ": "JWT", "alg": "HS256"} and {"type": "OpenAPIV2", "sub": "cee88ab0bc69435784b7db0545e85647",
# "nonce": 1527665262168391000} -- not the payload printed above it (see Known deviations).
DOCS_TOKEN = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."
    "eyJ0eXBlIjoiT3BlbkFQSVYyIiwic3ViIjoiY2VlODhhYjBiYzY5NDM1Nzg0YjdkYjA1NDVlODU2NDciLCJub25jZSI6MTUyNzY2NTI2MjE2ODM5MTAwMH0."
    "cJ_uPmDeIxEPbKb_Xi0YuCflt_kgok5lryPwDG-jrsM"
)
DOCS_SUB = "cee88ab0bc69435784b7db0545e85647"
DOCS_NONCE = 1527665262168391000
API_KEY = "765fc50d-39e0-11f0-9669-5a69d7ba6f46"  # the key of the page's printed payload

KEYS = {
    DOCS_SUB: Credential(DOCS_SUB, SECRET, account_id="docs"),
    API_KEY: Credential(API_KEY, SECRET, account_id="a1"),
    "disabled": Credential("disabled", SECRET, account_id="a1", active=False),
    "other": Credential("other", "other-secret", account_id="a2"),
}
NOW = 1_700_000_000 * auth.NANOS


def bearer(claims: dict[str, object], secret: str = SECRET) -> str:
    return f"Bearer {forge(claims, secret)}"


def test_docs_token_decodes_independently_to_the_documented_claims() -> None:
    claims = pyjwt.decode(DOCS_TOKEN, SECRET, algorithms=["HS256"])
    assert claims == {"type": "OpenAPIV2", "sub": DOCS_SUB, "nonce": DOCS_NONCE}
    assert pyjwt.get_unverified_header(DOCS_TOKEN) == {"typ": "JWT", "alg": "HS256"}
    # Our shared implementation agrees, and the verifier accepts it at the moment it was made.
    assert hs256.decode(DOCS_TOKEN, SECRET) == claims
    assert auth.verify(f"Bearer {DOCS_TOKEN}", KEYS.get, now_ns=DOCS_NONCE + 29 * auth.NANOS).account_id == "docs"


def test_the_legacy_page_token_does_not_verify_with_the_example_secret() -> None:
    """The older page's curl token carries the printed payload (with recv_window "50") but another key."""
    legacy = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJ0eXBlIjoiT3BlbkFQSVYyIiwic3ViIjoiY2VlODhhYjAtYmM2OS00MzU3LTg0YjctZGIwNTQ1ZTg1NjQ3Iiwibm9uY2UiOiIxNTI3NjY1"
        "MjYyMTY4MzkxMDAwIiwicmVjdl93aW5kb3ciOiI1MCJ9."
        "AwsojrjKuQGTgmmkLDZ3piCOmuAQ_Y2PtU9JSUOQaT0"
    )
    assert pyjwt.decode(legacy, options={"verify_signature": False}) == {
        "type": "OpenAPIV2",
        "sub": "cee88ab0-bc69-4357-84b7-db0545e85647",
        "nonce": "1527665262168391000",
        "recv_window": "50",
    }
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(legacy, SECRET, algorithms=["HS256"])
    with pytest.raises(hs256.TokenProblem):
        hs256.decode(legacy, SECRET)


def test_docs_token_is_refused_with_another_secret_and_outside_its_window() -> None:
    with pytest.raises(auth.AuthError) as bad_secret:
        auth.verify(f"Bearer {DOCS_TOKEN}", {DOCS_SUB: KEYS["other"]}.get, now_ns=DOCS_NONCE)
    assert (bad_secret.value.status, bad_secret.value.code) == (401, 40106)
    with pytest.raises(auth.AuthError) as stale:
        auth.verify(f"Bearer {DOCS_TOKEN}", KEYS.get, now_ns=NOW)
    assert (stale.value.code, stale.value.reason) == (40106, "nonce is outside recv_window")


def test_claims_builder_makes_the_documented_payload() -> None:
    assert auth.Claims(API_KEY, DOCS_NONCE).to_jwt() == {
        "type": "OpenAPIV2",
        "sub": API_KEY,
        "nonce": "1527665262168391000",
    }
    assert auth.Claims(API_KEY, DOCS_NONCE, recv_window=50).to_jwt()["recv_window"] == "50"
    assert auth.Claims.from_jwt(auth.Claims(API_KEY, DOCS_NONCE, 50).to_jwt()) == auth.Claims(API_KEY, DOCS_NONCE, 50)


def test_signed_token_decodes_independently() -> None:
    token = auth.token(API_KEY, SECRET, DOCS_NONCE)
    assert pyjwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert pyjwt.decode(token, SECRET, algorithms=["HS256"]) == {
        "type": "OpenAPIV2",
        "sub": API_KEY,
        "nonce": "1527665262168391000",
    }
    # And PyJWT's own token for the same claims passes our verifier.
    theirs = pyjwt.encode({"type": "OpenAPIV2", "sub": API_KEY, "nonce": str(NOW)}, SECRET, algorithm="HS256")
    assert auth.verify(f"Bearer {theirs}", KEYS.get, now_ns=NOW).key_id == API_KEY


def test_httpx_auth_signs_each_request_with_a_fresh_nonce() -> None:
    clock = iter([NOW, NOW + 1])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"code": 0, "data": []})

    signer = auth.BigONEAuth(API_KEY, SECRET, recv_window=10, clock_ns=lambda: next(clock))
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer) as client:
        client.get("https://sandbox.test/viewer/accounts")
        client.get("https://sandbox.test/viewer/accounts")
    nonces = [pyjwt.decode(h.removeprefix("Bearer "), SECRET, algorithms=["HS256"])["nonce"] for h in seen]
    assert nonces == [str(NOW), str(NOW + 1)]
    assert pyjwt.decode(seen[0].removeprefix("Bearer "), SECRET, algorithms=["HS256"])["recv_window"] == "10"
    assert SECRET not in repr(signer)


def test_window_is_strict_and_recv_window_widens_it() -> None:
    edge = auth.authorization_header(API_KEY, SECRET, NOW - 30 * auth.NANOS)
    inside = auth.authorization_header(API_KEY, SECRET, NOW - 30 * auth.NANOS + 1)
    assert auth.verify(inside, KEYS.get, now_ns=NOW).key_id == API_KEY
    with pytest.raises(auth.AuthError):
        auth.verify(edge, KEYS.get, now_ns=NOW)  # "must be less than recv_window"
    future = auth.authorization_header(API_KEY, SECRET, NOW + 40 * auth.NANOS, recv_window=50)
    assert auth.verify(future, KEYS.get, now_ns=NOW).key_id == API_KEY


def _none_token() -> str:
    return "Bearer " + forge({"type": "OpenAPIV2", "sub": API_KEY, "nonce": str(NOW)}, None, "none")


GOOD = {"type": "OpenAPIV2", "sub": API_KEY, "nonce": str(NOW)}


@pytest.mark.parametrize(
    ("header", "status", "code"),
    [
        (None, 401, 40004),
        ("", 401, 40004),
        ("Basic dXNlcjpwYXNz", 400, 40107),
        ("Bearer", 400, 40107),
        ("Bearer a b", 400, 40107),
        ("Bearer not-a-jwt", 401, 40106),
        ("Bearer a.b.c", 401, 40106),
        (_none_token(), 401, 40106),
        ("Bearer " + forge(GOOD, SECRET * 7, "HS512"), 401, 40106),
        (bearer(GOOD, "wrong-secret"), 401, 40106),
        (bearer(GOOD, "other-secret"), 401, 40106),  # another key's secret
        (bearer({**GOOD, "type": "OpenAPI"}), 401, 40106),  # the legacy V2 token type
        (bearer({**GOOD, "type": "OpenAPIv2"}), 401, 40106),  # lower-case v
        (bearer({**GOOD, "nonce": "soon"}), 401, 40106),
        (bearer({**GOOD, "nonce": -1}), 401, 40106),
        (bearer({**GOOD, "nonce": True}), 401, 40106),
        (bearer({**GOOD, "recv_window": "0"}), 401, 40106),
        (bearer({**GOOD, "recv_window": "thirty"}), 401, 40106),
        (bearer({k: v for k, v in GOOD.items() if k != "nonce"}), 401, 40106),
        (bearer({**GOOD, "nonce": str(NOW - 31 * auth.NANOS)}), 401, 40106),
        (bearer({**GOOD, "nonce": str(NOW + 31 * auth.NANOS)}), 401, 40106),
        (bearer({**GOOD, "sub": "nobody"}), 401, 40004),
        (bearer({**GOOD, "sub": "disabled"}), 401, 40004),
        (bearer({k: v for k, v in GOOD.items() if k != "sub"}), 401, 40004),
    ],
)
def test_verifier_rejects(header: str | None, status: int, code: int) -> None:
    with pytest.raises(auth.AuthError) as caught:
        auth.verify(header, KEYS.get, now_ns=NOW)
    assert (caught.value.status, caught.value.code) == (status, code)
    assert SECRET not in str(caught.value)


def test_numeric_nonce_is_accepted_like_the_docs_token() -> None:
    assert auth.verify(bearer({**GOOD, "nonce": NOW}), KEYS.get, now_ns=NOW).key_id == API_KEY
