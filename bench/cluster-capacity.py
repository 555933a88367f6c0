#!/usr/bin/env python3
"""Capacity figures for bench/cluster.sh: CPU per request of the app instances, PostgreSQL and nginx, and DB time per
request from PostgreSQL's pg_stat_statements, per scenario, and a projection to bigger machines.

  sample   run by the load driver's --scenario-hook just before and just after each timed scenario (environment:
           CERTPLATFORM_HOOK_PHASE, CERTPLATFORM_SCENARIO, CERTPLATFORM_REQUESTS from the driver; CAPACITY_LOG,
           CAPACITY_APP_PIDS, CAPACITY_PG_PID, CAPACITY_NGINX_PID, CAPACITY_PSQL from bench/cluster.sh). "before"
           resets pg_stat_statements, both read the CPU counters; one JSON line per call is appended to CAPACITY_LOG.
  report   prints the per-scenario table and the projection from CAPACITY_LOG.

CPU time is utime + stime from /proc/PID/stat (clock ticks, USER_HZ = 100). An app instance is one process. PostgreSQL
and nginx are process trees: the postmaster (nginx master) with its own and its reaped children's time (cutime +
cstime: backends that ended during the scenario) plus every live descendant's, so connections opened and closed during
a scenario are counted too.
"""
import json
import os
import subprocess
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    return text[text.rindex(")") + 2:].split()  # fields from 3 (state) on: ppid is [1], utime [11] … cstime [14]


def process_ticks(pid):
    fields = stat_fields(pid)
    return int(fields[11]) + int(fields[12])


def tree_ticks(root):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            children.setdefault(int(stat_fields(entry)[1]), []).append(int(entry))
        except (OSError, ValueError, IndexError):
            pass  # ended meanwhile
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            fields = stat_fields(pid)
        except OSError:
            continue
        total += sum(int(fields[i]) for i in (11, 12, 13, 14))
        todo.extend(children.get(pid, []))
    return total


def psql(sql):
    command = os.environ["CAPACITY_PSQL"].split() + ["-tA", "-F", "\t", "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


# The statistics' own statements (reset, read) are left out of the sums.
OWN = "query NOT LIKE '%pg_stat_statements%'"


def sample():
    phase = os.environ["CERTPLATFORM_HOOK_PHASE"]
    record = {"phase": phase, "scenario": os.environ["CERTPLATFORM_SCENARIO"],
              "requests": int(os.environ.get("CERTPLATFORM_REQUESTS", "0")), "time": time.monotonic()}
    # The statistics' own connections (psql's backends) fall outside the CPU readings: reset, then read; read, then query.
    if phase == "before":
        psql("SELECT pg_stat_statements_reset()")
    record["app"] = [process_ticks(int(p)) for p in os.environ["CAPACITY_APP_PIDS"].split()]
    record["pg"] = tree_ticks(int(os.environ["CAPACITY_PG_PID"]))
    record["nginx"] = tree_ticks(int(os.environ["CAPACITY_NGINX_PID"]))
    if phase == "after":
        database = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        total, calls = psql(f"SELECT coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) FROM pg_stat_statements "
                            f"WHERE {database} AND {OWN}").strip().split("\t")
        record["db_ms"], record["db_calls"] = float(total), int(calls)
        top = psql(f"SELECT round(total_exec_time::numeric, 1), calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) "
                   f"FROM pg_stat_statements WHERE {database} AND {OWN} ORDER BY total_exec_time DESC LIMIT 3")
        record["db_top"] = [line.split("\t") for line in top.splitlines() if line]
        # Every statement by calls, for reading what one request sends (kept in CAPACITY_LOG, not printed).
        calls_list = psql(f"SELECT calls, round(total_exec_time::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 160) "
                          f"FROM pg_stat_statements WHERE {database} AND {OWN} ORDER BY calls DESC LIMIT 40")
        record["db_calls_top"] = [line.split("\t") for line in calls_list.splitlines() if line]
    with open(os.environ["CAPACITY_LOG"], "a") as f:
        f.write(json.dumps(record) + "\n")


def per_request(seconds, requests):
    return f"{seconds * 1000 / requests:.3f}" if requests else "-"


def report():
    if not os.path.exists(os.environ["CAPACITY_LOG"]):
        print("  (no scenario was sampled)")
        return
    with open(os.environ["CAPACITY_LOG"]) as f:
        records = [json.loads(line) for line in f if line.strip()]
    before = {}
    rows = []
    for r in records:
        if r["phase"] == "before":
            before[r["scenario"]] = r
        elif r["scenario"] in before:
            b = before.pop(r["scenario"])
            app = [(a - a0) / HZ for a, a0 in zip(r["app"], b["app"])]
            rows.append({"scenario": r["scenario"], "requests": r["requests"], "wall": r["time"] - b["time"], "app": app,
                         "pg": (r["pg"] - b["pg"]) / HZ, "nginx": (r["nginx"] - b["nginx"]) / HZ,
                         "db_ms": r["db_ms"], "db_calls": r["db_calls"], "db_top": r["db_top"]})
    if not rows:
        print("  (no scenario was sampled)")
        return
    print("CPU seconds per scenario (utime+stime; ms/req = CPU ms per request of the scenario: a save in steady and")
    print("ceiling, a start / submit in the storms) and PostgreSQL's own statement time (pg_stat_statements):")
    print(f"  {'scenario':<13}{'requests':>9}{'wall s':>8} | {'app CPU s (per instance)':<30}{'ms/req':>8} | "
          f"{'PG CPU s':>8}{'ms/req':>8} | {'nginx s':>8}{'ms/req':>8} | {'DB exec ms/req':>14}{'stmts/req':>10}")
    for r in rows:
        n = r["requests"]
        app_total = sum(r["app"])
        each = ", ".join(f"{a:.2f}" for a in r["app"])
        app_text = f"{app_total:.2f} ({each})"
        print(f"  {r['scenario']:<13}{n:>9}{r['wall']:>8.1f} | {app_text:<30}{per_request(app_total, n):>8} | "
              f"{r['pg']:>8.2f}{per_request(r['pg'], n):>8} | {r['nginx']:>8.2f}{per_request(r['nginx'], n):>8} | "
              f"{(r['db_ms'] / n if n else 0):>14.3f}{(r['db_calls'] / n if n else 0):>10.2f}")
    print("  PostgreSQL's most expensive statements per scenario (total exec ms, calls, statement):")
    for r in rows:
        for total, calls, query in r["db_top"]:
            print(f"    {r['scenario']:<13}{total:>10} ms {calls:>8}×  {query}")

    print()
    print("projection (saves/s): with C cores for the app instances and D cores for PostgreSQL,")
    print("  saves/s ≈ min(C × 1000 / app CPU ms per save, D × 1000 / PostgreSQL CPU ms per save)")
    print("  (nginx needs its own cores on top: N × 1000 / nginx CPU ms per save; CPU per save measured here on a shared")
    print("  machine, where waiting for a core also costs some CPU, so the projection errs low)")
    for r in rows:
        if r["scenario"] not in ("steady", "ceiling") or r["requests"] == 0:
            continue
        app_ms = sum(r["app"]) * 1000 / r["requests"]
        pg_ms = r["pg"] * 1000 / r["requests"]
        nginx_ms = r["nginx"] * 1000 / r["requests"]
        print(f"  from {r['scenario']}: app {app_ms:.3f} ms, PostgreSQL {pg_ms:.3f} ms, nginx {nginx_ms:.3f} ms CPU per save; "
              f"DB statement time {r['db_ms'] / r['requests']:.3f} ms per save")
        if app_ms <= 0 or pg_ms <= 0:
            print("    (too few CPU ticks for a projection: run longer)")
            continue
        print(f"    {'C app cores':>12}{'D PG cores':>12}{'saves/s':>10}  bound by   nginx cores needed")
        for c, d in ((2, 1), (4, 2), (8, 4), (16, 8), (32, 16)):
            app_rate, pg_rate = c * 1000 / app_ms, d * 1000 / pg_ms
            rate = min(app_rate, pg_rate)
            print(f"    {c:>12}{d:>12}{rate:>10,.0f}  {'app' if app_rate <= pg_rate else 'PostgreSQL':<10} "
                  f"{rate * nginx_ms / 1000:.1f}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("sample", "report"):
        print("usage: cluster-capacity.py sample|report (see the top of this file)", file=sys.stderr)
        sys.exit(2)
    sample() if sys.argv[1] == "sample" else report()
