#!/usr/bin/env python3
"""Top frames of a dotnet-trace sampling profile, without a GUI (bench/RESULTS.md "Autosave CPU profile").

usage: python3 bench/trace-top.py TRACE.nettrace|TRACE.speedscope.json [--top N] [--within REGEX] [--without REGEX] [--all-time]
                                   [--callers REGEX]

A .nettrace is first converted with `dotnet tool run dotnet-trace convert --format Speedscope` (a local tool).
The sampled-thread-time profile samples every managed thread about 100 times a second; a sample whose thread
was running managed code ends in the pseudo-frame CPU_TIME, one blocked or in native code in
UNMANAGED_CODE_TIME. By default only CPU_TIME samples count (--all-time: every sample, i.e. wall-clock time of
all threads). --within REGEX keeps the samples with a frame matching REGEX (e.g. the request path:
'HttpProtocol.ProcessRequests'), --without REGEX drops those with a frame matching REGEX (e.g. other requests
than autosave: 'ResourceInvoker'), and percentages are of the samples kept. Prints the top frames by exclusive time (the
leaf, below CPU_TIME) and by inclusive time (on the stack at all), as a share of the kept samples. --callers REGEX
adds the commonest call paths (the six frames below the leaf) of the kept samples whose leaf matches REGEX: who pays
for a costly leaf such as EventPipe's EventWriteTransfer or PollGC.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter


def load(path):
    if path.endswith(".nettrace"):
        stem = path[: -len(".nettrace")]
        out = stem + ".speedscope.json"  # the converter adds the extension to the name it is given
        if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(path):
            subprocess.run(["dotnet", "tool", "run", "dotnet-trace", "convert", "--format", "Speedscope", "-o", stem, path],
                           check=True, stdout=subprocess.DEVNULL)
        path = out
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def slices(profile):
    """(stack as a tuple of frame indices, weight) for each sample or interval of one thread's profile."""
    if profile["type"] == "sampled":
        yield from zip((tuple(s) for s in profile["samples"]), profile["weights"])
        return
    stack, last = [], None
    for e in profile["events"]:  # evented: open/close frames at timestamps; weight = time spent in each stack
        if last is not None and stack and e["at"] > last:
            yield tuple(stack), e["at"] - last
        last = e["at"]
        if e["type"] == "O":
            stack.append(e["frame"])
        elif stack:
            stack.pop()


def short(name, width=150):
    name = re.sub(r"\(.*\)$", "", name)  # drop parameter lists
    return name if len(name) <= width else "…" + name[-(width - 1):]


def main(argv):
    args = list(argv)
    top = int(args[args.index("--top") + 1]) if "--top" in args else 25
    within = re.compile(args[args.index("--within") + 1]) if "--within" in args else None
    without = re.compile(args[args.index("--without") + 1]) if "--without" in args else None
    callers = re.compile(args[args.index("--callers") + 1]) if "--callers" in args else None
    all_time = "--all-time" in args
    path = next(a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] not in ("--top", "--within", "--without", "--callers")))
    doc = load(path)
    names = [f["name"] for f in doc["shared"]["frames"]]
    cpu = {i for i, n in enumerate(names) if n == "CPU_TIME"}
    matches = {i for i, n in enumerate(names) if within and within.search(n)}
    excluded = {i for i, n in enumerate(names) if without and without.search(n)}
    exclusive, inclusive, paths, total, everything = Counter(), Counter(), Counter(), 0.0, 0.0
    for profile in doc["profiles"]:
        for stack, weight in slices(profile):
            if not stack:
                continue
            on_cpu = stack[-1] in cpu
            if on_cpu:
                everything += weight
            if not all_time and not on_cpu:
                continue
            if within and not matches.intersection(stack):
                continue
            if without and excluded.intersection(stack):
                continue
            total += weight
            frames = [f for f in stack if f not in cpu]
            if frames:
                exclusive[frames[-1]] += weight
                if callers and callers.search(names[frames[-1]]):
                    paths[tuple(frames[-7:-1])] += weight
            for f in set(frames):
                inclusive[f] += weight
    kind = "all samples" if all_time else "CPU samples (CPU_TIME)"
    print(f"{os.path.basename(path)}: {kind}" + (f" with a frame matching /{within.pattern}/" if within else "")
          + (f" and none matching /{without.pattern}/" if without else "")
          + f": {total:,.0f} ms" + (f" of {everything:,.0f} ms on CPU in all threads" if not all_time else ""))
    for title, counter in (("exclusive (leaf frame)", exclusive), ("inclusive (frame on the stack)", inclusive)):
        print(f"\ntop {top} {title}:")
        for f, w in counter.most_common(top):
            print(f"  {100 * w / total:5.1f} %  {short(names[f])}")
    if callers:
        print(f"\ntop {top} call paths (six frames below the leaf, innermost last) of leaves matching /{callers.pattern}/:")
        for path_frames, w in paths.most_common(top):
            print(f"  {100 * w / total:5.1f} %  " + " > ".join(short(names[f], 70) for f in path_frames))


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1:])
