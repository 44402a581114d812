"""What every publishing step shares: the repository root, running the pinned Node tools, writing files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import REPO

NODE_BIN = REPO / "node_modules" / ".bin"

# Redocly phones home (usage telemetry, update notices) unless told not to; a build must not
# depend on the network, and the page's own telemetry flag is derived from the same setting.
TOOL_ENV = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_NOTIFICATIONS": "true"}


class PublishError(Exception):
    """A problem that stops the build; the message says what to fix."""


def node_tool(name: str) -> Path:
    tool = NODE_BIN / name
    if not tool.exists():
        raise PublishError(f"{tool.relative_to(REPO)} is missing; run `npm install` (nox -s publish does)")
    return tool


def run(command: Sequence[str | Path], what: str, cwd: Path = REPO) -> str:
    """Run a Node tool quietly and return its stdout; its whole output is shown only when it fails."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=TOOL_ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise PublishError(f"{what} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
