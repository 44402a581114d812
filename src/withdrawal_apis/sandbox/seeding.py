"""Seeding an emulator: a seed document checked against the provider's schema, then written in one go.

The control API's spec gives the shape every seed shares (accounts with credentials, balances,
wallets, whitelist, webhook, extra). Each provider publishes a JSON Schema for one of its accounts
(`ProviderSandbox.seed_schema`: what its `extra`, credential `data`, balance keys and whitelist
networks may be); the emulator's control API validates a seed against both at once (it serves that
combined spec at `/_sandbox/openapi.json`), so a seed the provider cannot serve is refused with the
field that is wrong, and a seed the schema allows is one the emulator takes. The provider's
`seed_account` hook then writes the records it derives, and the engine writes the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..credentials import Credential
from .engine import Engine
from .http import ApiError, Reason
from .store import Destination


def closed(properties: Mapping[str, Any], **more: Any) -> dict[str, Any]:
    """A JSON object schema that takes only the given properties."""
    return {"type": "object", "additionalProperties": False, "properties": dict(properties), **more}


def account_schema(
    *,
    extra: Mapping[str, Any] | None = None,
    credential_data: Mapping[str, Any] | None = None,
    credentials: Mapping[str, Any] | None = None,
    balances: Mapping[str, Any] | None = None,
    wallets: Mapping[str, Any] | None = None,
    whitelist_entry: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A provider's `seed_schema` for one account, from the schemas of the parts it constrains.

    `extra`: the account's provider settings; `credential_data`: each credential's `data`
    (`credentials`: the list as a whole);
    `balances`: the default wallet's balances; `wallets`: sub-accounts and their balances;
    `whitelist_entry`: one whitelisted destination. A part left out is as the control API allows it.
    """
    listed = {**(credentials or {})}
    if credential_data is not None:
        listed["items"] = {"properties": {"data": credential_data}}
    parts = {
        "extra": extra,
        "credentials": listed or None,
        "balances": balances,
        "wallets": wallets,
        "whitelist": {"items": whitelist_entry} if whitelist_entry is not None else None,
    }
    return {"type": "object", "properties": {name: part for name, part in parts.items() if part is not None}}


class Seeder:
    """Writes seed documents already checked against the control API's seed schema (common and provider rules)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def seed(self, document: Mapping[str, Any]) -> list[str]:
        """Write every account of a seed document in one transaction; returns their ids."""
        accounts = document["accounts"]
        store = self.engine.store
        with store.transaction():
            for account in accounts:
                self.engine.provider.seed_account(account)
                self._write(account)
        return [account["id"] for account in accounts]

    def _write(self, account: Mapping[str, Any]) -> None:
        store = self.engine.store
        account_id = account["id"]
        store.put_account(account_id, account.get("extra") or {}, account.get("webhook"))
        for credential in account.get("credentials", []):
            store.put_credential(
                Credential(
                    credential["key_id"],
                    credential["secret"],
                    account_id,
                    credential.get("active", True),
                    credential.get("data") or {},
                )
            )
        wallets: dict[str, Mapping[str, str]] = {"": account.get("balances") or {}, **(account.get("wallets") or {})}
        for wallet, balances in wallets.items():
            for asset, amount in balances.items():
                store.set_available(account_id, asset, _amount(amount), wallet)
        for entry in account.get("whitelist", []):
            store.add_destination(account_id, Destination(entry["network"], entry["address"], entry.get("data") or {}))


def _amount(text: str) -> Decimal:
    value = Decimal(text)
    if not value.is_finite() or value < 0:
        raise ApiError(400, f"not a balance: {text!r}", reason=Reason.INVALID_REQUEST)
    return value
