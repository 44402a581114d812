from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merchant_predicates import MerchantPredicates
    from ..models.page_request import PageRequest


T = TypeVar("T", bound="MerchantSearchRequest")


@_attrs_define
class MerchantSearchRequest:
    """
    Attributes:
        predicates (MerchantPredicates | Unset): Filters, combined with AND; an absent predicate does not filter, an
            unknown one is ignored.
        page (PageRequest | Unset): Which slice of the results to return (bounds and defaults inferred). The provider
            says `page` also
            carries sorting options; their names are not documented, so they are not listed, and the object
            accepts fields not listed here.
    """

    predicates: MerchantPredicates | Unset = UNSET
    page: PageRequest | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        predicates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.predicates, Unset):
            predicates = self.predicates.to_dict()

        page: dict[str, Any] | Unset = UNSET
        if not isinstance(self.page, Unset):
            page = self.page.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if predicates is not UNSET:
            field_dict["predicates"] = predicates
        if page is not UNSET:
            field_dict["page"] = page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_predicates import MerchantPredicates  # noqa: PLC0415
        from ..models.page_request import PageRequest  # noqa: PLC0415

        d = dict(src_dict)
        _predicates = d.pop("predicates", UNSET)
        predicates: MerchantPredicates | Unset
        if isinstance(_predicates, Unset):
            predicates = UNSET
        else:
            predicates = MerchantPredicates.from_dict(_predicates)

        _page = d.pop("page", UNSET)
        page: PageRequest | Unset
        if isinstance(_page, Unset):
            page = UNSET
        else:
            page = PageRequest.from_dict(_page)

        merchant_search_request = cls(
            predicates=predicates,
            page=page,
        )

        merchant_search_request.additional_properties = d
        return merchant_search_request

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
