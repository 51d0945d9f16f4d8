#!/usr/bin/env python3
"""Writes the synthetic arrival trace Simulations/traces/hk-video-10min.csv (standard library only).

Ten minutes of Hong Kong video requests for the `replay-trace` scenario: Poisson arrivals at
4 requests/s for five minutes, then 8/s for five minutes (an evening step up), each asking for
one of the 30,000 videos of xunlei-hongkong's `hk-video` catalogue by Zipf(0.8) popularity
(object 0 is the most popular). The seed is fixed, so the file is the same on every run:

    python3 Simulations/traces/generate.py            # rewrites the file next to this script
    python3 Simulations/traces/generate.py --check    # exits 1 if the file differs

Columns (see Simulations/README.md): time (seconds from the trace's start, non-decreasing),
workload, population, object. Rates and the step are assumptions (a slice of demand small
enough to ship), not figures from the seeds.
"""

import bisect
import os
import random
import sys

SEED = 20180117  # OneThing Cloud's Hong Kong launch date, as a fixed seed
CATALOGUE = 30_000
ZIPF = 0.8
PHASES = [(300.0, 4.0), (300.0, 8.0)]  # (seconds, requests per second)


def rows():
    rng = random.Random(SEED)
    weights = [1.0 / (rank + 1) ** ZIPF for rank in range(CATALOGUE)]
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    time = 0.0
    phase_start = 0.0
    for length, rate in PHASES:
        phase_end = phase_start + length
        time = max(time, phase_start)
        while True:
            time += rng.expovariate(rate)
            if time >= phase_end:
                time = phase_end
                break
            obj = bisect.bisect_left(cumulative, rng.random() * total)
            yield f"{time:.3f},hk-video,hong-kong,{min(obj, CATALOGUE - 1)}"
        phase_start = phase_end


def text():
    header = [
        "# Synthetic: 10 min of Hong Kong video requests, 4/s then 8/s, Zipf(0.8) over 30,000 videos.",
        "# Written by generate.py (seed %d); do not edit by hand." % SEED,
        "time,workload,population,object",
    ]
    return "\n".join(header + list(rows())) + "\n"


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hk-video-10min.csv")
    content = text()
    if "--check" in sys.argv[1:]:
        with open(path, encoding="utf-8") as existing:
            sys.exit(0 if existing.read() == content else 1)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(content)
    print(f"wrote {path}: {content.count(chr(10)) - 3} arrivals, {len(content)} bytes")


if __name__ == "__main__":
    main()
