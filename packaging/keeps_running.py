"""Start a program and check that it is still running after a while, then end it.

    python packaging/keeps_running.py SECONDS OUT_PREFIX PROGRAM [ARG...]

Exit 0 when PROGRAM was still running after SECONDS (it is then asked to stop:
SIGTERM, or TerminateProcess on Windows; killed if still there 10 s later);
exit 1, with its exit code and its output (OUT_PREFIX.out, OUT_PREFIX.err) on
stderr, when it ended before. check_frozen.sh starts the frozen app this way on
every system: `timeout` is not on every macOS, and the app's own start-up
(after the window opens, past where --smoke-test stops) must be run somewhere.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def keeps_running(seconds: float, out_prefix: Path, command: list[str]) -> tuple[bool, int | None]:
    """(whether ``command`` was still running after ``seconds``, its exit code if it ended)."""
    with (
        open(f"{out_prefix}.out", "wb") as out,
        open(f"{out_prefix}.err", "wb") as err,
    ):
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        try:
            code = process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            return True, None
    return False, code


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    seconds, out_prefix, command = float(args[0]), Path(args[1]), args[2:]
    running, code = keeps_running(seconds, out_prefix, command)
    if running:
        sys.stdout.write(f"{command[0]} was still running after {seconds:g} s\n")
        return 0
    for suffix in (".out", ".err"):
        sys.stderr.write(Path(f"{out_prefix}{suffix}").read_text(encoding="utf-8", errors="replace"))
    sys.stderr.write(f"{command[0]} exited with {code} within {seconds:g} s instead of running\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
