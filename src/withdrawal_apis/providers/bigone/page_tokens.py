"""BigONE's `page_token`: a keyset cursor bound to the account it was issued for.

Listing is newest first with keyset paging: the `page_token` is base64url of the last item's sequence
number and an HMAC binding it to the account, so a forged or edited token is refused (404, 10013).
The HMAC key is made once per database, so every process of a shared sandbox accepts the others' tokens.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from ...sandbox import Store
from .errors import not_found

_KEY = "bigone:page_token_key"


def _mac(store: Store, account_id: str, seq: int) -> str:
    key = store.secret(_KEY).encode()
    return hmac.new(key, f"{account_id}\n{seq}".encode(), hashlib.sha256).hexdigest()[:32]


def encode(store: Store, account_id: str, seq: int) -> str:
    raw = f"{seq}.{_mac(store, account_id, seq)}".encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode(store: Store, account_id: str, token: str) -> int:
    """The sequence number a token of this account carries; 404 (10013) for any other token."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        raise not_found("page_token was not issued for this list", rule="issued-page-token") from None
    seq_text, _, mac = raw.partition(".")
    if not seq_text.isdigit() or len(seq_text) > 18:
        raise not_found("page_token was not issued for this list", rule="issued-page-token")
    seq = int(seq_text)
    if not hmac.compare_digest(_mac(store, account_id, seq), mac):
        raise not_found("page_token was not issued for this list", rule="issued-page-token")
    return seq
