"""The newcomer path: the README's install and every command of its quick starts, as written, from the
built wheels, in an empty directory outside the repository (`nox -s build` runs this).

The commands are read from the README's quick-start section (the one the site's getting-started page
includes), never copied here. They run in order in one bash, so that what one sets (the virtual
environment, the exported variables) holds for the next, exactly as a reader typing them would have
it; a block saved as a file (```` ```python title="payout.py" ````) is saved under that name first.
The harness adds only what a reader does by looking: after a command started in the background
(`... &`), it waits until the emulator answers on the port that command names (8000 by default).
`dist/python` in the directory is the wheels just built, so that the README's `--find-links
dist/python` finds them; packages the wheels need come from the package index, under the project's
pins (PIP_CONSTRAINT). The quick starts run in a network namespace of their own where the machine
allows one (`unshare --net`), so that ports 8000 and 8001 are theirs even on a busy machine.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import REPO

from ..docs import checks
from ..docs.blocks import README, Block, commands, section_blocks

SECTION = "quick-start"
MARK = "::: "
WAIT = """
harness_wait() {  # until the emulator answers: what a reader waits for by looking at its start-up block
    for _ in $(seq 600); do
        python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \\
            "http://127.0.0.1:$1/_sandbox/clock" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "harness: nothing answers on port $1" >&2
    return 1
}
"""


def quick_start() -> list[Block]:
    return section_blocks(README, SECTION)


def is_install(block: Block) -> bool:
    return any("pip install" in command for command in commands(block.code))


def port_of(command: str) -> int:
    words = shlex.split(command.rstrip("&").strip())
    return int(words[words.index("--port") + 1]) if "--port" in words else 8000


def script(blocks: list[Block]) -> str:
    """Bash running every command of `blocks` in order, each announced on its own line."""
    lines = ["set -euo pipefail", WAIT, "trap 'kill $(jobs -p) 2>/dev/null || true; wait || true' EXIT"]
    for block in blocks:
        if block.language != "sh":
            continue
        for command in commands(block.code):
            lines.append(f"echo {shlex.quote(MARK + command)}")
            if command.rstrip().endswith("&"):
                # What a command in the background prints goes to a file of its own (a reader sees it
                # interleaved with what follows); the command itself is as written.
                lines.append(f"{{ {command} }} > {background_log(command)} 2>&1")
                lines.append(f"harness_wait {port_of(command)}")
            else:
                lines.append(command)
    return "\n".join(lines) + "\n"


def background_log(command: str) -> str:
    return f"background-{port_of(command)}.log"


def outputs(log: str) -> dict[str, str]:
    """What each command printed, by command."""
    found: dict[str, str] = {}
    current = ""
    for line in log.splitlines():
        if line.startswith(MARK):
            current = line.removeprefix(MARK)
            found[current] = ""
        elif current:
            found[current] += line + "\n"
    return found


def isolated() -> list[str]:
    """`unshare --net` with loopback up, where the machine allows it; else nothing (the ports are shared)."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip") or "/usr/sbin/ip"
    if unshare is None or not Path(ip).exists():
        return []
    probe = subprocess.run([unshare, "--net", ip, "link", "set", "lo", "up"], capture_output=True, check=False)
    return [unshare, "--net"] if probe.returncode == 0 else []


def test_the_quick_start_is_install_then_three_runs() -> None:
    blocks = quick_start()
    assert is_install(blocks[0]), "the quick-start section opens with the install"
    run = [command for block in blocks[1:] if block.language == "sh" for command in commands(block.code)]
    assert any(command.startswith("withdrawal-apis sandbox") for command in run)
    assert any(command.startswith("python ") for command in run)
    assert any(command.startswith("pytest ") for command in run)
    assert any(command.startswith("withdrawal-apis fuzz") for command in run)
    saved = {block.title for block in blocks if block.title}
    assert {"payout.py", "test_payout.py"} <= saved


def test_the_newcomer_path_runs_from_the_wheels(tmp_path_factory: pytest.TempPathFactory, wheels: Path) -> None:
    work = tmp_path_factory.mktemp("newcomer")
    assert not work.is_relative_to(REPO)
    (work / "dist").mkdir()
    (work / "dist" / "python").symlink_to(wheels, target_is_directory=True)
    blocks = quick_start()
    for block in blocks:
        if block.title:
            (work / block.title).write_text(block.code, encoding="utf-8")
    install, runs = blocks[0], blocks[1:]
    ip = shutil.which("ip") or "/usr/sbin/ip"
    namespace = isolated()
    body = script(runs)
    if namespace:
        body = f"{ip} link set lo up\n" + body
    (work / "quick-start.sh").write_text(body, encoding="utf-8")
    # The install, then the quick starts in the same shell (in their own network namespace where allowed).
    hand_over = shlex.join([*namespace, "bash", str(work / "quick-start.sh")])
    driver = script([install]) + f"{hand_over}\n"
    environ = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))},
        "PIP_CONSTRAINT": str(REPO / "constraints.txt"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONUNBUFFERED": "1",  # each command's output lands under it, the emulators' start-up blocks too
    }
    done = subprocess.run(
        ["bash", "-c", driver], cwd=work, env=environ, capture_output=True, text=True, timeout=1800, check=False
    )
    log = done.stdout + done.stderr
    (work / "newcomer.log").write_text(log, encoding="utf-8")
    assert done.returncode == 0, f"the newcomer path failed (log: {work / 'newcomer.log'}):\n{log[-6000:]}"

    printed = outputs(done.stdout)
    every = [command for block in blocks if block.language == "sh" for command in commands(block.code)]
    assert list(printed) == every, "every command of the quick starts ran, in order"
    payout = next(block for block in blocks if block.title == "payout.py")
    assert checks.output_problems(payout.code, printed["python payout.py"]) == []
    assert re.search(r"\b1 passed\b", printed["pytest test_payout.py"])
    fuzzed = next(output for command, output in printed.items() if command.startswith("withdrawal-apis fuzz"))
    assert "PASSED" in fuzzed
    started = [command for command in printed if command.startswith("withdrawal-apis sandbox")]
    assert started
    for command in started:
        banner = (work / background_log(command)).read_text(encoding="utf-8")
        assert "MPChat (MP Merchant API) emulator" in banner, banner
    package = subprocess.run(
        [str(work / ".venv" / "bin" / "python"), "-c", "import withdrawal_apis; print(withdrawal_apis.__file__)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(package).is_relative_to(work / ".venv"), "the package came from the wheels, not the repository"
