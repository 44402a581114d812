"""What an MPChat seed may hold, the demo seed, and the merchant profile and endpoint a seed writes.

Merchant profile. `GET /v1/merchants/me` serves a `merchant` object written when the account is
seeded, from the seed's `extra` (name, email, status, tier...) with defaults for what it leaves out.
A seeded `webhook` is an endpoint registered beforehand, subscribed to every event type, and may use
plain HTTP (for a local receiver); its signing secret is `extra.webhook_secret`, else the seeded
`webhook.secret`.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

from ...sandbox import Store, account_schema, closed
from .models import ASSET, EVENT_TYPES, MERCHANT, WEBHOOK, webhook_body

_TEXT = {"type": "string", "minLength": 1, "maxLength": 200}
_VALUE = {"type": "string", "pattern": "^[A-Z][A-Z0-9_]{0,31}$"}

SCHEMA = account_schema(
    extra=closed(
        {
            "name": _TEXT,
            "email": _TEXT,
            "platform_user_id": _TEXT,
            "status": _VALUE,
            "tier": _VALUE,
            "fee_rate": {"type": "string", "pattern": "^[0-9]{1,3}(\\.[0-9]{1,6})?$"},
            "environment": {"enum": ["live", "test"]},
            "webhook_secret": {"type": "string", "maxLength": 256},
        },
        description="the merchant profile and the dashboard's webhook secret",
    ),
    balances={"type": "object", "propertyNames": {"const": ASSET}},
    wallets={"type": "object", "maxProperties": 0},
    credential_data={"type": "object", "maxProperties": 0},
)


def demo_seed() -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
                "credentials": [{"key_id": "mk_test_sandbox", "secret": secrets.token_hex(32)}],
                "balances": {ASSET: "10000.00"},
                "extra": {
                    "name": "Acme Store",
                    "email": "merchant@example.com",
                    "platform_user_id": "usr_abc123",
                    "tier": "STANDARD",
                    "fee_rate": "0.01",
                    "webhook_secret": "whsec_" + secrets.token_hex(16),
                },
            }
        ]
    }


def seed_account(store: Store, account: Mapping[str, Any], now: str) -> None:
    """The merchant profile, and the seeded webhook endpoint as a registered one."""
    account_id = account["id"]
    extra = account.get("extra") or {}
    keys = [credential["key_id"] for credential in account.get("credentials") or []]
    live = any(key.startswith("mk_live_") for key in keys)
    profile: dict[str, Any] = {
        "id": account_id,
        **({"platform_user_id": extra["platform_user_id"]} if "platform_user_id" in extra else {}),
        "name": extra.get("name", account_id),
        "email": extra.get("email", "merchant@example.com"),
        "status": extra.get("status", "ACTIVE"),
        "tier": extra.get("tier", "BASIC"),
        "fee_rate": extra.get("fee_rate", "0"),
        "environment": extra.get("environment", "live" if live else "test"),
        "created_at": now,
        "updated_at": now,
    }
    existing = store.get_object(MERCHANT, account_id)
    if existing is None:
        store.insert_object(MERCHANT, account_id, account_id, profile["status"], profile)
    else:
        profile["created_at"] = existing.body.get("created_at", now)
        store.update_object(existing, profile["status"], profile)
    seeded = account.get("webhook")
    if seeded:
        # One pre-registered endpoint per account, replaced when the account is seeded again.
        webhook_id = "wh_seed_" + hashlib.sha256(account_id.encode()).hexdigest()[:20]
        body = webhook_body(webhook_id, account_id, seeded["url"], list(EVENT_TYPES), now)
        found = store.get_object(WEBHOOK, webhook_id)
        if found is None:
            store.insert_object(WEBHOOK, webhook_id, account_id, "active", body)
        else:
            store.update_object(found, "active", {**body, "created_at": found.body["created_at"]})
