"""Running the real `evnews` command in a child process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "evnews.cli", *args], capture_output=True, text=True, timeout=timeout, env=env)
