from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.intent_status import IntentStatus
from ..models.network import Network
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntentPredicates")


@_attrs_define
class IntentPredicates:
    """Filters, combined with AND; an absent predicate does not filter.

    Attributes:
        network (Network | Unset): Whether a blockchain is a main network or a test network.
        status (IntentStatus | Unset): - `Pending`: waiting for `processAt`.
            - `Succeeded`: processed; a withdrawal was started (or there was nothing to sweep).
            - `Failed`: processed, but the sweep could not start (for example the gas wallet could not pay).
            The generated client tolerates values not listed here.
    """

    network: Network | Unset = UNSET
    status: IntentStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        network: str | Unset = UNSET
        if not isinstance(self.network, Unset):
            network = self.network.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if network is not UNSET:
            field_dict["network"] = network
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _network = d.pop("network", UNSET)
        network: Network | Unset
        if isinstance(_network, Unset):
            network = UNSET
        else:
            network = Network(_network)

        _status = d.pop("status", UNSET)
        status: IntentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IntentStatus(_status)

        intent_predicates = cls(
            network=network,
            status=status,
        )

        return intent_predicates
