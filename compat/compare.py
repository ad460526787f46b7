#!/usr/bin/env python3
"""Compares the records Minsky lists with the records SessionDB Admin reads or wrote.

usage: compare.py MINSKY_JSON OURS_JSON [--expect-count N] [--ignore FIELD ...]

Every record Minsky lists must be among ours under the same key (Minsky's `sessionId` or
`session`), and every value Minsky gives must equal ours; with --expect-count Minsky must list
exactly N records. Fields ours has and Minsky does not name are reported only as a count (the
layout cannot hold them, or Minsky does not read them). Exit 0 when everything matches.
"""
import json
import sys


def key_of(record):
    return record.get("sessionId") or record.get("session")


def load(path):
    data = json.load(open(path))
    if isinstance(data, dict):
        data = data.get("sessions") or data.get("data", {}).get("sessions", [])
    return {key_of(record): record for record in data}


def main(argv):
    minsky, ours = load(argv[1]), load(argv[2])
    expect = int(argv[argv.index("--expect-count") + 1]) if "--expect-count" in argv else None
    ignored = {argv[i + 1] for i, arg in enumerate(argv) if arg == "--ignore"}
    problems = []
    if expect is not None and len(minsky) != expect:
        problems.append(f"Minsky lists {len(minsky)} records, expected {expect}")
    compared = 0
    for key, record in minsky.items():
        mine = ours.get(key)
        if mine is None:
            problems.append(f"{key}: Minsky lists it, SessionDB Admin has no such record")
            continue
        for field, value in record.items():
            if field in ("sessionId", "session") or field in ignored or value is None:
                continue
            compared += 1
            if mine.get(field) != value:
                problems.append(f"{key}: {field} is {json.dumps(value)[:120]} in Minsky, {json.dumps(mine.get(field))[:120]} here")
    print(f"records listed by Minsky: {len(minsky)}; values compared: {compared}; differences: {len(problems)}")
    for problem in problems[:40]:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
