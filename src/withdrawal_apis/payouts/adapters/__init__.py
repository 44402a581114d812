"""One adapter per provider, imported only when used, so that an app installs only its providers' clients."""

from __future__ import annotations

import importlib

from ...providers import get
from .base import Adapter, Page

__all__ = ["Adapter", "Page", "adapter_class"]


def adapter_class(provider: str) -> type[Adapter]:
    info = get(provider)  # KeyError naming the known providers
    try:
        module = importlib.import_module(f"{__name__}.{info.name}")
    except ModuleNotFoundError as error:
        if error.name != info.client_package:
            raise
        hint = f"{info.name}'s client is not installed: pip install 'withdrawal-apis[{info.name}]'"
        raise ModuleNotFoundError(hint, name=error.name) from error
    found: type[Adapter] = module.ADAPTER
    return found
