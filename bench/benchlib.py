"""Shared by the benchmark scripts: run one contender as its own process and measure it."""
import os
import subprocess
import sys
import time


def run(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB from wait4, stdout). Exits on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return secs, usage.ru_maxrss / 1024, out.decode()
