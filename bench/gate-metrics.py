#!/usr/bin/env python3
"""Summarises SQLite's single writer from a Prometheus scrape (bench/exam-load.sh EXAM_LOAD_METRICS=FILE): per writer,
the passes, the mean wait and hold per pass, the total hold, and the finish writer's attempts per transaction."""
import re
import sys
from collections import defaultdict

values = defaultdict(dict)
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'^(certplatform_(?:sqlite_write_(?:wait|hold)_seconds|finish_batch_size(?:_attempt)?))_(sum|count)(?:{([^}]*)})? ([0-9.eE+-]+)', line)
    if not m:
        continue
    writer = re.search(r'writer="([^"]*)"', m.group(3) or "")
    values[(m.group(1), writer.group(1) if writer else "")][m.group(2)] = float(m.group(4))

print(f"{'writer':<12}{'passes':>9}{'wait ms':>10}{'hold ms':>10}{'hold s':>9}")
for (name, writer), v in sorted(values.items()):
    if not name.startswith("certplatform_sqlite_write_hold"):
        continue
    wait = values.get((name.replace("hold", "wait"), writer), {})
    n = v.get("count", 0)
    w = wait.get("sum", 0) / wait["count"] * 1000 if wait.get("count") else float("nan")
    print(f"{writer:<12}{n:>9.0f}{w:>10.2f}{(v.get('sum', 0) / n * 1000 if n else float('nan')):>10.2f}{v.get('sum', 0):>9.2f}")
for (name, writer), v in sorted(values.items()):
    if name.startswith("certplatform_finish_batch_size") and v.get("count"):
        print(f"finish batches: {v['count']:.0f}, attempts {v['sum']:.0f}, {v['sum'] / v['count']:.1f} per transaction")
