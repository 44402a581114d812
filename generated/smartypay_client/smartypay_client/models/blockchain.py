from enum import StrEnum


class Blockchain(StrEnum):
    """Known values are members; an unknown value the provider starts sending becomes a pseudo-member
    (see `is_known`) instead of failing the whole response."""

    ARBITRUMMAINNET = "ArbitrumMainNet"
    ARBITRUMSEPOLIA = "ArbitrumSepolia"
    BINANCEMAINNET = "BinanceMainNet"
    BINANCETESTNET = "BinanceTestNet"
    ETHEREUMMAINNET = "EthereumMainNet"
    ETHEREUMSEPOLIA = "EthereumSepolia"
    POLYGONAMOY = "PolygonAmoy"
    POLYGONMAINNET = "PolygonMainNet"
    POLYGONMUMBAINET = "PolygonMumbaiNet"

    @classmethod
    def _missing_(cls, value: object) -> "Blockchain | None":
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
