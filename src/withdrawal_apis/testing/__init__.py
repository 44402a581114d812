"""Test your app against the emulators: in-process emulators driven through their control API."""

from .emulator import Captured, Emulator, WebhookInbox
from .inprocess import InProcessTransport, LoopThread

__all__ = ["Captured", "Emulator", "InProcessTransport", "LoopThread", "WebhookInbox"]
