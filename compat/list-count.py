#!/usr/bin/env python3
"""Counts the sessions in `minsky session list --json` output: usage list-count.py OUTPUT_FILE EXPECTED.

Minsky prints log lines around the JSON document (and before 23 August 2025 printed it on stderr),
so the document is found by its opening `{` + `"success"` and decoded from there.
"""
import json
import re
import sys

text = open(sys.argv[1]).read()
start = re.search(r'^\{\s*"success"', text, re.M)
if start is None:
    print("no session list JSON document in the output")
    sys.exit(1)
document, _ = json.JSONDecoder().raw_decode(text[start.start():])
count = len(document["sessions"])
print(f"session list --json: {count} sessions, success={document['success']}")
sys.exit(0 if document["success"] and count == int(sys.argv[2]) else 1)
