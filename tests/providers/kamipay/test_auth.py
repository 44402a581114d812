"""kamiPay's login-then-bearer flow: token cache, refresh before `exp`, one retry on 401, thread safety."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs

import httpx
import jwt as pyjwt
import pytest

from withdrawal_apis.credentials import Credential
from withdrawal_apis.providers.kamipay import auth
from withdrawal_apis.sandbox.store import Store
from withdrawal_apis.sandbox.tokens import TokenIssuer

T0 = 1_700_000_000
USER, PASSWORD = "merchant-api", "p4ss w0rd&="


def token(exp: int | None, secret: str = "server-secret") -> str:
    secret = secret.ljust(32, "-")  # PyJWT warns about HMAC keys shorter than the hash
    claims = {"iss": "kamipay-backend", "sub": USER, **({"exp": exp} if exp is not None else {})}
    return pyjwt.encode(claims, secret, algorithm="HS256")


class FakeKamipay:
    """Issues a token per login; accepts only the newest token, and only before its expiry."""

    def __init__(self, lifetime: int = 3600, clock: Callable[[], float] = lambda: T0) -> None:
        self.lifetime = lifetime
        self.clock = clock
        self.logins: list[dict[str, list[str]]] = []
        self.login_content_types: list[str] = []
        self.valid: set[str] = set()
        self.seen: list[str | None] = []
        self.reject_all = False
        self.login_delay = 0.0
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/token":
            time.sleep(self.login_delay)
            with self._lock:
                self.logins.append(parse_qs(request.content.decode()))
                self.login_content_types.append(request.headers["content-type"])
                issued = token(int(self.clock()) + self.lifetime, secret=f"s{len(self.logins)}")
                self.valid = {issued}
            return httpx.Response(200, json={"access_token": issued, "token_type": "bearer"})
        header = request.headers.get("authorization")
        with self._lock:
            self.seen.append(header)
            ok = not self.reject_all and header is not None and header.removeprefix("Bearer ") in self.valid
        if ok:
            return httpx.Response(200, json=[])
        return httpx.Response(401, json={"detail": "Incorrect Credentials"})


def make(server: FakeKamipay, clock: Callable[[], float] = lambda: T0) -> tuple[httpx.Client, auth.KamipayAuth]:
    signer = auth.KamipayAuth(USER, PASSWORD, clock=clock)
    return httpx.Client(base_url="https://sandbox.test", transport=httpx.MockTransport(server), auth=signer), signer


def test_logs_in_with_a_url_encoded_form_and_caches_the_token() -> None:
    server = FakeKamipay()
    client, signer = make(server)
    with client:
        for _ in range(3):
            assert client.get("/v2/merchants/wallets").status_code == 200
    assert signer.logins == 1
    assert server.logins == [{"username": [USER], "password": [PASSWORD]}]
    assert server.login_content_types == ["application/x-www-form-urlencoded"]
    assert len(set(server.seen)) == 1
    assert PASSWORD not in repr(signer)


def test_expiry_comes_from_the_jwt_exp_claim() -> None:
    signer = auth.KamipayAuth(USER, PASSWORD, clock=lambda: T0)
    response = httpx.Response(200, json={"access_token": token(T0 + 120), "token_type": "bearer"})
    assert signer.parse_login(response) == (token(T0 + 120), float(T0 + 120))
    # No `exp` (or not a JWT at all): assume kamiPay's shortest lifetime, one hour.
    for opaque in (token(None), "not-a-jwt"):
        response = httpx.Response(200, json={"access_token": opaque, "token_type": "bearer"})
        assert signer.parse_login(response)[1] == T0 + auth.DEFAULT_LIFETIME


def test_refreshes_shortly_before_exp() -> None:
    now = [float(T0)]
    server = FakeKamipay(lifetime=3600, clock=lambda: now[0])
    client, signer = make(server, clock=lambda: now[0])
    with client:
        client.get("/v2/merchants/wallets")
        now[0] = T0 + 3600 - 61  # outside the 60 s margin: keep the token
        client.get("/v2/merchants/wallets")
        assert signer.logins == 1
        now[0] = T0 + 3600 - 59  # inside the margin: log in again before the server would refuse
        assert client.get("/v2/merchants/wallets").status_code == 200
    assert signer.logins == 2
    assert len(server.logins) == 2
    assert server.seen[1] != server.seen[2]


def test_a_401_triggers_exactly_one_new_login() -> None:
    server = FakeKamipay()
    client, signer = make(server)
    with client:
        client.get("/v2/merchants/wallets")
        server.valid = set()  # the server revokes the token (e.g. restarted with a new key)
        assert client.get("/v2/merchants/wallets").status_code == 200
    assert signer.logins == 2


def test_never_loops_when_the_server_keeps_refusing() -> None:
    server = FakeKamipay()
    server.reject_all = True
    client, signer = make(server)
    with client:
        response = client.get("/v2/merchants/wallets")
    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect Credentials"}
    assert signer.logins == 2  # the first login and one retry
    assert len(server.seen) == 2


def test_a_failed_login_raises_without_the_password() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"detail": "Incorrect Credentials"})

    signer = auth.KamipayAuth(USER, PASSWORD)
    transport = httpx.MockTransport(refuse)
    with (
        httpx.Client(base_url="https://sandbox.test", transport=transport, auth=signer) as client,
        pytest.raises(auth.LoginFailed) as caught,
    ):
        client.get("/v2/merchants/wallets")
    assert caught.value.response.status_code == 401
    assert PASSWORD not in str(caught.value)


def test_concurrent_requests_share_one_login() -> None:
    server = FakeKamipay()
    server.login_delay = 0.2  # every thread arrives while the first login is still in flight
    client, signer = make(server)
    barrier = threading.Barrier(16)

    def call(_: int) -> int:
        barrier.wait()
        return client.get("/v2/merchants/wallets").status_code

    with client, ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(call, range(16)))
    assert statuses == [200] * 16
    assert signer.logins == 1
    assert len(server.logins) == 1


def test_async_clients_share_one_login_too() -> None:
    server = FakeKamipay()
    signer = auth.KamipayAuth(USER, PASSWORD, clock=lambda: T0)

    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.01)
        return server(request)

    async def run() -> list[int]:
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(base_url="https://sandbox.test", transport=transport, auth=signer) as client:
            responses = await asyncio.gather(*(client.get("/v2/merchants/wallets") for _ in range(10)))
        return [r.status_code for r in responses]

    assert asyncio.run(run()) == [200] * 10
    assert signer.logins == 1


def test_login_url_keeps_a_base_path_prefix() -> None:
    signer = auth.KamipayAuth(USER, PASSWORD, login_url="https://gw.test/kamipay/auth/token")
    login = signer.login_request(httpx.Request("GET", "https://gw.test/kamipay/v2/merchants/wallets?x=1"))
    assert str(login.url) == "https://gw.test/kamipay/auth/token"
    derived = auth.KamipayAuth(USER, PASSWORD).login_request(httpx.Request("GET", "https://h.test/v1/x?y=2"))
    assert str(derived.url) == "https://h.test/auth/token"
    assert derived.method == "POST"


# -- the emulator's verifier --------------------------------------------------------------------
USERS = {
    USER: Credential(USER, PASSWORD, account_id="m1"),
    "retired": Credential("retired", PASSWORD, account_id="m1", active=False),
}


@pytest.fixture
def issuer() -> TokenIssuer:
    return TokenIssuer(Store(), ttl_seconds=3600)


def test_verifier_accepts_a_token_it_issued(issuer: TokenIssuer) -> None:
    issued, expires = issuer.issue(USER, now=T0)
    assert expires == T0 + 3600
    assert pyjwt.decode(issued, issuer.secret, algorithms=["HS256"], options={"verify_exp": False})["exp"] == expires
    assert auth.verify(f"Bearer {issued}", issuer, USERS.get, now=T0 + 10).account_id == "m1"
    assert auth.verify(f"bearer {issued}", issuer, USERS.get, now=T0 + 10).key_id == USER


def test_verifier_maps_every_token_problem_to_a_documented_body(issuer: TokenIssuer) -> None:
    issued, expires = issuer.issue(USER, now=T0)
    retired, _ = issuer.issue("retired", now=T0)
    ghost, _ = issuer.issue("nobody", now=T0)
    forged = pyjwt.encode({"sub": USER, "exp": expires}, "a guessed key of a sensible length!", algorithm="HS256")
    header, claims, _sig = issued.split(".")
    cases = {
        None: True,
        "": True,
        f"Basic {issued}": True,
        "Bearer": True,
        "Bearer ": True,
        "Bearer not.a.jwt": False,
        f"Bearer {forged}": False,
        f"Bearer {header}.{claims}.": False,
        f"Bearer {pyjwt.encode({'sub': USER, 'exp': expires}, issuer.secret, algorithm='HS512')}": False,
        f"Bearer {retired}": False,
        f"Bearer {ghost}": False,
    }
    for value, gateway in cases.items():
        with pytest.raises(auth.AuthError) as caught:
            auth.verify(value, issuer, USERS.get, now=T0 + 10)
        assert (caught.value.shape == auth.GATEWAY) is gateway, value
        assert caught.value.message == ("Unauthorized" if gateway else "Incorrect Credentials"), value
    with pytest.raises(auth.AuthError) as caught:
        auth.verify(f"Bearer {issued}", issuer, USERS.get, now=expires)
    assert caught.value.message == "Incorrect Credentials"
    assert caught.value.shape is None


def test_password_check_is_exact() -> None:
    assert auth.check_password(USERS[USER], PASSWORD)
    assert not auth.check_password(USERS[USER], PASSWORD + " ")
    assert not auth.check_password(USERS["retired"], PASSWORD)
    assert not auth.check_password(None, PASSWORD)
