#!/usr/bin/env python3
"""Runs a command and prints, every 100 ms, how many cores its process kept busy and which of its
threads did (ms of CPU in the interval, the busiest first): where a job that should use both
cores leaves one idle, and which threads wait for each other.

    python3 bench/cpu-by-thread.py java $OPTIONS -jar app.jar migrate json:src.json sqlite:out.db

Threads are named as the kernel keeps them (15 characters); the JIT's are folded to C1 and C2.
Linux only (reads /proc).
"""
import collections
import os
import subprocess
import sys
import time

INTERVAL = 0.1


def thread_times(pid):
    """CPU ticks (user + system) so far of each thread of pid, by thread id, with its name."""
    times = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                line = stat.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = line[line.index("(") + 1:line.rindex(")")]
        fields = line[line.rindex(")") + 2:].split()
        if name.startswith(("C1 Compiler", "C2 Compiler")):
            name = name[:2]
        times[tid] = (name, int(fields[11]) + int(fields[12]))
    return times


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ticks = os.sysconf("SC_CLK_TCK")
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    start = last = time.monotonic()
    before = {}
    while process.poll() is None:
        try:
            now = thread_times(process.pid)
        except FileNotFoundError:
            break
        busy = collections.Counter()
        for tid, (name, used) in now.items():
            busy[name] += used - before.get(tid, (name, 0))[1]
        before = now
        at = time.monotonic()
        cores = sum(busy.values()) / ticks / max(at - last, INTERVAL)
        last = at
        threads = " ".join(f"{name}:{used * 1000 // ticks}" for name, used in busy.most_common(5) if used)
        print(f"{at - start:6.2f} s  {cores:4.2f} cores  {threads}", flush=True)
        time.sleep(INTERVAL)
    sys.exit(process.wait())


if __name__ == "__main__":
    main()
