"""Sea routes: routemap against searoute and scgraph (the PyPI peers), on one set of port pairs.

For each route: the length each tool gives, routemap's time per route (a cold process: load,
resolve, route, write GeoJSON) and the peers' (in-process per call after loading, and their
load), and how much of each drawn line lies on land, measured by GDAL's SQLite dialect
(SpatiaLite, ellipsoidal ST_Length) against Natural Earth 1:50m countries: an independent check.
"""
import json, os, statistics, subprocess, sys, time

ROUTES = [
    ("amirabad-port", "makhachkala-port", "the seeds' Caspian crossing"),
    ("Jeddah", "Port Sudan", "across the Red Sea"),
    ("Sevastopol", "Tartus", "Black Sea → Bosporus → Dardanelles → Levant"),
    ("Odesa", "Suez", "Black Sea → Suez"),
    ("Rason", "Vladivostok", "Sea of Japan"),
    ("Busan", "Vladivostok", "Korea Strait → Sea of Japan"),
    ("Bandar Abbas", "Jeddah", "Hormuz → round Arabia → Bab-el-Mandeb"),
    ("Singapore", "Mumbai", "Malacca → Indian Ocean"),
    ("Shanghai", "Rotterdam", "Asia → Europe by Suez"),
]

PEERS = r'''
import json, sys, time
which, routes = sys.argv[1], json.loads(sys.argv[2])
t = time.perf_counter()
if which == "searoute":
    import searoute
    def route(a, b):
        f = searoute.searoute([a[1], a[0]], [b[1], b[0]], units="km")
        return f["properties"]["length"], f["geometry"]["coordinates"]
else:
    from scgraph.geographs.marnet import marnet_geograph
    def route(a, b):
        out = marnet_geograph.get_shortest_path(origin_node={"latitude": a[0], "longitude": a[1]},
                                                destination_node={"latitude": b[0], "longitude": b[1]}, output_units="km")
        return out["length"], [[p[1], p[0]] for p in out["coordinate_path"]]
load = time.perf_counter() - t
results = []
for a, b in routes:
    times = []
    for _ in range(5):
        t = time.perf_counter()
        length, line = route(a, b)
        times.append(time.perf_counter() - t)
    times.sort()
    results.append({"length_km": length, "line": line, "seconds": times[len(times) // 2]})
print(json.dumps({"load": load, "routes": results}))
'''


def countries_geojson(root, workdir):
    """worldgeometry/countries50.tsv back to GeoJSON, for GDAL to read."""
    path = os.path.join(workdir, "countries50.geojson")
    features, names, rings = [], [], {}
    for line in open(os.path.join(root, "worldgeometry/countries50.tsv")):
        f = line.rstrip("\n").split("\t")
        if f[0] == "C":
            names.append(f[2])
        elif f[0] == "R":
            v = list(map(float, f[3].split()))
            ring = [[v[i], v[i + 1]] for i in range(0, len(v), 2)]
            polys = rings.setdefault(int(f[1]), [])
            if f[2] == "0" or not polys:
                polys.append([ring])
            else:
                polys[-1].append(ring)
    for i, code in enumerate(names):
        features.append({"type": "Feature", "properties": {"code": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": rings.get(i, [])}})
    json.dump({"type": "FeatureCollection", "features": features}, open(path, "w"))
    return path


def land_metres(countries, line, workdir, away_km=0.0):
    """Metres of `line` ([lon, lat] vertices, drawn straight) on land, by SpatiaLite; with `away_km`,
    only the part more than that far along the line from either end (away from the ports)."""
    wkt = "LINESTRING(" + ",".join(f"{x:.7f} {y:.7f}" for x, y in line) + ")"
    geometry = f"GeomFromText('{wkt}', 4326)"
    if away_km:
        whole = GEOD_LENGTH(line)
        if whole <= 2 * away_km * 1000:
            return 0.0
        cut = away_km * 1000 / whole
        geometry = f"ST_Line_Substring({geometry}, {cut}, {1 - cut})"
    sql = os.path.join(workdir, "land.sql")
    with open(sql, "w") as f:
        f.write(f"SELECT SUM(ST_Length(ST_Intersection(geometry, {geometry}), 1)) AS land FROM countries50 "
                f"WHERE ST_Intersects(geometry, {geometry})")
    out = subprocess.run(["ogrinfo", "-ro", "-q", "-dialect", "sqlite", "-sql", "@" + sql, countries],
                         capture_output=True, text=True, check=True).stdout
    values = {}
    for row in out.splitlines():
        row = row.strip()
        if "=" in row:
            key, value = row.split("=", 1)
            values[key.split()[0]] = value.strip()
    land = float(values["land"]) if values.get("land") not in (None, "", "(null)") else 0.0
    return land


def GEOD_LENGTH(line):
    """A line's length in metres, its vertices joined by geodesics (GeodSolve), to place the cuts of land_metres."""
    text = "".join(f"{a[1]} {a[0]} {b[1]} {b[0]}\n" for a, b in zip(line, line[1:]))
    out = subprocess.run(["GeodSolve", "-i", "-p", "1"], input=text, capture_output=True, text=True, check=True).stdout
    return sum(float(row.split()[2]) for row in out.splitlines())


def geodesic_km(a, b):
    out = subprocess.run(["GeodSolve", "-i", "-p", "3"], input=f"{a[0]} {a[1]} {b[0]} {b[1]}\n", capture_output=True, text=True, check=True).stdout
    return float(out.split()[2]) / 1000


def water_benchmark(routemap, root, workdir, runs):
    env = dict(os.environ, ROUTEMAP_CACHE=os.path.join(workdir, "cache"))
    # resolve every port once, so every tool starts from the same coordinates
    names = sorted({n for a, b, _ in ROUTES for n in (a, b)})
    resolved = json.loads(subprocess.run([routemap, "resolve", "--json", *names], env=env, capture_output=True, text=True, check=True).stdout)
    where = {r["query"]: (r["lat"], r["lon"]) for r in resolved}
    pairs = [(where[a], where[b]) for a, b, _ in ROUTES]
    countries = countries_geojson(root, workdir)
    subprocess.run([routemap, "route", "Amirabad", "Makhachkala", "--mode", "sea"], env=env, capture_output=True, check=True)  # builds the caches

    ours = []
    for (a, b, _), (pa, pb) in zip(ROUTES, pairs):
        argv = [routemap, "route", f"{pa[0]},{pa[1]}", f"{pb[0]},{pb[1]}", "--mode", "sea", "--geojson", "--max-segment", "2"]
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
            times.append(time.perf_counter() - t)
        feature = json.loads(out)
        geometry = feature["geometry"]
        lines = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
        ours.append({"length_km": feature["properties"]["total_m"] / 1000, "lines": lines, "seconds": statistics.median(times),
                     "drawn": feature["properties"]["drawn"]})
    peers = {}
    for which in ("searoute", "scgraph"):
        done = subprocess.run([sys.executable, "-c", PEERS, which, json.dumps(pairs)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{which} did not run: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
            continue
        peers[which] = json.loads(done.stdout)

    rows = ["### Sea routes: routemap, searoute and scgraph", "",
            "Each tool routes between the same coordinates (routemap's gazetteer positions). Length in km as each",
            "tool reports it (routemap: the sum of WGS84 geodesics, snaps included; the peers: their own haversine",
            "sums). Land: km of the drawn line on Natural Earth 1:50m land, measured by SpatiaLite (`ogrinfo -dialect",
            "sqlite`, `ST_Length(ST_Intersection(country, line), 1)`), the line taken as each tool draws it (routemap's",
            "GeoJSON densified along its geodesics every 2 km; the peers' vertices joined straight, as GeoJSON draws",
            "them). Time per route: routemap as a cold process (start, map the gazetteer and the network, route, write",
            "GeoJSON; median of " + str(runs) + "); the peers per call after loading (median of 5), their load time below.", "",
            "| route | geodesic km | routemap km | searoute km | scgraph km | land km: routemap / searoute / scgraph | … more than 10 km from the ports | time: routemap (cold) / searoute / scgraph |",
            "|---|---|---|---|---|---|---|---|"]
    summary = []
    for i, ((a, b, what), (pa, pb)) in enumerate(zip(ROUTES, pairs)):
        g = geodesic_km(pa, pb)
        ours_line = [p for line in ours[i]["lines"] for p in line]
        land = [sum(land_metres(countries, line, workdir) for line in ours[i]["lines"]) / 1000]
        away = [land_metres(countries, ours_line, workdir, 10) / 1000 if len(ours[i]["lines"]) == 1 else None]
        lengths = [f"{ours[i]['length_km']:.0f}"]
        times = [f"{ours[i]['seconds'] * 1000:.0f} ms"]
        for which in ("searoute", "scgraph"):
            if which in peers:
                r = peers[which]["routes"][i]
                lengths.append(f"{r['length_km']:.0f}")
                land.append(land_metres(countries, r["line"], workdir) / 1000)
                away.append(land_metres(countries, r["line"], workdir, 10) / 1000)
                times.append(f"{r['seconds'] * 1000:.1f} ms")
            else:
                lengths.append("—"); land.append(None); away.append(None); times.append("—")
        land_text = " / ".join("—" if x is None else f"{x:.1f}" for x in land)
        away_text = " / ".join("—" if x is None else f"{x:.1f}" for x in away)
        rows.append(f"| {a} → {b} ({what}) | {g:.0f} | {' | '.join(lengths)} | {land_text} | {away_text} | {' / '.join(times)} |")
        summary.append((a, b, g, lengths, land))
        print(f"water: {a} → {b}: geodesic {g:.0f} km; routemap {lengths[0]} km ({ours[i]['drawn']}), searoute {lengths[1]}, scgraph {lengths[2]}; land {land_text} km")
    rows += ["", "The Suez Canal (about 160 km) is land at 1:50m, for every tool; so is the Volga–Don route. routemap's",
             "line starts at the place itself (a city centre may be inland: Rason 24 km, Rotterdam 27 km), the peers'",
             "at their network's nearest node. Load average during the run: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()) + "."]
    rows.append("")
    for which in ("searoute", "scgraph"):
        if which in peers:
            rows.append(f"{which} loads in {peers[which]['load'] * 1000:.0f} ms before its first route (import and network).")
    rows += ["", "```", "routemap route LAT,LON LAT,LON --mode sea --geojson --max-segment 2",
             "python3 -c 'import searoute; searoute.searoute([lon, lat], [lon, lat], units=\"km\")'",
             "python3 -c 'from scgraph.geographs.marnet import marnet_geograph; marnet_geograph.get_shortest_path(…, output_units=\"km\")'",
             "```", ""]
    return rows
