from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_account import CreditAccount
    from ..models.credit_balance import CreditBalance


T = TypeVar("T", bound="AccountCreditResponse")


@_attrs_define
class AccountCreditResponse:
    """
    Attributes:
        account (CreditAccount):
        notational_asset (str | Unset): The asset of `notionalTotals` (so spelt; one revision of the page only).
        notional_totals (CreditBalance | Unset): One asset's funds and credit, as JSON numbers (read them as exact
            decimals). In the docs'
            examples `availableToTrade` is `availableFunds` plus `availableCredit`, and `totalCredit` is
            `availableCredit` plus `usedCredit`.
        status (str | Unset):
        http_status_code (int | Unset):
    """

    account: CreditAccount
    notational_asset: str | Unset = UNSET
    notional_totals: CreditBalance | Unset = UNSET
    status: str | Unset = UNSET
    http_status_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        notational_asset = self.notational_asset

        notional_totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.notional_totals, Unset):
            notional_totals = self.notional_totals.to_dict()

        status = self.status

        http_status_code = self.http_status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
            }
        )
        if notational_asset is not UNSET:
            field_dict["notationalAsset"] = notational_asset
        if notional_totals is not UNSET:
            field_dict["notionalTotals"] = notional_totals
        if status is not UNSET:
            field_dict["status"] = status
        if http_status_code is not UNSET:
            field_dict["httpStatusCode"] = http_status_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_account import CreditAccount  # noqa: PLC0415
        from ..models.credit_balance import CreditBalance  # noqa: PLC0415

        d = dict(src_dict)
        account = CreditAccount.from_dict(d.pop("account"))

        notational_asset = d.pop("notationalAsset", UNSET)

        _notional_totals = d.pop("notionalTotals", UNSET)
        notional_totals: CreditBalance | Unset
        if isinstance(_notional_totals, Unset):
            notional_totals = UNSET
        else:
            notional_totals = CreditBalance.from_dict(_notional_totals)

        status = d.pop("status", UNSET)

        http_status_code = d.pop("httpStatusCode", UNSET)

        account_credit_response = cls(
            account=account,
            notational_asset=notational_asset,
            notional_totals=notional_totals,
            status=status,
            http_status_code=http_status_code,
        )

        account_credit_response.additional_properties = d
        return account_credit_response

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
