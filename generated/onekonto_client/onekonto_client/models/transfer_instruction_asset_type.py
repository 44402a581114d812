from enum import StrEnum


class TransferInstructionAssetType(StrEnum):
    """Known values are members; an unknown value the provider starts sending becomes a pseudo-member
    (see `is_known`) instead of failing the whole response."""

    BLOCKCHAIN = "blockchain"
    FIAT = "fiat"

    @classmethod
    def _missing_(cls, value: object) -> "TransferInstructionAssetType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """False for a value this client was not generated with."""
        return self._name_ in type(self).__members__

    def __str__(self) -> str:
        return str(self.value)
