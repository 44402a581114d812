from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.blockchain_details import BlockchainDetails


T = TypeVar("T", bound="BlockchainDictionary")


@_attrs_define
class BlockchainDictionary:
    """Every blockchain the API knows (the wrapper object is inferred, see Known deviations).

    Attributes:
        blockchains (list[BlockchainDetails]):
    """

    blockchains: list[BlockchainDetails]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blockchains = []
        for blockchains_item_data in self.blockchains:
            blockchains_item = blockchains_item_data.to_dict()
            blockchains.append(blockchains_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blockchains": blockchains,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blockchain_details import BlockchainDetails  # noqa: PLC0415

        d = dict(src_dict)
        blockchains = []
        _blockchains = d.pop("blockchains")
        for blockchains_item_data in _blockchains:
            blockchains_item = BlockchainDetails.from_dict(blockchains_item_data)

            blockchains.append(blockchains_item)

        blockchain_dictionary = cls(
            blockchains=blockchains,
        )

        blockchain_dictionary.additional_properties = d
        return blockchain_dictionary

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
