"""What a 1Konto seed may hold, the demo seed, and the ledger lines a seed writes.

Users and accounts come from the control API: a credential is a user (`key_id` = user id, `secret`
= password, optional `data` with `email`/`name`) whose home account is the seeded account; an
account's `extra.users` opens it to further users, and `extra.name`/`extra.type` describe it.
`extra.credit` is the account's credit line per asset (Get Account Credit);
`extra.deposit_instructions` is what Get Deposit Instructions serves. Whitelist entries are the
destinations (see `destinations.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from random import Random
from typing import Any

from ...chains import random_tron_address
from ...money import MONEY
from ...sandbox import Store, account_schema, closed
from .destinations import BANK_FIELDS, FIAT_METHODS
from .models import ASSET, INITIAL_BALANCES, MANUAL, ledger_entry

_TEXT = {"type": "string", "maxLength": 200}
_DECIMAL = {"type": "string", "pattern": r"^[0-9]{1,28}(\.[0-9]{1,18})?$"}
_BANK = {
    "type": "object",
    "required": ["routingNumber"],
    "additionalProperties": False,
    "properties": {"routingNumber": _TEXT, "asset": ASSET, **dict.fromkeys(sorted(BANK_FIELDS), _TEXT)},
}
_WALLET = {"type": "object", "additionalProperties": False, "properties": {"asset": ASSET}}
_INSTRUCTION_TEXT = (
    "networkType",
    "address",
    "method",
    "bankRoutingNumber",
    "beneficiaryAccountNumber",
    *sorted(BANK_FIELDS),
)
_INSTRUCTION = {
    "type": "object",
    "required": ["assetType"],
    "additionalProperties": False,
    "properties": {
        "asset": ASSET,
        "assetType": {"enum": ["blockchain", "fiat"]},
        **dict.fromkeys(_INSTRUCTION_TEXT, _TEXT),
    },
}

SCHEMA = account_schema(
    extra=closed(
        {
            "name": _TEXT,
            "type": _TEXT,
            "users": {"type": "array", "items": {"type": "string"}},
            "credit": {"type": "object", "propertyNames": ASSET, "additionalProperties": _DECIMAL},
            "deposit_instructions": {"type": "array", "maxItems": 100, "items": _INSTRUCTION},
        }
    ),
    credential_data=closed({"email": _TEXT, "name": _TEXT}),
    balances={"propertyNames": ASSET},
    wallets={"maxProperties": 0},
    whitelist_entry={
        "if": {
            "anyOf": [
                {"required": ["network"], "properties": {"network": {"enum": list(FIAT_METHODS)}}},
                {"required": ["data"], "properties": {"data": {"required": ["routingNumber"]}}},
            ]
        },
        "then": {"required": ["data"], "properties": {"data": _BANK}},
        "else": {"properties": {"data": _WALLET}},
    },
)


def record_balances(store: Store, account: Mapping[str, Any], timestamp: Callable[[], str]) -> None:
    """Ledger lines for the balances the seed is about to set: `initialBalances` first, `manual` after."""
    account_id = account["id"]
    kind = MANUAL if store.account(account_id) is not None else INITIAL_BALANCES
    for asset, text in sorted((account.get("balances") or {}).items()):
        current = store.balance(account_id, asset)
        target = Decimal(text)
        change = MONEY.subtract(target, current.available)
        if change:
            description = "Initial balance" if kind == INITIAL_BALANCES else "Manual adjustment"
            balance_after = MONEY.add(target, current.frozen)
            store.add_ledger_entry(
                ledger_entry(account_id, asset, change, kind, description, balance_after, timestamp())
            )


def demo_seed() -> dict[str, Any]:
    """The docs' example account: their user, password, account id, wallet, bank and deposit details."""
    bank = {"routingNumber": "012345678", "asset": "USD", "bankName": "My Bank", "beneficiaryName": "Example Name"}
    deposit_bank = {
        "asset": "USD",
        "assetType": "fiat",
        "method": "FedWire",
        "bankName": "My Bank",
        "bankAddress": "My Banks Address",
        "bankRoutingNumber": "000000000",
        "bankSwiftNumber": "CUESUS33",
        "beneficiaryName": "1Konto Inc.",
        "beneficiaryAddress": "1Konto Corp Address",
        "beneficiaryAccountNumber": "the 1konto account number",
        "specialInstructions": "IBAN: My IBAN Account Number; Reference: myAccountID",
    }
    return {
        "accounts": [
            {
                "id": "myAccountID",
                "credentials": [{"key_id": "user@example.com", "secret": "password", "data": {"name": "Example Name"}}],
                "balances": {"BTC": "100", "USDC": "5000", "USD": "10000"},
                "whitelist": [
                    {"network": "bitcoin", "address": "myWalletAddress", "data": {"asset": "BTC"}},
                    {"network": "tron", "address": random_tron_address(Random(1)), "data": {"asset": "USDC"}},
                    {"network": "fedwire", "address": "0123456789", "data": bank},
                    {"network": "ach", "address": "0123456789", "data": bank},
                ],
                "extra": {
                    "name": "Example Name",
                    "type": "client",
                    "credit": {"USD": "2000", "USDT": "1000"},
                    "deposit_instructions": [
                        {
                            "asset": "BTC",
                            "assetType": "blockchain",
                            "networkType": "bitcoin",
                            "address": "my_bitcoin_address",
                        },
                        {
                            "asset": "USDC",
                            "assetType": "blockchain",
                            "networkType": "tron",
                            "address": "my_tron_address",
                        },
                        deposit_bank,
                    ],
                },
            }
        ]
    }
