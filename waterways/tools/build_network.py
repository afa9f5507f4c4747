#!/usr/bin/env python3
"""Builds waterways/network.tsv, the water network routemap routes `--mode sea` and `--mode river` on.

Two parts, joined where rivers and straits open onto the sea:

* The sea: a reduced visibility graph over Natural Earth 1:50m land (countries50, CC0), grown
  by a safety margin of BUFFER_DEG and simplified by SIMPLIFY_DEG (< BUFFER_DEG, so the simplified
  outline never comes closer to the land than BUFFER_DEG - SIMPLIFY_DEG). Nodes are the outline's
  convex corners (the only corners a shortest path bends round) and a coarse grid over open
  ocean; an edge joins two nodes when the WGS84 geodesic between them, densified, touches no
  outline and, at an outline corner, is tangent to it (bitangent edges: the others can never be
  on a shortest path). Edges are at most MAX_EDGE_KM long.

* Channels: straits, canals and rivers too narrow for the 1:50m outline, traced through GSHHG
  2.3.7 at full resolution (Debian gmt-gshhg-full, LGPL-3+), read with GMT: a water grid from
  `gmt grdlandmask` (ocean and lakes, so reservoirs count) with the WDBII rivers and canals from
  `gmt coast -Ia -M` burnt in and grown by one cell (GSHHG's rivers have gaps under 1 km), then
  the shortest 8-connected path through it from anchor to anchor (CHANNELS below: each anchor is
  a place on the channel, named), simplified. A channel's end at sea is an offshore point that
  joins the sea graph like a grid node; a channel may also start from another channel (the Kama
  from the Volga), at the cell of that channel nearest by water.

Usage (needs gmt, gmt-gshhg-full, shapely, scipy, pyproj, numpy):
  python3 waterways/tools/build_network.py /work/shared/data/naturalearth-50m/countries50.geojson waterways/network.tsv
"""
import hashlib
import json
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import shapely
from pyproj import Geod
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree
from shapely.geometry import shape
from shapely.ops import unary_union

BUFFER_DEG = 0.03      # safety margin round the land (about 3.3 km north-south)
SIMPLIFY_DEG = 0.02    # Douglas-Peucker tolerance on the grown outline
MAX_EDGE_KM = 1000     # longest sea edge
CHANNEL_STEP_KM = 2     # channels get a node at least this often, for snapping
SHRINK_DEG = 1e-5      # the outline as visibility tests it, shrunk by about a metre
GRID_DEG = 4           # open-ocean grid spacing
GRID_CLEARANCE_DEG = 1.0
JOIN_REACH_DEG = 1.5  # a channel joins another within this reach of its own anchors
GROW_CELLS = 2       # water grown by this many cells: GSHHG's rivers have gaps under 1 km
MAX_GAP_KM = 4       # how far from a named dam the water on either side may end
LAT_RANGE = (-62, 72)  # corners beyond are dropped: the Antarctic and the Arctic (the Northern Sea Route is seasonal, ice-class only)
GEOD = Geod(ellps="WGS84")

# Each channel: id, English name, class (strait, canal, river), grid step in degrees, and anchors
# (lat, lon, what the place is) traced in order. "sea" anchors are offshore points that join the
# sea graph; {"join": id} starts the channel at the nearest cell of an earlier channel; {"gap": …}
# names a place where GSHHG leaves the water unjoined (a dam's lock, a delta), to be crossed there.
CHANNELS = [
    dict(id="bosporus", name="Bosporus", cls="strait", step=0.001, anchors=[
        (41.32, 29.16, "sea: Black Sea off the Bosporus"), (40.93, 28.97, "sea: Sea of Marmara off Istanbul")]),
    dict(id="dardanelles", name="Dardanelles", cls="strait", step=0.002, anchors=[
        (40.47, 26.98, "sea: Sea of Marmara off Gelibolu"), (40.15, 26.40, "Canakkale narrows"), (39.98, 26.08, "sea: Aegean off Cape Helles")]),
    dict(id="kerch", name="Kerch Strait", cls="strait", step=0.002, anchors=[
        (45.52, 36.66, "sea: Sea of Azov off the strait"), (44.92, 36.50, "sea: Black Sea off the strait")]),
    dict(id="suez", name="Suez Canal", cls="canal", step=0.002, anchors=[
        (31.42, 32.36, "sea: Mediterranean off Port Said"), (30.58, 32.28, "Ismailia, Lake Timsah"), (29.86, 32.56, "sea: Gulf of Suez off Suez")]),
    dict(id="volga", name="Volga", cls="river", step=0.004, anchors=[
        (45.35, 47.95, "sea: Caspian off the Volga-Caspian ship channel"), (46.35, 48.04, "Astrakhan"), (48.71, 44.51, "Volgograd"),
        (50.08, 45.40, "Kamyshin"), (51.53, 46.03, "Saratov"), (53.16, 48.47, "Syzran"),
        (53.52, 49.42, "Tolyatti"),
        (55.79, 49.12, "Kazan"), (56.14, 47.25, "Cheboksary"), (56.33, 44.00, "Nizhny Novgorod")]),
    dict(id="kama", name="Kama", cls="river", step=0.004, anchors=[
        {"join": "volga"}, (55.36, 50.64, "Chistopol"), (55.76, 52.06, "Yelabuga"), (55.74, 52.40, "Naberezhnye Chelny")]),
    dict(id="volga-don", name="Volga-Don Canal", cls="canal", step=0.004, anchors=[
        {"join": "volga"}, (48.73, 43.55, "Kalach-na-Donu")]),
    dict(id="don", name="Don", cls="river", step=0.004, anchors=[
        (47.05, 39.00, "sea: Taganrog Bay off the Don delta"), (47.22, 39.71, "Rostov-on-Don"), (47.53, 40.80, "Konstantinovsk"),
        (47.64, 42.10, "Tsimlyansk"), (48.69, 43.53, "Kalach-na-Donu"), {"join": "volga-don"}]),
    dict(id="dnieper", name="Dnieper", cls="river", step=0.004, anchors=[
        (46.50, 31.45, "sea: Black Sea off the Dnieper-Bug estuary"),
        {"gap": (46.62, 32.60, "the Dnieper's delta at Kherson, unjoined in GSHHG")}, (46.63, 32.61, "Kherson"), (47.84, 35.14, "Zaporizhzhia"),
        (48.46, 35.04, "Dnipro"), (49.07, 33.42, "Kremenchuk"), (50.45, 30.52, "Kyiv")]),
    dict(id="danube", name="Danube", cls="river", step=0.004, anchors=[
        (45.15, 29.86, "sea: Black Sea off Sulina"), (45.18, 28.80, "Tulcea"), (45.43, 28.05, "Galati"), (43.85, 25.95, "Ruse"),
        (43.99, 22.88, "Vidin"), (44.82, 20.46, "Belgrade"), (45.25, 19.85, "Novi Sad"), (47.50, 19.04, "Budapest"),
        (48.14, 17.11, "Bratislava"), (48.21, 16.37, "Vienna")]),
]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# The sea

def land_from(countries_path):
    features = json.load(open(countries_path))["features"]
    return unary_union([shape(f["geometry"]).buffer(0) for f in features])


def obstacle_outline(land):
    grown = land.buffer(BUFFER_DEG, quad_segs=2).simplify(SIMPLIFY_DEG)
    return [shapely.geometry.polygon.orient(p, 1.0) for p in getattr(grown, "geoms", [grown])]


def convex_corners(polygons):
    """Corners where the land (on the left of every ring once oriented) turns left: the outward corners."""
    points, prev, nxt = [], [], []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            c = np.array(ring.coords)[:-1]
            a, b = np.roll(c, 1, 0), np.roll(c, -1, 0)
            turn = (c[:, 0] - a[:, 0]) * (b[:, 1] - c[:, 1]) - (c[:, 1] - a[:, 1]) * (b[:, 0] - c[:, 0])
            keep = (turn > 0) & (c[:, 1] > LAT_RANGE[0]) & (c[:, 1] < LAT_RANGE[1])
            points.append(c[keep]); prev.append(a[keep]); nxt.append(b[keep])
    return np.vstack(points), np.vstack(prev), np.vstack(nxt)


def unit_vectors(lonlat):
    lat, lon = np.radians(lonlat[:, 1]), np.radians(lonlat[:, 0])
    return np.c_[np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]


def tangent(u, v, pu, nu):
    """Whether the line u→v leaves both of u's ring neighbours on one side (free points have pu = nu = u)."""
    d = v - u
    s1 = d[:, 0] * (pu[:, 1] - u[:, 1]) - d[:, 1] * (pu[:, 0] - u[:, 0])
    s2 = d[:, 0] * (nu[:, 1] - u[:, 1]) - d[:, 1] * (nu[:, 0] - u[:, 0])
    return s1 * s2 >= 0


def geodesic_lines(a, b, pieces=40):
    """Each pair's WGS84 geodesic as `pieces` chords, longitudes unrolled from the start (no wrap at ±180°)."""
    az, _, dist = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    coords = np.empty((len(a), pieces + 1, 2))
    coords[:, 0] = a
    for k in range(1, pieces + 1):
        lon, lat, _ = GEOD.fwd(a[:, 0], a[:, 1], az, dist * k / pieces)
        coords[:, k, 0], coords[:, k, 1] = lon, lat
    # unroll longitudes so a line across ±180° stays continuous
    step = np.diff(coords[:, :, 0], axis=1)
    step = (step + 180) % 360 - 180
    coords[:, 1:, 0] = coords[:, :1, 0] + np.cumsum(step, axis=1)
    return coords, dist


def visible(a, b, tree, batch=20000):
    """Which geodesics a[i]→b[i] touch no outline polygon (the tree holds them, and their copies ±360°)."""
    ok = np.ones(len(a), dtype=bool)
    for s in range(0, len(a), batch):
        coords, _ = geodesic_lines(a[s:s + batch], b[s:s + batch])
        lines = shapely.linestrings(coords)
        hit = tree.query(lines, predicate="intersects")[0]
        ok[s + np.unique(hit)] = False
    return ok


def sea_graph(land, free_points):
    polygons = obstacle_outline(land)
    shifted = [shapely.affinity.translate(p, d) for p in polygons for d in (-360, 360)
               if (d > 0 and p.bounds[0] < -150) or (d < 0 and p.bounds[2] > 150)]
    # Visibility is tested against the outline shrunk by about a metre: a line that only touches
    # a polygon at the corner it starts from is visible; one that enters its land is not.
    tree = shapely.STRtree([p.buffer(-SHRINK_DEG, quad_segs=1) for p in polygons + shifted])
    corners, prev, nxt = convex_corners(polygons)
    log(f"sea: {len(polygons)} outline polygons, {len(corners)} convex corners")

    # open-ocean grid nodes, well clear of the outline
    grid = [(lon, lat) for lat in np.arange(-60, LAT_RANGE[1], GRID_DEG) for lon in np.arange(-180, 180, GRID_DEG)]
    grid = np.array(grid, dtype=float)
    clear = shapely.distance(shapely.points(grid), unary_union(polygons)) > GRID_CLEARANCE_DEG
    grid = grid[clear]
    free = np.vstack([grid, np.array(free_points, dtype=float).reshape(-1, 2)])
    inside = tree.query(shapely.points(free), predicate="intersects")[0]
    if len(inside):
        for i in np.unique(inside):
            if i >= len(grid):
                raise SystemExit(f"offshore anchor {free[i][1]:.4f},{free[i][0]:.4f} lies within {BUFFER_DEG}° of land: move it out to sea")
    log(f"sea: {len(grid)} open-ocean grid nodes, {len(free) - len(grid)} channel ends")

    nodes = np.vstack([corners, free])
    pv = np.vstack([prev, free])
    nx = np.vstack([nxt, free])
    kd = cKDTree(unit_vectors(nodes))
    pairs = kd.query_pairs(2 * math.sin(MAX_EDGE_KM / 6371.0 / 2), output_type="ndarray")
    i, j = pairs[:, 0], pairs[:, 1]
    keep = tangent(nodes[i], nodes[j], pv[i], nx[i]) & tangent(nodes[j], nodes[i], pv[j], nx[j])
    i, j = i[keep], j[keep]
    log(f"sea: {len(pairs)} pairs within {MAX_EDGE_KM} km, {len(i)} bitangent; testing visibility")
    t = time.time()
    ok = visible(nodes[i], nodes[j], tree)
    log(f"sea: {ok.sum()} visible edges ({time.time() - t:.0f} s)")
    return nodes, np.c_[i[ok], j[ok]], len(corners) + len(grid)


# ---------------------------------------------------------------------------------------------
# Channels through GSHHG

def gmt(*args, binary=False):
    # run in the temporary folder, where GMT leaves its gmt.history
    return subprocess.run(["gmt", *args], check=True, capture_output=True, text=not binary, cwd=tempfile.gettempdir()).stdout


def water_grid(west, east, south, north, step):
    """A boolean grid, rows from the north: GSHHG water (ocean, lakes) with WDBII rivers and canals burnt in, grown GROW_CELLS cells."""
    region = f"-R{west}/{east}/{south}/{north}"
    with tempfile.TemporaryDirectory() as folder:
        gmt("grdlandmask", region, f"-I{step}", "-Df", "-N1/0/1/0/1", f"-G{folder}/w.nc")
        raw = gmt("grd2xyz", f"{folder}/w.nc", "-ZTLc", binary=True)
    cols = int(round((east - west) / step)) + 1
    rows = int(round((north - south) / step)) + 1
    water = np.frombuffer(raw, dtype=np.int8).reshape(rows, cols) > 0
    rivers = gmt("coast", region, "-Df", "-Ia", "-M")
    previous = None
    for line in rivers.splitlines():
        if line.startswith(">"):
            previous = None
            continue
        lon, lat = map(float, line.split()[:2])
        here = ((north - lat) / step, (lon - west) / step)
        if previous is not None:
            n = int(max(abs(here[0] - previous[0]), abs(here[1] - previous[1])) * 2) + 1
            for k in range(n + 1):
                r = int(round(previous[0] + (here[0] - previous[0]) * k / n))
                c = int(round(previous[1] + (here[1] - previous[1]) * k / n))
                if 0 <= r < rows and 0 <= c < cols:
                    water[r, c] = True
        previous = here
    for _ in range(GROW_CELLS):
        grown = water.copy()
        grown[1:, :] |= water[:-1, :]; grown[:-1, :] |= water[1:, :]
        grown[:, 1:] |= water[:, :-1]; grown[:, :-1] |= water[:, 1:]
        water = grown
    return water


def trace_channel(channel, traced):
    key = json.dumps([channel, {k: traced[k] for k in sorted(traced)}, GROW_CELLS, JOIN_REACH_DEG, MAX_GAP_KM], sort_keys=True, default=str)
    cached = os.path.join(tempfile.gettempdir(), "routemap-channels", f"{channel['id']}-{hashlib.sha1(key.encode()).hexdigest()[:16]}.json")
    if os.path.exists(cached):
        return [tuple(p) for p in json.load(open(cached))]
    result = trace_channel_through_gshhg(channel, traced)
    os.makedirs(os.path.dirname(cached), exist_ok=True)
    json.dump(result, open(cached, "w"))
    return result


def trace_channel_through_gshhg(channel, traced):
    step = channel["step"]
    points = [a for a in channel["anchors"] if not isinstance(a, dict)]
    # the part of a joined channel within JOIN_REACH_DEG of this channel's anchors
    def near(p):
        return any(abs(p[0] - a[0]) < JOIN_REACH_DEG and abs(p[1] - a[1]) < JOIN_REACH_DEG for a in points)
    joined = {a["join"]: [p for p in traced[a["join"]] if near(p)] for a in channel["anchors"] if isinstance(a, dict) and "join" in a}
    lats = [p[0] for p in points] + [p[0] for j in joined.values() for p in j]
    lons = [p[1] for p in points] + [p[1] for j in joined.values() for p in j]
    margin = 1.0  # rivers meander beyond their anchors (the Samara Bend reaches 0.8° east of Tolyatti)
    west, east = math.floor((min(lons) - margin) / step) * step, math.ceil((max(lons) + margin) / step) * step
    south, north = math.floor((min(lats) - margin) / step) * step, math.ceil((max(lats) + margin) / step) * step
    water = water_grid(round(west, 6), round(east, 6), round(south, 6), round(north, 6), step)
    rows, cols = water.shape
    index = -np.ones(water.shape, dtype=np.int64)
    cells = np.flatnonzero(water)
    index.flat[cells] = np.arange(len(cells))
    r, c = np.divmod(cells, cols)
    lat = north - r * step
    cos = np.cos(np.radians(lat))
    src, dst, w = [], [], []
    for dr, dc in [(0, 1), (1, 0), (1, 1), (1, -1)]:
        rr, cc = r + dr, c + dc
        ok = (rr < rows) & (cc >= 0) & (cc < cols)
        ok[ok] &= water[rr[ok], cc[ok]]
        a, b = index[r[ok], c[ok]], index[rr[ok], cc[ok]]
        src.append(a); dst.append(b); w.append(np.hypot(dr, dc * cos[ok]))
    src, dst, w = np.concatenate(src), np.concatenate(dst), np.concatenate(w)
    graph = csr_matrix((np.r_[w, w], (np.r_[src, dst], np.r_[dst, src])), shape=(len(cells), len(cells)))
    kd = cKDTree(np.c_[lat, (west + c * step) * np.cos(np.radians(np.mean(lats)))])

    def cell_of(lat_, lon_, label):
        d, k = kd.query([lat_, lon_ * np.cos(np.radians(np.mean(lats)))])
        if d > 0.1:
            raise SystemExit(f"{channel['id']}: anchor {label} ({lat_}, {lon_}) is {d:.2f}° from any water in GSHHG")
        return k

    def cell_position(k):
        return (float(lat[k]), float(west + c[k] * step))

    path = []
    anchors = channel["anchors"]
    current = None
    for n, anchor in enumerate(anchors):
        if isinstance(anchor, dict) and "gap" in anchor:
            continue
        if isinstance(anchor, dict):
            sources = [cell_of(p[0], p[1], anchor["join"]) for p in joined[anchor["join"]]]
            if current is None:
                # start from the joined channel: the next anchor, traced back to the nearest joined cell
                continue
            dist, pred = dijkstra(graph, indices=current, return_predecessors=True)
            target = min(set(sources), key=lambda k: dist[k])
            if not np.isfinite(dist[target]):
                raise SystemExit(f"{channel['id']}: no water path to {anchor['join']}")
            segment = backtrack(pred, current, target)
            path += segment[1:]
            current = target
            continue
        k = cell_of(anchor[0], anchor[1], anchor[2])
        if current is None:
            if n > 0 and isinstance(anchors[n - 1], dict):
                sources = list(set(cell_of(p[0], p[1], "join") for p in joined[anchors[n - 1]["join"]]))
                dist, pred, origin = dijkstra(graph, indices=sources, return_predecessors=True, min_only=True)
                if not np.isfinite(dist[k]):
                    raise SystemExit(f"{channel['id']}: no water path from {anchors[n - 1]['join']} to {anchor[2]}")
                start = origin[k]
                path = backtrack(pred, start, k)
            else:
                path = [k]
            current = k
            continue
        dist, pred = dijkstra(graph, indices=current, return_predecessors=True)
        if np.isfinite(dist[k]):
            path += backtrack(pred, current, k)[1:]
        else:
            # a gap GSHHG leaves (a dam's lock, a delta's unjoined arm): cross it where named and
            # nowhere else (the shortest gap could be a portage, such as the neck of the Samara Bend)
            dam = anchors[n - 1].get("gap") if isinstance(anchors[n - 1], dict) else None
            if dam is None:
                raise SystemExit(f"{channel['id']}: no water path to {anchor[2]}; if GSHHG leaves a gap (a dam, a delta), name it before the anchor")
            back, back_pred = dijkstra(graph, indices=k, return_predecessors=True)
            near, far = np.flatnonzero(np.isfinite(dist)), np.flatnonzero(np.isfinite(back))
            scale = np.cos(np.radians(dam[0]))
            def nearest(cells_):
                gaps = np.hypot(lat[cells_] - dam[0], (west + c[cells_] * step - dam[1]) * scale) * 111.2
                return cells_[np.argmin(gaps)], gaps.min()
            (a, gap_a), (b, gap_b) = nearest(near), nearest(far)
            if max(gap_a, gap_b) > MAX_GAP_KM:
                raise SystemExit(f"{channel['id']}: the water on either side of {dam[2]} is {gap_a:.1f} and {gap_b:.1f} km from it")
            log(f"channel {channel['id']}: crossed {dam[2]} from {cell_position(a)} to {cell_position(b)}")
            path += backtrack(pred, current, a)[1:] + backtrack(back_pred, k, b)[::-1]
        current = k
    coords = [cell_position(k) for k in path]
    # keep the anchors' own positions at the ends (the offshore points join the sea graph there)
    if not isinstance(anchors[0], dict):
        coords[0] = (anchors[0][0], anchors[0][1])
    if not isinstance(anchors[-1], dict):
        coords[-1] = (anchors[-1][0], anchors[-1][1])
    simplified = shapely.LineString([(lo, la) for la, lo in coords]).simplify(step * 1.0)
    result = [(la, lo) for lo, la in simplified.coords]
    length = GEOD.line_length([p[1] for p in result], [p[0] for p in result]) / 1000
    log(f"channel {channel['id']}: {len(coords)} cells, {len(result)} vertices, {length:.0f} km")
    return result


def densified(points, step_km):
    """The polyline with points added along each geodesic, so no step is longer than step_km (places snap to nodes)."""
    out = [points[0]]
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        _, _, dist = GEOD.inv(lon1, lat1, lon2, lat2)
        extra = int(dist / 1000 / step_km)
        if extra:
            out += [(lat, lon) for lon, lat in GEOD.npts(lon1, lat1, lon2, lat2, extra)]
        out.append((lat2, lon2))
    return out


def describe(anchor):
    if isinstance(anchor, dict) and "join" in anchor:
        return "joins " + anchor["join"]
    if isinstance(anchor, dict):
        lat, lon, label = anchor["gap"]
        return f"across {label} {lat},{lon}"
    return f"{anchor[2]} {anchor[0]},{anchor[1]}"


def backtrack(pred, start, end):
    out = [end]
    while out[-1] != start:
        p = pred[out[-1]]
        if p < 0:
            raise SystemExit("broken path")
        out.append(p)
    return out[::-1]


# ---------------------------------------------------------------------------------------------

def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    countries, out = sys.argv[1], sys.argv[2]
    traced = {}
    for channel in CHANNELS:
        traced[channel["id"]] = trace_channel(channel, traced)
    log("channels: " + ", ".join(f"{c['id']} {len(traced[c['id']])} vertices" for c in CHANNELS))

    # channel ends at sea join the sea graph
    sea_ends = []
    for channel in CHANNELS:
        for position, anchor in ((0, channel["anchors"][0]), (-1, channel["anchors"][-1])):
            if not isinstance(anchor, dict) and anchor[2].startswith("sea:"):
                sea_ends.append((channel["id"], position, (anchor[1], anchor[0])))
    land = land_from(countries)
    free = [e[2] for e in sea_ends]
    key = json.dumps([free, BUFFER_DEG, SIMPLIFY_DEG, MAX_EDGE_KM, SHRINK_DEG, GRID_DEG, GRID_CLEARANCE_DEG, LAT_RANGE, open(countries, "rb").read().__len__()])
    cached = os.path.join(tempfile.gettempdir(), "routemap-channels", f"sea-{hashlib.sha1(key.encode()).hexdigest()[:16]}.npz")
    if os.path.exists(cached):
        saved = np.load(cached)
        nodes, edges, first_free_end = saved["nodes"], saved["edges"], int(saved["first"])
    else:
        nodes, edges, first_free_end = sea_graph(land, free)
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        np.savez(cached, nodes=nodes, edges=edges, first=first_free_end)

    lines = []
    all_nodes = [(float(n[1]), float(n[0])) for n in nodes]
    edge_rows = [(int(a), int(b), "s", 0) for a, b in edges]
    end_node = {(cid, pos): first_free_end + k for k, (cid, pos, _) in enumerate(sea_ends)}
    channel_nodes = {}
    for number, channel in enumerate(CHANNELS, start=1):
        ids = []
        coords = densified(traced[channel["id"]], CHANNEL_STEP_KM)
        for position, point in enumerate(coords):
            key = (channel["id"], 0 if position == 0 else (-1 if position == len(coords) - 1 else None))
            if key in end_node:
                ids.append(end_node[key])
            else:
                all_nodes.append(point)
                ids.append(len(all_nodes) - 1)
        channel_nodes[channel["id"]] = ids
        cls = channel["cls"][0]
        edge_rows += [(a, b, cls, number) for a, b in zip(ids, ids[1:])]
    # joins: a channel that starts or ends at another is linked to that channel's nearest vertex
    for number, channel in enumerate(CHANNELS, start=1):
        for position, anchor in ((0, channel["anchors"][0]), (-1, channel["anchors"][-1])):
            if isinstance(anchor, dict):
                mine = channel_nodes[channel["id"]][position]
                theirs = channel_nodes[anchor["join"]]
                here = all_nodes[mine]
                best = min(theirs, key=lambda k: (all_nodes[k][0] - here[0]) ** 2 + ((all_nodes[k][1] - here[1]) * math.cos(math.radians(here[0]))) ** 2)
                edge_rows.append((mine, best, channel["cls"][0], number))

    with open(out, "w") as f:
        f.write("# routemap water network: built by waterways/tools/build_network.py; see waterways/README.md for sources and licences\n")
        f.write(f"# sea: Natural Earth 1:50m countries (CC0) grown {BUFFER_DEG} deg, simplified {SIMPLIFY_DEG} deg, bitangent visibility edges up to {MAX_EDGE_KM} km\n")
        f.write("# channels: GSHHG 2.3.7 full resolution shorelines and WDBII rivers (LGPL-3+), traced with GMT grdlandmask and coast\n")
        f.write("# W<TAB>number<TAB>id<TAB>name<TAB>class<TAB>anchors   then N<TAB>lat<TAB>lon (node numbers from 0)   then E<TAB>a<TAB>b<TAB>class<TAB>waterway (0: open sea)\n")
        for number, channel in enumerate(CHANNELS, start=1):
            names = "; ".join(describe(a) for a in channel["anchors"])
            f.write(f"W\t{number}\t{channel['id']}\t{channel['name']}\t{channel['cls']}\t{names}\n")
        for lat, lon in all_nodes:
            lon = (lon + 180) % 360 - 180  # the grown outline reaches past ±180°
            f.write(f"N\t{lat:.5f}\t{lon:.5f}\n")
        for a, b, cls, w in edge_rows:
            f.write(f"E\t{a}\t{b}\t{cls}\t{w}\n")
    log(f"wrote {out}: {len(all_nodes)} nodes, {len(edge_rows)} edges")


if __name__ == "__main__":
    main()
