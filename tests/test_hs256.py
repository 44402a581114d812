"""The one HS256 JWT codec: PyJWT with the algorithm allow-listed, checked against the published example token."""

from __future__ import annotations

import base64
import json

import jwt as pyjwt
import pytest

from withdrawal_apis import hs256

# The published example's key is 19 bytes; PyJWT warns about short HMAC keys, which is beside the point here.
pytestmark = pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")

SECRET = "your-256-bit-secret"
# The HS256 example token published on jwt.io: header {"alg":"HS256","typ":"JWT"}.
EXAMPLE = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
EXAMPLE_CLAIMS = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}
TAMPERED = EXAMPLE.replace(".SflK", ".TflK")  # one signature character changed, still canonical base64url


def b64url(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def test_decodes_the_published_example() -> None:
    assert hs256.decode(EXAMPLE, SECRET) == EXAMPLE_CLAIMS


def test_encodes_the_published_example_byte_for_byte() -> None:
    assert hs256.encode(EXAMPLE_CLAIMS, SECRET) == EXAMPLE


def test_claims_are_left_to_the_caller() -> None:
    # An `exp` long past and an `iat` in the future are the caller's to judge, on the caller's clock.
    token = hs256.encode({"sub": "x", "exp": 1, "iat": 4_000_000_000, "nbf": 4_000_000_000}, SECRET)
    assert hs256.decode(token, SECRET) == {"sub": "x", "exp": 1, "iat": 4_000_000_000, "nbf": 4_000_000_000}


REFUSED = [
    pytest.param(TAMPERED, "signature", id="tampered signature"),
    pytest.param(EXAMPLE[:-2] + "xx", "malformed", id="signature with non-zero padding bits"),
    pytest.param(hs256.encode(EXAMPLE_CLAIMS, "another key entirely, of 32 bytes"), "signature", id="other key"),
    pytest.param(pyjwt.encode(EXAMPLE_CLAIMS, "k" * 64, algorithm="HS512"), "algorithm", id="HS512"),
    pytest.param(pyjwt.encode(EXAMPLE_CLAIMS, None, algorithm="none"), "algorithm", id="alg none"),
    pytest.param(b64url({"alg": "none"}) + "." + b64url(EXAMPLE_CLAIMS) + ".", "algorithm", id="bare alg none"),
    pytest.param(b64url({"typ": "JWT"}) + "." + b64url(EXAMPLE_CLAIMS) + ".c2ln", "algorithm", id="no alg"),
    pytest.param(b64url({"alg": "RS256"}) + "." + b64url(EXAMPLE_CLAIMS) + ".c2ln", "algorithm", id="RS256"),
    pytest.param("a.b", "malformed", id="two segments"),
    pytest.param("###.###.###", "malformed", id="not base64url"),
    pytest.param(b64url([1]) + "." + b64url({}) + ".c2ln", "malformed", id="header not an object"),
]


@pytest.mark.parametrize(("token", "reason"), REFUSED)
def test_refuses(token: str, reason: str) -> None:
    with pytest.raises(hs256.TokenProblem) as caught:
        hs256.decode(token, SECRET)
    assert caught.value.reason == reason


def test_refuses_signed_claims_that_are_not_an_object() -> None:
    with pytest.raises(hs256.TokenProblem) as caught:
        hs256.decode(pyjwt.api_jws.encode(b"[1]", SECRET, algorithm="HS256"), SECRET)
    assert caught.value.reason == "malformed"


def test_unverified_reads_header_and_claims_without_the_key() -> None:
    assert hs256.unverified(EXAMPLE) == ({"alg": "HS256", "typ": "JWT"}, EXAMPLE_CLAIMS)
    assert hs256.unverified_claims(TAMPERED) == EXAMPLE_CLAIMS


@pytest.mark.parametrize("token", ["", "opaque-session-token", "a.b", "###.###.###"])
def test_unverified_refuses_what_is_not_a_jwt(token: str) -> None:
    with pytest.raises(hs256.TokenProblem) as caught:
        hs256.unverified_claims(token)
    assert caught.value.reason == "malformed"


# -- read once, then check the signature with the key the claims name ---------------------------------
def read_and_check(token: str, secret: str) -> dict[str, object]:
    return hs256.check(hs256.read(token), secret)


def test_read_then_check_gives_what_decode_gives() -> None:
    parsed = hs256.read(EXAMPLE)
    assert (dict(parsed.header), dict(parsed.claims)) == hs256.unverified(EXAMPLE)
    assert read_and_check(EXAMPLE, SECRET) == hs256.decode(EXAMPLE, SECRET) == EXAMPLE_CLAIMS


@pytest.mark.parametrize(("token", "reason"), REFUSED)
def test_read_then_check_refuses_as_decode_does(token: str, reason: str) -> None:
    for _ in range(2):  # the second time from what was remembered: the same verdict
        with pytest.raises(hs256.TokenProblem) as caught:
            read_and_check(token, SECRET)
        assert caught.value.reason == reason


def test_a_remembered_verification_holds_for_its_key_only() -> None:
    assert read_and_check(EXAMPLE, SECRET) == EXAMPLE_CLAIMS
    with pytest.raises(hs256.TokenProblem) as caught:
        read_and_check(EXAMPLE, "another key entirely, of 32 bytes")
    assert caught.value.reason == "signature"


def test_checked_claims_are_the_callers_own_copy() -> None:
    claims = read_and_check(EXAMPLE, SECRET)
    claims["sub"] = "someone else"
    assert read_and_check(EXAMPLE, SECRET)["sub"] == "1234567890"


def test_memory_stays_bounded_however_many_tokens_arrive() -> None:
    for n in range(3000):
        read_and_check(hs256.encode({"sub": "x", "n": n}, SECRET), SECRET)
    assert len(hs256._READ) <= hs256._CACHE_MAX
    assert len(hs256._CHECKED) <= hs256._CACHE_MAX
