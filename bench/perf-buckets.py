#!/usr/bin/env python3
"""Shares of a perf profile of the server by what its samples were doing (bench/RESULTS.md, "CPU per save under paced load").

    perf record -F 299 -g -p SERVER_PID -o FILE.perf -- sleep 15
    perf script -i FILE.perf -F comm,tid,ip,sym,dso > FILE.txt
    python3 bench/perf-buckets.py FILE.txt

Each sample goes to the first bucket whose pattern matches any frame of its stack (kernel and native frames have symbols;
managed frames need DOTNET_PerfMapEnabled=1 on the server and still land in "managed and the rest" here).
"""
import collections
import re
import sys

BUCKETS = [
    ("sched_yield (spin-waiting)", r"sched_yield"),
    ("futex (park / wake)", r"futex"),
    ("epoll_wait", r"epoll_wait"),
    ("fsync", r"fsync|fdatasync"),
    ("socket send", r"__send|sendmsg|sys_sendto|tcp_sendmsg"),
    ("socket recv", r"recv|tcp_recvmsg"),
    ("file write", r"ksys_write|__libc_write"),
    ("file read", r"ksys_read|__libc_pread|pread"),
    ("SQLite", r"libe_sqlite3"),
    ("other kernel", r"kallsyms"),
]


def samples(path):
    thread, frames = None, []
    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip():
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif line[0] in " \t":
            frames.append(line.strip())
        else:
            thread, frames = re.sub(r"\s+\d+\s*$", "", line.strip()), []
    if thread is not None:
        yield thread, frames


def bucket(frames):
    stack = " | ".join(frames)
    for name, pattern in BUCKETS:
        if re.search(pattern, stack):
            return name
    if frames and "libcoreclr" in frames[0]:
        return "runtime native (libcoreclr leaf)"
    return "managed and the rest"


def main():
    all_samples = list(samples(sys.argv[1]))
    n = len(all_samples) or 1
    print(f"{len(all_samples)} samples")
    threads = collections.Counter(re.sub(r"\d+", "#", t) for t, _ in all_samples)
    for name, count in threads.most_common(8):
        print(f"  thread {name}: {100 * count / n:.1f} %")
    for name, count in collections.Counter(bucket(f) for _, f in all_samples).most_common():
        print(f"  {name}: {100 * count / n:.1f} %")


if __name__ == "__main__":
    main()
