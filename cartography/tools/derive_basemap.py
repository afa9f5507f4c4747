#!/usr/bin/env python3
"""Derives routemap's drawing base map from Natural Earth 1:50m admin-0 countries (CC0).

    python3 cartography/tools/derive_basemap.py /work/shared/data/naturalearth-50m/countries50.geojson cartography/basemap

Writes three RFC 7946 files (standard library only, deterministic):
  land.geojson     one MultiPolygon per country (name, ISO code): drawn as land, filled only
  coasts.geojson   the edges no other country shares: drawn as coastline
  borders.geojson  the edges two countries share: drawn as borders

Shared edges are found by their identical vertices (Natural Earth's countries are topologically
built: 18,939 edges are shared by exactly two countries, none by more). Each ring is cut into arcs
where its neighbour changes, every arc is simplified once (Douglas-Peucker, TOLERANCE degrees) and
put back into both rings that use it, so land fills, coasts and borders still meet exactly.
Edges along ±180° and the -90° parallel (where Natural Earth closes Russia, Fiji and Antarctica)
are kept in the fills but are neither coast nor border, so no seam line is drawn there.
"""
import json
import sys
from collections import defaultdict

TOLERANCE = 0.01  # degrees (about 1.1 km of latitude): under a pixel on maps wider than ~1,500 km
DECIMALS = 3      # 0.001 degree, about 110 m
MIN_RING_EXTENT = 0.05  # islands smaller than this in both directions are dropped


def is_cut(a, b):
    return (abs(a[0]) == 180 and a[0] == b[0]) or (a[1] == -90 and b[1] == -90)


def simplify(points, tolerance):
    """Douglas-Peucker on an open run (first and last kept), iterative."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        best, index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length2 == 0:
                d2 = (px - x1) ** 2 + (py - y1) ** 2
            else:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
                d2 = (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2
            if d2 > best:
                best, index = d2, i
        if index is not None and best > tolerance * tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def main(source, folder):
    with open(source, encoding="utf-8") as f:
        countries = json.load(f)["features"]
    polygons = []  # (country index, [ring, ...]) with rings as lists of (lon, lat), closed
    owners = defaultdict(set)
    for index, feature in enumerate(countries):
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for part in parts:
            rings = []
            for ring in part:
                points = []
                for x, y in ring:
                    p = (float(x), float(y))
                    if not points or points[-1] != p:
                        points.append(p)
                if points[0] != points[-1]:
                    points.append(points[0])
                rings.append(points)
                for a, b in zip(points, points[1:]):
                    owners[(min(a, b), max(a, b))].add(index)
            polygons.append((index, rings))

    def signature(a, b):
        if is_cut(a, b):
            return ("cut",)
        return tuple(sorted(owners[(min(a, b), max(a, b))]))

    simplified_arcs = {}
    coasts, borders = [], []

    def simplified(arc, kind):
        """The arc simplified, the same way whichever direction a ring walks it."""
        forward = tuple(arc)
        backward = tuple(reversed(arc))
        key = min(forward, backward)
        if key not in simplified_arcs:
            result = simplify(list(key), TOLERANCE)
            simplified_arcs[key] = result
            if kind == "coast":
                coasts.append(result)
            elif kind == "border":
                borders.append(result)
        result = simplified_arcs[key]
        return result if key == forward else list(reversed(result))

    land = defaultdict(list)
    for index, rings in polygons:
        out_rings = []
        for ring in rings:
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if max(xs) - min(xs) < MIN_RING_EXTENT and max(ys) - min(ys) < MIN_RING_EXTENT:
                continue
            edges = list(zip(ring, ring[1:]))
            sigs = [signature(a, b) for a, b in edges]
            # Start the walk where the signature changes, so no arc wraps round the ring's start.
            start = next((i for i in range(len(sigs)) if sigs[i] != sigs[i - 1]), None)
            runs = []
            if start is None:
                # One signature all round: an island's coast (a closed arc), rotated to start at its least vertex.
                # The same closed arc (an enclave's border, walked both ways) gives the same key either way.
                body = ring[:-1]
                m = body.index(min(body))
                forward = body[m:] + body[:m]
                backward = [forward[0]] + list(reversed(forward[1:]))
                start_run = min(forward, backward)
                closed = start_run + [start_run[0]]
                kind = "cut" if sigs[0] == ("cut",) else ("coast" if len(sigs[0]) == 1 else "border")
                result = simplified_closed(closed, kind, simplified_arcs, coasts, borders)
                runs.append(result if closed == start_run + [start_run[0]] and start_run is forward else list(reversed(result)))
            else:
                order = edges[start:] + edges[:start]
                order_sigs = sigs[start:] + sigs[:start]
                current = [order[0][0], order[0][1]]
                current_sig = order_sigs[0]
                for (a, b), s in zip(order[1:], order_sigs[1:]):
                    if s != current_sig:
                        runs.append(simplified(current, kind_of(current_sig)) if current_sig != ("cut",) else list(current))
                        current = [a, b]
                        current_sig = s
                    else:
                        current.append(b)
                runs.append(simplified(current, kind_of(current_sig)) if current_sig != ("cut",) else list(current))
            out = []
            for run in runs:
                out += run if not out else run[1:]
            if out[0] != out[-1]:
                out.append(out[0])
            distinct = {p for p in out}
            if len(distinct) >= 3:
                out_rings.append(out)
        if out_rings:
            land[index].append(out_rings)

    def rounded(points):
        result = []
        for x, y in points:
            p = [round(x, DECIMALS), round(y, DECIMALS)]
            if not result or result[-1] != p:
                result.append(p)
        return result

    features = []
    for index in sorted(land):
        props = countries[index]["properties"]
        polys = []
        for rings in land[index]:
            rr = [rounded(r) for r in rings]
            if len(rr[0]) >= 4:
                polys.append([r for r in rr if len(r) >= 4])
        if polys:
            features.append({"type": "Feature", "properties": {"name": props["name"], "iso_a2": props["iso_a2"] if props["iso_a2"] != "-99" else None},
                             "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    header = {
        "source": "Natural Earth 1:50m admin-0 countries (naturalearthdata.com), as shipped in Debian r-cran-rnaturalearthdata 0.1.0 (countries50)",
        "licence": "CC0 (public domain); see cartography/README.md",
        "derived_by": "cartography/tools/derive_basemap.py, Douglas-Peucker %.3f degrees, %d decimals" % (TOLERANCE, DECIMALS),
    }
    write(folder + "/land.geojson", header, features)
    write(folder + "/coasts.geojson", header, [{"type": "Feature", "properties": {"kind": "coast"}, "geometry": {"type": "MultiLineString", "coordinates": [rounded(a) for a in coasts if len(rounded(a)) >= 2]}}])
    write(folder + "/borders.geojson", header, [{"type": "Feature", "properties": {"kind": "border"}, "geometry": {"type": "MultiLineString", "coordinates": [rounded(a) for a in borders if len(rounded(a)) >= 2]}}])


def kind_of(sig):
    if sig == ("cut",):
        return "cut"
    return "coast" if len(sig) == 1 else "border"


def simplified_closed(closed, kind, cache, coasts, borders):
    key = tuple(closed)
    if key not in cache:
        # Split the closed ring at its farthest vertex from the start, so DP has two open runs.
        far = max(range(len(closed)), key=lambda i: (closed[i][0] - closed[0][0]) ** 2 + (closed[i][1] - closed[0][1]) ** 2)
        result = simplify(closed[: far + 1], TOLERANCE) + simplify(closed[far:], TOLERANCE)[1:]
        cache[key] = result
        if kind == "coast":
            coasts.append(result)
        elif kind == "border":
            borders.append(result)
    return cache[key]


def write(path, header, features):
    text = '{"type":"FeatureCollection",' + ",".join('"%s":%s' % (k, json.dumps(v)) for k, v in header.items()) + ',"features":[\n'
    text += ",\n".join(json.dumps(f, separators=(",", ":"), ensure_ascii=False) for f in features)
    text += "\n]}\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
