"""Real services to run a shared sandbox against, from Debian's packages: a throwaway PostgreSQL and nginx.

Both run on free loopback ports from a temporary folder and are stopped and removed by `close()`;
the project's tests and benchmark use them, and so can an app's own tests of a shared sandbox. A
missing package raises `ServiceMissing`, whose message is the install command. PostgreSQL refuses to
run as root, so as root (CI machines, containers) the cluster runs as Debian's `postgres` account.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from ..reachability import free_port

POSTGRES_INSTALL = "apt-get install -y postgresql"
NGINX_INSTALL = "apt-get install -y nginx"


class ServiceMissing(RuntimeError):
    """A service these helpers start is not installed; the message says how to install it."""


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's binaries (Debian: /usr/lib/postgresql/<version>/bin)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ServiceMissing(f"PostgreSQL is not installed: {POSTGRES_INSTALL}")


class PostgresCluster:
    """`initdb` + `pg_ctl start` on 127.0.0.1:<free port>; `database()` makes a fresh database per test."""

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="wa-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.log = self.root / "postgres.log"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--no-sync")  # fmt: skip
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_user, str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed: {result.stderr.strip() or result.stdout.strip()}\n{log}")

    def _ctl(self, action: str, *extra: str) -> None:
        # fsync off: these clusters are thrown away, and fsync guards only against an OS crash, not a
        # killed process; every commit still reaches the WAL (the kernel's page cache) before it returns.
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", action, "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, *extra)

    def start(self) -> None:
        self._ctl("start")

    def restart(self, mode: str = "fast") -> None:
        self._ctl("restart", "-m", mode)

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w")

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new, empty database; its address."""
        from ..sandbox.store.postgres import create_database  # psycopg: a sandbox extra, loaded only here

        return create_database(self.dsn(), f"t_{uuid.uuid4().hex[:16]}")

    def close(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class Nginx:
    """nginx as a team puts it in front of N emulator processes: round robin, the next one on a dead peer."""

    def __init__(self, upstream_ports: list[int]) -> None:
        binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
        if binary is None:
            raise ServiceMissing(f"nginx is not installed: {NGINX_INSTALL}")
        self.root = Path(tempfile.mkdtemp(prefix="wa-nginx-"))
        self.port = free_port()
        servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=0;" for port in upstream_ports)
        (self.root / "nginx.conf").write_text(NGINX_CONF.format(root=self.root, port=self.port, servers=servers))
        self.process = subprocess.Popen(
            [binary, "-p", str(self.root), "-c", str(self.root / "nginx.conf"), "-e", str(self.root / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {self.process.communicate()[1].decode()}") from None
                time.sleep(0.02)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)


# The deployment docs/shared-sandbox.md shows, reduced to loopback and a temporary prefix.
NGINX_CONF = """
daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    client_max_body_size 16m;
    upstream sandbox {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://sandbox;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""
