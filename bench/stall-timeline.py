#!/usr/bin/env python3
"""A stall timeline of one load scenario: what the server did in the seconds whose p99 was high.

Two parts (bench/exam-load.sh runs both with EXAM_LOAD_TIMELINE=DIR; see its header and bench/RESULTS.md):

  sample  — every second, reads the server's Prometheus endpoint (/metrics) and the SQLite log's header, and appends one
            CSV row of raw values: GC collections per generation and pause time (cumulative), thread-pool queue length
            and threads, the autosave writer's queue depth, the background checkpointer's passes / pages / time
            (Database:Checkpoint:Background=true only), the process's CPU time, and the WAL file's size and salt-1
            (bytes 16–19 of its header: SQLite adds one each time the log restarts from its beginning after a complete
            checkpoint — its own inline checkpoints included, which no metric reports. Not the header's "checkpoint
            sequence number" at bytes 12–15: that is each connection's own count, so it jumps between connections).
              python3 bench/stall-timeline.py sample --url http://127.0.0.1:5099/metrics --wal DB-wal --out server.csv
            It runs until killed (SIGTERM) or until the file given with --until exists.

  join    — (the default) joins the load driver's per-second timeline (the driver's --timeline FILE) with those samples,
            prints each second whose p99 is over the threshold with the server's activity in it, and a summary: how
            many slow seconds had a gen2 GC, a checkpoint, a queued thread pool, compared with the other seconds, and
            the correlation of p99 with each.
              python3 bench/stall-timeline.py DRIVER.csv SERVER.csv [--scenario steady] [--threshold-ms 50]

A sample taken at Unix second T describes the second before it: counter deltas between the samples at T and T+1 are
the server's work during the driver's second T (requests *sent* in it); gauges are read at T+1. A request sent at the end
of a second may be slowed by what happened in the next, so the summary also counts events in the second before or after.
"""
import argparse
import csv
import math
import os
import re
import signal
import statistics
import struct
import sys
import time
import urllib.request

SAMPLE_FIELDS = [
    "utc_epoch", "gc_gen0", "gc_gen1", "gc_gen2", "gc_pause_s", "threadpool_queue", "threadpool_threads",
    "threadpool_items", "lock_contentions", "writer_queue", "checkpoints", "checkpoint_pages", "checkpoint_ms",
    "cpu_s", "wal_bytes", "wal_salt1", "scrape_ms",
]

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)')


def parse_metrics(text):
    """{(name, frozenset of label pairs): value} for every sample line."""
    out = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        m = LINE.match(line)
        if not m:
            continue
        labels = frozenset(re.findall(r'(\w+)="([^"]*)"', m.group(3) or ""))
        try:
            out[(m.group(1), labels)] = float(m.group(4))
        except ValueError:
            pass
    return out


def total(metrics, name, **want):
    """Sum of a metric's series whose labels include `want`."""
    s = 0.0
    for (n, labels), v in metrics.items():
        if n == name and all((k, w) in labels for k, w in want.items()):
            s += v
    return s


def wal_header(path):
    """(file size in bytes, salt-1) of a SQLite WAL file; (0, '') when absent or empty."""
    try:
        with open(path, "rb") as f:
            head = f.read(32)
        size = os.path.getsize(path)
    except OSError:
        return 0, ""
    if len(head) < 20:
        return size, ""
    return size, struct.unpack(">I", head[16:20])[0]


def sample(args):
    stop = False

    def on_term(*_):
        nonlocal stop
        stop = True
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    new = not os.path.exists(args.out) or os.path.getsize(args.out) == 0
    with open(args.out, "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(SAMPLE_FIELDS)
        # --until: also stop when its folder is gone (the bench script's temporary folder removed on an abnormal exit).
        while not stop and not (args.until and (os.path.exists(args.until) or not os.path.isdir(os.path.dirname(args.until) or "."))):
            # On the whole second (the driver's timeline is bucketed by whole Unix seconds too).
            time.sleep(max(0.0, math.ceil(time.time()) - time.time()))
            if stop:
                break
            at = round(time.time())
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(args.url, timeout=5) as r:
                    m = parse_metrics(r.read().decode("utf-8", "replace"))
            except OSError as e:
                print(f"sample at {at}: {e}", file=sys.stderr)
                time.sleep(0.05)
                continue
            scrape_ms = (time.monotonic() - t0) * 1000
            wal_bytes, wal_salt1 = wal_header(args.wal) if args.wal else (0, "")
            w.writerow([
                at,
                int(total(m, "dotnet_gc_collections_total", gc_heap_generation="gen0")),
                int(total(m, "dotnet_gc_collections_total", gc_heap_generation="gen1")),
                int(total(m, "dotnet_gc_collections_total", gc_heap_generation="gen2")),
                f'{total(m, "dotnet_gc_pause_time_seconds_total"):.6f}',
                int(total(m, "dotnet_thread_pool_queue_length")),
                int(total(m, "dotnet_thread_pool_thread_count")),
                int(total(m, "dotnet_thread_pool_work_item_count_total")),
                int(total(m, "dotnet_monitor_lock_contentions_total")),
                int(total(m, "certplatform_autosave_queue_depth")),
                int(total(m, "certplatform_sqlite_checkpoints_total")),
                int(total(m, "certplatform_sqlite_checkpoint_pages_total")),
                f'{total(m, "certplatform_sqlite_checkpoint_duration_milliseconds_sum"):.3f}',
                f'{total(m, "dotnet_process_cpu_time_seconds_total"):.3f}',
                wal_bytes, wal_salt1, f"{scrape_ms:.1f}",
            ])
            f.flush()
            time.sleep(0.05)  # past the boundary before computing the next one


def num(v, default=0.0):
    try:
        return float(v)
    except (TypeError, ValueError):
        return default


def join(args):
    with open(args.driver, newline="") as f:
        seconds = [r for r in csv.DictReader(f) if r["scenario"] == args.scenario]
    with open(args.server, newline="") as f:
        samples = {int(r["utc_epoch"]): r for r in csv.DictReader(f)}
    if not seconds:
        sys.exit(f"no '{args.scenario}' rows in {args.driver}")
    if not samples:
        sys.exit(f"no samples in {args.server}")

    def activity(epoch):
        """The server's work during Unix second `epoch`: deltas between the samples at epoch and epoch+1; None when missing."""
        a, b = samples.get(epoch), samples.get(epoch + 1)
        if a is None or b is None:
            return None
        d = lambda k: num(b[k]) - num(a[k])
        return {
            "gc0": d("gc_gen0"), "gc1": d("gc_gen1"), "gc2": d("gc_gen2"), "pause_ms": d("gc_pause_s") * 1000,
            "ckpt": d("checkpoints"), "ckpt_ms": d("checkpoint_ms"), "ckpt_pages": d("checkpoint_pages"),
            "wal_restart": (int(b["wal_salt1"]) - int(a["wal_salt1"])) % 2**32 if a["wal_salt1"] and b["wal_salt1"] else 0,
            "tp_queue": num(b["threadpool_queue"]), "tp_threads": num(b["threadpool_threads"]),
            "writer_queue": num(b["writer_queue"]), "cpu_pct": d("cpu_s") * 100, "locks": d("lock_contentions"),
        }

    rows = []
    for r in seconds:
        epoch = int(r["utc_epoch"])
        rows.append((r, activity(epoch), activity(epoch - 1), activity(epoch + 1)))
    known = [x for x in rows if x[1] is not None]
    slow = [x for x in known if num(x[0]["p99_ms"]) > args.threshold_ms]
    calm = [x for x in known if num(x[0]["p99_ms"]) <= args.threshold_ms]

    print(f"{args.scenario}: {len(seconds)} seconds in the driver's timeline, {len(known)} with server samples; "
          f"{len(slow)} with p99 over {args.threshold_ms:g} ms")
    if slow:
        print()
        print(f"{'sec':>4} {'UTC':>8} {'req':>5} {'p99 ms':>7} {'max ms':>7} {'err':>3} | {'gen0':>4} {'gen1':>4} {'gen2':>4} "
              f"{'pause ms':>8} | {'ckpt':>4} {'ckpt ms':>7} {'pages':>6} {'walrst':>6} | {'tp queue':>8} {'threads':>7} "
              f"{'writer q':>8} {'cpu %':>5}")
        for r, a, _, _ in slow:
            utc = time.strftime("%H:%M:%S", time.gmtime(int(r["utc_epoch"])))
            print(f"{r['second']:>4} {utc:>8} {r['requests']:>5} {num(r['p99_ms']):>7.0f} {num(r['max_ms']):>7.0f} {r['errors']:>3} | "
                  f"{a['gc0']:>4.0f} {a['gc1']:>4.0f} {a['gc2']:>4.0f} {a['pause_ms']:>8.1f} | {a['ckpt']:>4.0f} {a['ckpt_ms']:>7.1f} "
                  f"{a['ckpt_pages']:>6.0f} {a['wal_restart']:>6} | {a['tp_queue']:>8.0f} {a['tp_threads']:>7.0f} "
                  f"{a['writer_queue']:>8.0f} {a['cpu_pct']:>5.0f}")

    def share(group, test, near=False):
        if not group:
            return "–"
        hits = sum(1 for _, a, before, after in group
                   if test(a) or (near and ((before is not None and test(before)) or (after is not None and test(after)))))
        return f"{hits}/{len(group)} ({100.0 * hits / len(group):.0f} %)"

    def mean(group, key):
        return f"{statistics.fmean(a[key] for _, a, _, _ in group):.1f}" if group else "–"

    events = [
        ("a gen2 GC", lambda a: a["gc2"] > 0),
        ("a gen1 GC", lambda a: a["gc1"] > 0),
        ("GC pause > 20 ms", lambda a: a["pause_ms"] > 20),
        ("a background checkpoint", lambda a: a["ckpt"] > 0 and a["ckpt_pages"] > 0),
        ("a WAL restart (any checkpoint completed)", lambda a: a["wal_restart"] > 0),
        ("two or more WAL restarts", lambda a: a["wal_restart"] > 1),
        ("thread-pool queue > 10", lambda a: a["tp_queue"] > 10),
        ("writer queue > 100", lambda a: a["writer_queue"] > 100),
    ]
    print()
    print(f"{'seconds with …':<42} {'slow (same s)':>14} {'slow (±1 s)':>14} {'others (same s)':>16}")
    for label, test in events:
        print(f"{label:<42} {share(slow, test):>14} {share(slow, test, near=True):>14} {share(calm, test):>16}")
    print()
    print(f"{'mean per second':<42} {'slow':>14} {'others':>14}")
    for label, key in [("GC pause ms", "pause_ms"), ("checkpoint ms", "ckpt_ms"), ("thread-pool queue", "tp_queue"),
                       ("thread-pool threads", "tp_threads"), ("writer queue", "writer_queue"), ("server CPU %", "cpu_pct")]:
        print(f"{label:<42} {mean(slow, key):>14} {mean(calm, key):>14}")
    print()
    p99 = [num(r["p99_ms"]) for r, _, _, _ in known]
    parts = []
    for label, key in [("GC pause ms", "pause_ms"), ("gen2 count", "gc2"), ("checkpoint ms", "ckpt_ms"),
                       ("WAL restarts", "wal_restart"), ("thread-pool queue", "tp_queue"), ("writer queue", "writer_queue")]:
        xs = [a[key] for _, a, _, _ in known]
        try:
            parts.append(f"{label} {statistics.correlation(p99, xs):+.2f}")
        except statistics.StatisticsError:
            parts.append(f"{label} –")  # constant (e.g. no checkpoint metric in SQLite's own checkpoint mode)
    print("correlation of the second's p99 with (Pearson, all seconds): " + ", ".join(parts))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "sample":
        p = argparse.ArgumentParser(prog="stall-timeline.py sample")
        p.add_argument("--url", required=True, help="the server's Prometheus endpoint, e.g. http://127.0.0.1:5099/metrics")
        p.add_argument("--wal", help="the SQLite database's -wal file (its size and salt-1: restarts of the log)")
        p.add_argument("--out", required=True, help="CSV to append the samples to")
        p.add_argument("--until", help="stop once this file exists")
        sample(p.parse_args(sys.argv[2:]))
        return
    p = argparse.ArgumentParser(description="Join the load driver's per-second timeline with the server's samples.")
    p.add_argument("driver", help="the driver's --timeline CSV")
    p.add_argument("server", help="the samples written by `stall-timeline.py sample`")
    p.add_argument("--scenario", default="steady")
    p.add_argument("--threshold-ms", type=float, default=50.0)
    join(p.parse_args())


if __name__ == "__main__":
    main()
