from enum import StrEnum


class FiatTransferType(StrEnum):
    """Known values are members; an unknown value the provider starts sending becomes a pseudo-member
    (see `is_known`) instead of failing the whole response."""

    ACH = "ach"
    CBIT = "cbit"
    FEDWIRE = "fedwire"
    RTP = "rtp"

    @classmethod
    def _missing_(cls, value: object) -> "FiatTransferType | None":
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
