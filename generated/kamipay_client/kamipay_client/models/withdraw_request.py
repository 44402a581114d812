from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chain import Chain
from ..models.withdraw_token import WithdrawToken

T = TypeVar("T", bound="WithdrawRequest")


@_attrs_define
class WithdrawRequest:
    """Fields not listed here are not refused (kamiPay documents no such rule); our emulator ignores them.

    Attributes:
        chain (Chain): The blockchain; kamiPay supports only Polygon for these calls.
        token (WithdrawToken): The token to send, lower case as in the docs.
        amount (float): How much of `token` to send, as a JSON number. The server reads the number's decimal text
            exactly: `0.1` is one tenth, not the binary float nearest to it. `usdt` has 6 decimal
            places and `matic` 18, so the amount is a multiple of 0.000001 or 0.000000000000000001.
            kamiPay documents 406 only as "a value outside the allowed range"; that more decimal places
            than the token has is answered 406 is our reading (Known deviations 7), and our emulator's
            answer. Gas is not included: it is paid in MATIC on top, by `from_address`.
        from_address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when in mixed case.
            The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples are
            completed in the request examples (see Known deviations).
        to_address (str): A Polygon address: `0x` followed by 40 hex digits, EIP-55 checksummed when in mixed case. The
            checksum is for the server to check (`x-business-rules`); the provider's redacted examples are
            completed in the request examples (see Known deviations).
    """

    chain: Chain
    token: WithdrawToken
    amount: float
    from_address: str
    to_address: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain = self.chain.value

        token = self.token.value

        amount = self.amount

        from_address = self.from_address

        to_address = self.to_address

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chain": chain,
                "token": token,
                "amount": amount,
                "from_address": from_address,
                "to_address": to_address,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chain = Chain(d.pop("chain"))

        token = WithdrawToken(d.pop("token"))

        amount = d.pop("amount")

        from_address = d.pop("from_address")

        to_address = d.pop("to_address")

        withdraw_request = cls(
            chain=chain,
            token=token,
            amount=amount,
            from_address=from_address,
            to_address=to_address,
        )

        withdraw_request.additional_properties = d
        return withdraw_request

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
