"""Our HS256 JWT against an independent implementation (PyJWT) and the widely published example token."""

from __future__ import annotations

import jwt as pyjwt
import pytest

from withdrawal_apis import jwt

# The HS256 example from RFC 7519's ecosystem (jwt.io): header {"alg":"HS256","typ":"JWT"}.
EXAMPLE = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def test_decodes_the_published_example() -> None:
    assert jwt.decode(EXAMPLE, "your-256-bit-secret") == {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}


def test_encode_matches_pyjwt_byte_for_byte() -> None:
    claims = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}
    assert jwt.encode(claims, "your-256-bit-secret") == EXAMPLE
    assert pyjwt.encode(claims, "your-256-bit-secret", algorithm="HS256") == EXAMPLE


def test_pyjwt_accepts_what_we_sign() -> None:
    token = jwt.encode({"type": "OpenAPIV2", "sub": "key", "nonce": "1527665262168391000"}, "testsecret")
    assert pyjwt.decode(token, "testsecret", algorithms=["HS256"])["nonce"] == "1527665262168391000"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (EXAMPLE[:-2] + "xx", "signature"),
        (pyjwt.encode({"sub": "x"}, "your-256-bit-secret", algorithm="HS512"), "algorithm"),
        (jwt.b64url_encode(b'{"alg":"none","typ":"JWT"}') + "." + jwt.b64url_encode(b'{"sub":"x"}') + ".", "algorithm"),
        ("a.b", "malformed"),
        ("###.###.###", "malformed"),
        (jwt.b64url_encode(b"[1]") + "." + jwt.b64url_encode(b"{}") + ".sig", "malformed"),
    ],
)
def test_refuses(token: str, reason: str) -> None:
    with pytest.raises(jwt.JWTError) as caught:
        jwt.decode(token, "your-256-bit-secret")
    assert caught.value.reason == reason
