from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.intent_status import IntentStatus
from ..models.network import Network
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntentPredicates")


@_attrs_define
class IntentPredicates:
    """Filters, combined with AND; an absent predicate does not filter, an unknown one is ignored.

    Attributes:
        network (Network | Unset): Whether a blockchain is a main network or a test network.
        status (IntentStatus | Unset): - `Pending`: waiting for `processAt`.
            - `Succeeded`: processed; a withdrawal was started (or there was nothing to sweep).
            - `Failed`: processed, but the sweep could not start (for example the gas wallet could not pay).
            The intent search's predicate takes exactly these; an intent may carry a status added later.
    """

    network: Network | Unset = UNSET
    status: IntentStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        network: str | Unset = UNSET
        if not isinstance(self.network, Unset):
            network = self.network.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        intent_predicates.additional_properties = d
        return intent_predicates

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
