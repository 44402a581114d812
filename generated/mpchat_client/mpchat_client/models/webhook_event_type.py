from enum import StrEnum


class WebhookEventType(StrEnum):
    """Known values are members; an unknown value the provider starts sending becomes a pseudo-member
    (see `is_known`) instead of failing the whole response."""

    PAYMENT_CONFIRMED = "payment.confirmed"
    PAYMENT_EXPIRED = "payment.expired"
    PAYMENT_FROZEN = "payment.frozen"
    PAYMENT_UNDERPAID = "payment.underpaid"
    WITHDRAWAL_COMPLETED = "withdrawal.completed"
    WITHDRAWAL_FAILED = "withdrawal.failed"

    @classmethod
    def _missing_(cls, value: object) -> "WebhookEventType | None":
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
