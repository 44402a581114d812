from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merchant_environment import MerchantEnvironment
from ..models.merchant_status import MerchantStatus
from ..models.merchant_tier import MerchantTier
from ..types import UNSET, Unset

T = TypeVar("T", bound="Merchant")


@_attrs_define
class Merchant:
    """
    Attributes:
        id (str): The merchant identifier (documented as a UUID).
        name (str): Display name.
        email (str): Contact e-mail address.
        status (MerchantStatus | str): A documented status, or one MPChat added later.
        tier (MerchantTier | str): A documented tier, or one MPChat added later.
        fee_rate (str): A non-negative decimal number written as a string (USDT).
        environment (MerchantEnvironment): `live` or `test`, as the API key prefixes `mk_live_` and `mk_test_` say.
        created_at (datetime.datetime):
        platform_user_id (str | Unset): The merchant's user id on the integrating platform (shown in the examples only).
        updated_at (datetime.datetime | Unset): Shown in the examples only.
    """

    id: str
    name: str
    email: str
    status: MerchantStatus | str
    tier: MerchantTier | str
    fee_rate: str
    environment: MerchantEnvironment
    created_at: datetime.datetime
    platform_user_id: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        email = self.email

        status: str
        if isinstance(self.status, MerchantStatus):
            status = self.status.value
        else:
            status = self.status

        tier: str
        if isinstance(self.tier, MerchantTier):
            tier = self.tier.value
        else:
            tier = self.tier

        fee_rate = self.fee_rate

        environment = self.environment.value

        created_at = self.created_at.isoformat()

        platform_user_id = self.platform_user_id

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "status": status,
                "tier": tier,
                "fee_rate": fee_rate,
                "environment": environment,
                "created_at": created_at,
            }
        )
        if platform_user_id is not UNSET:
            field_dict["platform_user_id"] = platform_user_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        email = d.pop("email")

        def _parse_status(data: object) -> MerchantStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = MerchantStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MerchantStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_tier(data: object) -> MerchantTier | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = MerchantTier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MerchantTier | str, data)

        tier = _parse_tier(d.pop("tier"))

        fee_rate = d.pop("fee_rate")

        environment = MerchantEnvironment(d.pop("environment"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        platform_user_id = d.pop("platform_user_id", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        merchant = cls(
            id=id,
            name=name,
            email=email,
            status=status,
            tier=tier,
            fee_rate=fee_rate,
            environment=environment,
            created_at=created_at,
            platform_user_id=platform_user_id,
            updated_at=updated_at,
        )

        merchant.additional_properties = d
        return merchant

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
