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


_LOWER_BOUNDS = {"minItems", "minProperties", "minLength", "minimum"}
_UPPER_BOUNDS = {"maxItems", "maxProperties", "maxLength", "maximum"}
_OBJECT_KEYS = {"properties", "additionalProperties"}


def narrow(common: Mapping[str, Any], rules: Mapping[str, Any], schemas: Mapping[str, Any]) -> dict[str, Any]:
    """The common account schema with a provider's rules folded in: one schema that means both at once.

    Folding, not `allOf`, so tools that generate data from the spec (schemathesis, hypothesis-jsonschema)
    and readers of the served document see each field once. A `$ref` the rules reach into is inlined
    from `schemas`; where both set the same keyword differently, bounds take the stricter value and any
    other keyword keeps both through an `allOf` at that node (never `additionalProperties`, whose
    meaning depends on its sibling `properties`: the two are folded together).
    """
    ref = common.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        common = schemas[ref.rsplit("/", 1)[1]]
    merged = {key: value for key, value in common.items() if key not in _OBJECT_KEYS}
    kept: list[dict[str, Any]] = []
    for key, rule in rules.items():
        mine = merged.get(key)
        if key in _OBJECT_KEYS:
            continue
        if key not in merged or mine == rule or key == "description":
            merged[key] = rule
        elif key == "items" and isinstance(mine, Mapping) and isinstance(rule, Mapping):
            merged[key] = narrow(mine, rule, schemas)
        elif key in _UPPER_BOUNDS:
            merged[key] = min(mine, rule)
        elif key in _LOWER_BOUNDS:
            merged[key] = max(mine, rule)
        else:
            kept.append({key: rule})
    merged.update(_fold_object(common, rules, schemas))
    if kept:
        merged["allOf"] = [*merged.get("allOf", []), *kept]
    return merged


def _fold_object(common: Mapping[str, Any], rules: Mapping[str, Any], schemas: Mapping[str, Any]) -> dict[str, Any]:
    """`properties` and `additionalProperties` of both schemas as one pair: a property either side
    forbids is left out, and every other is held to what each side says of it (by name or by default)."""
    if not _OBJECT_KEYS & (common.keys() | rules.keys()):
        return {}
    mine, theirs = common.get("properties", {}), rules.get("properties", {})
    my_rest, their_rest = common.get("additionalProperties", True), rules.get("additionalProperties", True)
    properties = {}
    for name in [*mine, *(name for name in theirs if name not in mine)]:
        both = _both(mine.get(name, my_rest), theirs.get(name, their_rest), schemas)
        if both is not False:
            properties[name] = both
    folded: dict[str, Any] = {"properties": properties} if properties else {}
    rest = _both(my_rest, their_rest, schemas)
    if rest is not True:
        folded["additionalProperties"] = rest
    return folded


def _both(mine: Any, theirs: Any, schemas: Mapping[str, Any]) -> Any:
    """Two schemas where either may be a boolean schema, as one."""
    if mine is False or theirs is False:
        return False
    if mine is True:
        return theirs
    if theirs is True:
        return mine
    return narrow(mine, theirs, schemas)


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
    return Decimal(text)  # the schema's pattern: a plain, bounded, non-negative decimal
