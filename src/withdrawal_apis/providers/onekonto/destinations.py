"""Where 1Konto sends a withdraw request: the one whitelisted wallet or bank account that fits it.

Whitelist entries are the destinations: a wallet is `{network, address, data: {asset?}}`; a bank
account is `{network: <transfer method>, address: <account number>, data: {routingNumber, asset?,
bankName?, ...}}` (one entry per transfer method the bank account accepts). A request goes to the one
whitelisted destination that fits what it names (wallet: address, network, asset; bank account:
routing number, account number, method, currency); none or several is a 400 that says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...chains import same_address
from ...sandbox import ApiError, Destination
from .errors import request_errors

RULE = "whitelisted-destination"
"""The `x-business-rules` entry of both withdraw requests that every refusal here enforces."""


def not_whitelisted(*errors: str) -> ApiError:
    return request_errors(*errors, rule=RULE)


FIAT_METHODS = ("ach", "fedwire", "rtp", "cbit")
"""The fiat page's transfer methods; a whitelist entry with a `routingNumber` is a bank account whatever its method."""
BANK_FIELDS = frozenset(
    {"bankName", "bankAddress", "bankSwiftNumber", "beneficiaryName", "beneficiaryAddress", "specialInstructions"}
)


def is_bank(destination: Destination) -> bool:
    """A bank account: whitelisted under a known transfer method, or with a routing number."""
    return destination.network in FIAT_METHODS or "routingNumber" in destination.data


def masked(account_number: str) -> str:
    """`ending 6789`: a bank account number as messages show it."""
    return f"ending {account_number[-4:]}" if len(account_number) > 4 else account_number


def describe(items: Sequence[str]) -> str:
    """`ach, fedwire`: distinct names, sorted, for messages."""
    return ", ".join(sorted(set(items)))


def instruction(destination: Destination) -> dict[str, Any]:
    """A destination as Get Withdraw Instructions lists it."""
    data = destination.data
    if is_bank(destination):
        item = {"asset": data.get("asset", "USD"), "assetType": "fiat", "method": destination.network}
        item |= {k: data[k] for k in sorted(BANK_FIELDS) if k in data}
        item |= {"bankRoutingNumber": data["routingNumber"], "beneficiaryAccountNumber": destination.address}
    else:
        item = {"asset": data["asset"]} if "asset" in data else {}
        item |= {"assetType": "blockchain", "networkType": destination.network, "address": destination.address}
    return item


def wallet_for(destinations: Sequence[Destination], asset: str, network: str, address: str) -> Destination:
    """The one whitelisted wallet that fits what the request names (network and address are optional)."""
    wallets = [d for d in destinations if not is_bank(d)]

    def receives(wallet: Destination) -> bool:
        return wallet.data.get("asset") in (None, asset)

    if not address:
        fits = [w for w in wallets if (not network or w.network == network) and receives(w)]
        where = f"{network} " if network else ""
        if not fits:
            raise not_whitelisted(
                f"Destination Not Whitelisted: no whitelisted {where}wallet of this account receives {asset}"
            )
        if len(fits) > 1:
            raise not_whitelisted(
                f"Address Required: {len(fits)} whitelisted {where}wallets of this account receive {asset}; "
                "name the address"
            )
        return fits[0]
    there = [w for w in wallets if same_address(w.address, address)]
    if not there:
        raise not_whitelisted(
            f"Destination Not Whitelisted: {address} is not a whitelisted {network or 'blockchain'} wallet "
            "of this account"
        )
    if network:
        wallet = next((w for w in there if w.network == network), None)
        if wallet is None:
            networks = describe([w.network for w in there])
            raise not_whitelisted(f"Network Mismatch: {address} is whitelisted on {networks}, not {network}")
    else:
        fits = [w for w in there if receives(w)]
        if len(fits) > 1:
            networks = describe([w.network for w in fits])
            raise not_whitelisted(f"Network Required: {address} is whitelisted on {networks}; name the network")
        wallet = fits[0] if fits else there[0]
    only = wallet.data.get("asset")
    if only and only != asset:
        raise not_whitelisted(f"Asset Not Supported: {address} on {wallet.network} receives {only} only")
    return wallet


def bank_for(destinations: Sequence[Destination], currency: str, method: str, routing: str, number: str) -> Destination:
    """The one whitelisted bank account that fits the request (routing and account number are optional)."""
    banks = [d for d in destinations if is_bank(d)]
    named = [
        b
        for b in banks
        if (not number or b.address == number) and (not routing or b.data.get("routingNumber") == routing)
    ]
    if (number or routing) and not named:
        at = f" at routing number {routing}" if routing else ""
        if number:
            problem = f"bank account {masked(number)}{at} is not a whitelisted bank account of this account"
        else:
            problem = f"no whitelisted bank account of this account is{at}"
        raise not_whitelisted(f"Destination Not Whitelisted: {problem}")
    if not named:
        raise not_whitelisted(
            f"Destination Not Whitelisted: no whitelisted bank account of this account receives {currency} by {method}"
        )
    by_method = [b for b in named if b.network == method]
    accounts = {(b.data.get("routingNumber"), b.address) for b in named}
    if not by_method:
        if len(accounts) == 1:
            methods = describe([b.network for b in named])
            raise not_whitelisted(
                f"Method Not Available: bank account {masked(named[0].address)} is whitelisted for {methods}, "
                f"not {method}"
            )
        raise not_whitelisted(f"Method Not Available: no whitelisted bank account of this account takes {method}")
    fits = [b for b in by_method if b.data.get("asset", "USD") == currency]
    if not fits:
        if len(by_method) == 1:
            bank = by_method[0]
            raise not_whitelisted(
                f"Asset Not Supported: bank account {masked(bank.address)} "
                f"receives {bank.data.get('asset', 'USD')} only"
            )
        raise not_whitelisted(
            f"Destination Not Whitelisted: no whitelisted bank account of this account receives {currency} by {method}"
        )
    if len(fits) > 1:
        raise not_whitelisted(
            f"Account Number Required: {len(fits)} whitelisted bank accounts of this account receive "
            f"{currency} by {method}; name the accountNumber"
        )
    return fits[0]
