from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seed_credential_data import SeedCredentialData


T = TypeVar("T", bound="SeedCredential")


@_attrs_define
class SeedCredential:
    """
    Attributes:
        key_id (str):
        secret (str):
        active (bool | Unset):  Default: True.
        data (SeedCredentialData | Unset):
    """

    key_id: str
    secret: str
    active: bool | Unset = True
    data: SeedCredentialData | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        secret = self.secret

        active = self.active

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key_id": key_id,
                "secret": secret,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seed_credential_data import SeedCredentialData  # noqa: PLC0415

        d = dict(src_dict)
        key_id = d.pop("key_id")

        secret = d.pop("secret")

        active = d.pop("active", UNSET)

        _data = d.pop("data", UNSET)
        data: SeedCredentialData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = SeedCredentialData.from_dict(_data)

        seed_credential = cls(
            key_id=key_id,
            secret=secret,
            active=active,
            data=data,
        )

        return seed_credential
