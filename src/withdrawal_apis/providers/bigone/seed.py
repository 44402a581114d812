"""What a BigONE seed may hold, and the demo seed.

Seed the fund, spot and contract accounts as wallets: `"wallets": {"fund": {"USDT": "100"}, "spot": {...}}`.
Trusted addresses are `whitelist` entries with `network` = the gateway name.

Keys. A credential's `data` may hold `scopes` (any of `view_balance`, `view_withdrawal_history`,
`execute_withdrawals`; all three when absent) and `allowed_ips` (the key's IP list; any IP when absent).
An account's `extra` may hold `customer_id` (string or integer, reported on withdrawals).
"""

from __future__ import annotations

from typing import Any

from ...sandbox import account_schema, closed
from .gateways import GATEWAYS
from .models import CONTRACT, FUND, SCOPES, SPOT

# The demo seed (`withdrawal-apis sandbox bigone`): fixed, so that the README's examples and the spec's
# request examples run as written against it. A local sandbox key, worth nothing anywhere else.
DEMO_KEY = "0c5e8a3f-6b1d-4f2e-9a7c-8d3b2e1f4a60"
DEMO_SECRET = "0123456789abcdef" * 4
DEMO_DESTINATIONS = (
    ("Tron", "TNGJhrUp1chLfj9B9kmUQubutka4FiWrSV"),
    ("Ethereum", "0x52908400098527886E0F7030069857D2E4169EE7"),
    ("Bitcoin", "3PumsXwUSakZomHXMcY93RrVRJ7PAi2ida"),
    ("Bitcoin", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("EOS", "bigonewallet"),
)

_SYMBOL = {"type": "string", "pattern": "^[A-Za-z0-9]{1,20}$"}

SCHEMA = account_schema(
    balances={"maxProperties": 0, "description": "BigONE balances live in the wallets fund, spot and contract"},
    wallets={"propertyNames": {"enum": [FUND, SPOT, CONTRACT]}, "additionalProperties": {"propertyNames": _SYMBOL}},
    credential_data=closed(
        {
            "scopes": {"type": "array", "items": {"enum": list(SCOPES)}},
            "allowed_ips": {"type": "array", "items": {"type": "string", "maxLength": 64}},
        }
    ),
    whitelist_entry={"properties": {"network": {"enum": list(GATEWAYS)}}},
    extra=closed({"customer_id": {"type": ["string", "integer"]}}),
)


def demo_seed() -> dict[str, Any]:
    return {
        "accounts": [
            {
                "id": "bigone-demo",
                "credentials": [{"key_id": DEMO_KEY, "secret": DEMO_SECRET}],
                "wallets": {
                    FUND: {"USDT": "10000", "BTC": "5", "ETH": "10", "EOS": "100"},
                    SPOT: {"USDT": "500", "BTC": "2"},
                },
                "whitelist": [{"network": network, "address": address} for network, address in DEMO_DESTINATIONS],
            }
        ]
    }
