#!/usr/bin/env python3
"""routemap against the tools users would pick instead, side by side in one run.

Runs each contender on the same input, alternating, several times; reports the median wall time,
the spread (min–max), peak memory (max RSS of the child, from wait4), the ratios, and checks the
outputs agree. Writes BENCHMARKS.md. Inputs are generated here from fixed seeds.

Usage: python3 Benchmarks/bench.py [--runs N] [--points N] [--out BENCHMARKS.md]
"""
import argparse, json, os, platform, random, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUTEMAP = os.path.join(ROOT, ".build/release/routemap")


def run(argv, stdin_bytes=None, stdout=subprocess.DEVNULL):
    """Runs argv once; returns (seconds, peak RSS in MiB). Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                            stdout=stdout, stderr=subprocess.PIPE)
    if stdin_bytes is not None:
        proc.stdin.write(stdin_bytes)
        proc.stdin.close()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n{err.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024


def contest(contenders, runs):
    """contenders: {name: (argv, stdin_bytes)}; runs each in turn, `runs` rounds. Returns {name: stats}."""
    samples = {name: [] for name in contenders}
    memory = {name: 0.0 for name in contenders}
    for _ in range(runs):
        for name, (argv, stdin_bytes) in contenders.items():
            seconds, rss = run(argv, stdin_bytes)
            samples[name].append(seconds)
            memory[name] = max(memory[name], rss)
    return {name: {"median": statistics.median(s), "min": min(s), "max": max(s), "rss": memory[name], "runs": len(s)}
            for name, s in samples.items()}


AGREEMENT = """
import json, sys
a, b = (json.load(open(path))["features"] for path in sys.argv[1:3])
n = int(sys.argv[3])
assert len(a) == len(b) == n, (len(a), len(b))
for i in range(0, n, max(1, n // 2000)):
    assert a[i]["geometry"]["coordinates"] == b[i]["geometry"]["coordinates"], i
    assert a[i]["properties"] == b[i]["properties"], i
"""


def points_benchmark(workdir, n, runs):
    rng = random.Random(7946)
    csv = os.path.join(workdir, "points.csv")
    with open(csv, "w") as f:
        f.write("id,name,lat,lon\n")
        for i in range(n):
            f.write(f"p{i},site {i},{rng.uniform(-90, 90):.6f},{rng.uniform(-180, 180):.6f}\n")
    ours, gdal = os.path.join(workdir, "routemap.geojson"), os.path.join(workdir, "ogr2ogr.geojson")
    ogr = ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=YES", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
           "-oo", "KEEP_GEOM_COLUMNS=NO", gdal, csv]
    # ogr2ogr will not overwrite a GeoJSON file; the shell that removes it first costs about a millisecond.
    stats = contest({
        "routemap points": ([ROUTEMAP, "points", csv, "--out", ours], None),
        "ogr2ogr -f GeoJSON -lco RFC7946=YES": (["sh", "-c", f'rm -f "{gdal}" && exec "$@"', "sh"] + ogr, None),
    }, runs)
    # Agreement: the same features, coordinates and properties. Checked in a child process, because a
    # forked child's peak-memory figure starts from its parent's, and the parsed files are large.
    subprocess.run([sys.executable, "-c", AGREEMENT, ours, gdal, str(n)], check=True)
    commands = [f"routemap points points.csv --out routemap.geojson", " ".join(["ogr2ogr"] + ogr[1:]).replace(workdir + "/", "")]
    return stats, commands, f"{n:,} point features written as RFC 7946 GeoJSON from the same CSV ({os.path.getsize(csv) / 1e6:.0f} MB; outputs agree feature by feature)"


def cold_distance_benchmark(runs):
    line = b"36.854353 53.305118 42.97782 47.50027\n"
    stats = contest({
        "routemap distance Amirabad Makhachkala": ([ROUTEMAP, "distance", "Amirabad", "Makhachkala"], None),
        "echo … | geod +ellps=WGS84 -I": (["geod", "+ellps=WGS84", "-I"], line),
        "echo … | GeodSolve -i": (["GeodSolve", "-i"], line),
    }, runs)
    ours = json.loads(subprocess.run([ROUTEMAP, "distance", "Amirabad", "Makhachkala", "--json"], capture_output=True).stdout)["total_m"]
    theirs = float(subprocess.run(["GeodSolve", "-i", "-p", "9"], input=line, capture_output=True).stdout.split()[2])
    assert abs(ours - theirs) <= 0.001, (ours, theirs)
    return stats, [], "cold start: one distance, Amirabad → Makhachkala (routemap resolves both names; the peers get coordinates; distances agree to 1 mm)"


def table(title, stats, baseline):
    rows = [f"### {title}", "", "| command | median | spread (min–max) | peak memory | ratio to routemap |", "|---|---|---|---|---|"]
    for name, s in stats.items():
        ratio = s["median"] / stats[baseline]["median"]
        cell = name.replace("|", "\\|")  # a pipe inside a cell would end it
        rows.append(f"| `{cell}` | {fmt(s['median'])} | {fmt(s['min'])}–{fmt(s['max'])} | {s['rss']:.0f} MiB | {ratio:.2f}× |")
    return rows


def fmt(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="routemap-bench-") as workdir:
        sections = []
        results = [
            ("Cold start", *cold_distance_benchmark(max(args.runs, 21)), "routemap distance Amirabad Makhachkala"),
            ("GeoJSON export", *points_benchmark(workdir, args.points, args.runs), "routemap points"),
        ]
        for title, stats, commands, caption, baseline in results:
            sections += table(title, stats, baseline) + ["", caption + "."]
            if commands:
                sections += ["", "```"] + commands + ["```"]
            sections.append("")
            for name, s in stats.items():
                if name != baseline:
                    print(f"{title}: {name} takes {s['median'] / stats[baseline]['median']:.2f}× routemap's median time "
                          f"({fmt(s['median'])} vs {fmt(stats[baseline]['median'])})")
    versions = {
        "routemap": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "GDAL": subprocess.run(["ogr2ogr", "--version"], capture_output=True, text=True).stdout.strip(),
        "PROJ": subprocess.run(["pkg-config", "--modversion", "proj"], capture_output=True, text=True).stdout.strip(),
        "GeographicLib": subprocess.run(["GeodSolve", "--version"], capture_output=True, text=True).stdout.strip(),
    }
    header = [
        "# Benchmarks", "",
        "Regenerated by `make bench` (`Benchmarks/bench.py`). Each contender runs on the same input, in turn,",
        f"{args.runs} rounds (cold start: 21); the table gives the median, the spread and the peak resident",
        "memory. Ratios are the peer's median over routemap's: above 1 means routemap is faster. This",
        "machine is shared and noisy: read medians, not single runs.", "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
        + "; ".join(f"{k} {v}" for k, v in versions.items()) + ".", "",
    ]
    with open(args.out, "w") as f:
        f.write("\n".join(header + sections))
    print(f"wrote {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
