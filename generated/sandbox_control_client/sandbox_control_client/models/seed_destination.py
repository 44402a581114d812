from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_destination_data import SeedDestinationData


T = TypeVar("T", bound="SeedDestination")


@_attrs_define
class SeedDestination:
    """
    Attributes:
        network (str):
        address (str):
        data (SeedDestinationData | Unset):
    """

    network: str
    address: str
    data: SeedDestinationData | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        network = self.network

        address = self.address

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "network": network,
                "address": address,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seed_destination_data import SeedDestinationData  # noqa: PLC0415

        d = dict(src_dict)
        network = d.pop("network")

        address = d.pop("address")

        _data = d.pop("data", UNSET)
        data: SeedDestinationData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = SeedDestinationData.from_dict(_data)

        seed_destination = cls(
            network=network,
            address=address,
            data=data,
        )

        return seed_destination
