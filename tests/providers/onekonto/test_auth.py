"""1Konto's login-then-bearer flow, against in-memory transports (no server)."""

from __future__ import annotations

import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from withdrawal_apis.core.token_auth import LoginFailed
from withdrawal_apis.providers.onekonto import auth

from ...forgery import forge

USER, PASSWORD = "user@example.com", "password"
# The docs' own example: `password` becomes this digest.
DOCS_DIGEST = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
T0 = 1_700_000_000.0


class FakeOneKonto:
    """Issues JWTs that expire `ttl` seconds after login and accepts only the newest one."""

    def __init__(self, ttl: float = auth.TOKEN_TTL_SECONDS, reject_all: bool = False) -> None:
        self.ttl = ttl
        self.reject_all = reject_all
        self.now = T0
        self.logins: list[dict[str, str]] = []
        self.login_urls: list[str] = []
        self.valid: set[str] = set()
        self.seen: list[str | None] = []
        self.lock = threading.Lock()

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(auth.LOGIN_PATH):
            body = json.loads(request.content)
            with self.lock:
                self.logins.append(body)
                self.login_urls.append(str(request.url))
                claims = {"sub": body["user"], "n": len(self.logins), "exp": int(self.now + self.ttl)}
                token = forge(claims, "server-key")
                self.valid = {token}
            if body["password"] != DOCS_DIGEST:
                return httpx.Response(401, json={"status": 401, "error": "Unauthorized"})
            return httpx.Response(
                200, json={"user": body["user"], "token": token, "status": "ok", "httpStatusCode": 200}
            )
        header = request.headers.get("Authorization")
        self.seen.append(header)
        token = (header or "").removeprefix("Bearer ")
        if self.reject_all or token not in self.valid:
            return httpx.Response(401, json={"status": 401, "error": "Unauthorized"})
        return httpx.Response(200, json={"ok": True})


def client_for(server: FakeOneKonto, signer: auth.OneKontoAuth) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(server.handler), auth=signer, base_url="https://1konto.test")


def signer(server: FakeOneKonto, **kwargs: object) -> auth.OneKontoAuth:
    return auth.OneKontoAuth(USER, PASSWORD, clock=lambda: server.now, **kwargs)  # type: ignore[arg-type]


def test_the_digest_is_the_docs_example() -> None:
    assert auth.password_digest("password") == DOCS_DIGEST == hashlib.sha256(b"password").hexdigest()
    assert auth.verify_password("password", DOCS_DIGEST)
    assert not auth.verify_password("password", DOCS_DIGEST.upper())
    assert not auth.verify_password("Password", DOCS_DIGEST)


def test_login_sends_the_digest_never_the_password() -> None:
    server = FakeOneKonto()
    with client_for(server, signer(server)) as client:
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
    assert server.logins == [{"user": USER, "password": DOCS_DIGEST}]
    assert server.seen[0] is not None
    assert server.seen[0].startswith("Bearer ey")


@pytest.mark.parametrize(
    ("url", "login"),
    [
        ("https://1konto.test/api/v1/accounting/account/a1?max=5", "https://1konto.test/api/v1/identity/jwt"),
        ("https://gw.test/prefix/api/v1/accounting/account/a1", "https://gw.test/prefix/api/v1/identity/jwt"),
        ("https://gw.test/prefix/", "https://gw.test/prefix/api/v1/identity/jwt"),
    ],
)
def test_the_login_url_sits_beside_the_request(url: str, login: str) -> None:
    assert str(auth.login_url(httpx.URL(url))) == login


def test_the_token_is_cached_until_shortly_before_it_expires() -> None:
    server = FakeOneKonto()
    with client_for(server, signer(server, refresh_margin=300)) as client:
        for _ in range(3):
            assert client.get("/api/v1/accounting/account/a1").status_code == 200
        assert len(server.logins) == 1
        server.now += auth.TOKEN_TTL_SECONDS - 301  # still outside the refresh margin
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
        assert len(server.logins) == 1
        server.now += 2  # inside the last five minutes: log in again before the server would refuse
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
        assert len(server.logins) == 2


def test_a_401_logs_in_again_once_and_then_gives_up() -> None:
    server = FakeOneKonto()
    with client_for(server, signer(server)) as client:
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
        server.valid = set()  # the server forgets the token (revoked, restarted...)
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
        assert len(server.logins) == 2
        server.reject_all = True
        assert client.get("/api/v1/accounting/account/a1").status_code == 401
        assert len(server.logins) == 3  # one more login, one retry, no loop


def test_concurrent_first_requests_share_one_login() -> None:
    server = FakeOneKonto()
    shared = signer(server)
    with client_for(server, shared) as client, ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda _: client.get("/api/v1/accounting/account/a1").status_code, range(64)))
    assert statuses == [200] * 64
    assert len(server.logins) == 1 == shared.logins


def test_a_refused_login_raises_without_echoing_the_body() -> None:
    server = FakeOneKonto()
    wrong = auth.OneKontoAuth(USER, "not the password", clock=lambda: server.now)
    with client_for(server, wrong) as client, pytest.raises(LoginFailed) as caught:
        client.get("/api/v1/accounting/account/a1")
    assert caught.value.response.status_code == 401
    assert "not the password" not in str(caught.value)


def test_expiry_comes_from_the_jwt_or_defaults_to_24_hours() -> None:
    token = forge({"sub": USER, "exp": int(T0) + 600}, "k")
    assert auth.token_expiry(token, T0) == T0 + 600
    assert auth.token_expiry("superSecretToken", T0) == T0 + 24 * 3600  # the docs' opaque example token
    assert auth.token_expiry(forge({"sub": USER}, "k"), T0) == T0 + 24 * 3600


def test_an_opaque_token_is_renewed_in_the_last_minutes_of_24_hours() -> None:
    logins = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(auth.LOGIN_PATH):
            logins.append(1)
            return httpx.Response(200, json={"user": USER, "token": f"opaque-{len(logins)}"})
        return httpx.Response(200, json={})

    now = [T0]
    signer_ = auth.OneKontoAuth(USER, PASSWORD, clock=lambda: now[0])
    with httpx.Client(transport=httpx.MockTransport(handler), auth=signer_, base_url="https://1konto.test") as client:
        client.get("/api/v1/accounting/account/a1")
        now[0] += 24 * 3600 - 299  # inside the five-minute margin
        client.get("/api/v1/accounting/account/a1")
    assert len(logins) == 2


def test_digest_only_credentials_and_repr() -> None:
    server = FakeOneKonto()
    by_digest = auth.OneKontoAuth(USER, digest=DOCS_DIGEST.upper(), clock=lambda: server.now)
    with client_for(server, by_digest) as client:
        assert client.get("/api/v1/accounting/account/a1").status_code == 200
    assert server.logins[0]["password"] == DOCS_DIGEST
    for shown in (repr(by_digest), repr(signer(server))):
        assert DOCS_DIGEST not in shown.lower()
        assert PASSWORD not in shown.replace("password=***", "")
    with pytest.raises(ValueError, match="exactly one"):
        auth.OneKontoAuth(USER)
    with pytest.raises(ValueError, match="exactly one"):
        auth.OneKontoAuth(USER, PASSWORD, digest=DOCS_DIGEST)


@pytest.mark.parametrize("body", [b"<html>maintenance</html>", b"{}", b'{"token": ""}'])
def test_a_login_answer_without_a_token_is_a_decoding_error_not_a_crash(body: bytes) -> None:
    signer = auth.OneKontoAuth("user", "pw")
    request = httpx.Request("POST", "https://api.example/auth/login")
    response = httpx.Response(200, content=body, request=request)
    with pytest.raises(httpx.DecodingError):
        signer.parse_login(response)
