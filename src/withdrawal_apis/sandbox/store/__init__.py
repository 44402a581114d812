"""The emulator's durable state, the only place with SQL: SQLite (a file or `:memory:`) or PostgreSQL.

Providers read and write through typed records and filters: accounts, credentials, balances keyed by
(account, wallet, asset), whitelisted destinations, objects (withdrawals, intents, requests...) with a
public body and private bookkeeping kept apart, a ledger, scheduled jobs and the webhook outbox. The
state one sandbox's processes share (the virtual clock, control-API settings, faults, rate windows)
lives here too, so several processes on one database act as one sandbox.

Money is stored as decimal TEXT and only ever handled as `Decimal`. Every write happens inside
`transaction()`, which the backend serializes with every other writer of the database.
"""

from .backend import StoreError, StoreUnavailable, is_postgres, masked
from .core import TABLES, Refusal, SandboxState, Store
from .migrations import LATEST as SCHEMA_VERSION
from .records import (
    Account,
    Balance,
    Delivery,
    Destination,
    Filter,
    InsufficientFunds,
    Job,
    LedgerEntry,
    LedgerFilter,
    StoredObject,
)

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Account",
    "Balance",
    "Delivery",
    "Destination",
    "Filter",
    "InsufficientFunds",
    "Job",
    "LedgerEntry",
    "LedgerFilter",
    "Refusal",
    "SandboxState",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoredObject",
    "is_postgres",
    "masked",
]
