"""Is anything listening at a base URL (answered in seconds, before a long run starts), and a free port to listen on."""

from __future__ import annotations

import socket

import httpx

TIMEOUT = 3.0


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (for a server this process starts next)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def unreachable(base_url: str, timeout: float = TIMEOUT) -> str | None:
    """Why `base_url` cannot be reached, or None when it answers HTTP (any status is an answer)."""
    try:
        httpx.get(base_url, timeout=timeout)
    except httpx.InvalidURL as error:
        return f"{base_url} is not a valid URL ({error})"
    except httpx.UnsupportedProtocol:
        return f"{base_url} is not an http:// or https:// URL"
    except httpx.ConnectError as error:
        return f"cannot connect to {base_url}: {_reason(error)}"
    except httpx.TimeoutException:
        return f"{base_url} did not answer within {timeout:.0f} s"
    except httpx.HTTPError as error:
        return f"cannot reach {base_url}: {_reason(error)}"
    return None


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.split("] ", 1)[-1]  # "[Errno 111] Connection refused" -> "Connection refused"
