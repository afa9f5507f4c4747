#!/usr/bin/env python3
"""Build gazetteer/world/ports.tsv: the 3,962 ports of PyPI searoute 1.6.0 (searoute/data/ports.geojson,
Apache-2.0), each with its UN/LOCODE and position, linked to the GeoNames town of gazetteer/world/cities.tsv
that names it or lies nearest.

Linking: the town within 50 km (geodesic on WGS84, pyproj) whose folded name or alternate name is the
port's; else the nearest town within 15 km; else none. The port's names are the forms texts write:
"Port of X" and "X Port" in English (X the port's name and its town's: "Port of Najin", "Port of Rajin"); "Pelabuhan X" in Indonesian; "порт X" in Russian and
"بندر X" in Persian, where X is the town's name in that language (its libgeonames-common name and its first
name in that script). A bare "X" never names the port: the town keeps it, and a port's bare name
is often a town's, a state's or a country's elsewhere (searoute's "Turkey" is a Texan port, "Penang"
George Town's, "North" a South Carolinian one). Ports reports name by their bare name alone are
curated in gazetteer/places/ (Vostochny, Olya, Ust-Luga).

Run: pip install searoute==1.6.0 pyproj; python3 gazetteer/tools/build_ports.py   (after build_world.py)
"""
import json, os, sys
import pyproj
import searoute
from build_world import fold, slug

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
GEOD = pyproj.Geod(ellps='WGS84')


def names(field):
    out = {}
    for group in field.split(';'):
        lang, _, values = group.partition('=')
        if values:
            out[lang] = values.split('|')
    return out


def main():
    towns, grid = [], {}
    with open(os.path.join(WORLD, 'cities.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            row['lat'], row['lon'] = float(row['lat']), float(row['lon'])
            row['names'] = names(row['names'])
            row['folded'] = {fold(n) for ns in row['names'].values() for n in ns} | {fold(row['name'])}
            towns.append(row)
            grid.setdefault((int(row['lat'] // 1), int(row['lon'] // 1)), []).append(row)
    data = json.load(open(os.path.join(os.path.dirname(searoute.__file__), 'data/ports.geojson'), encoding='utf-8'))
    rows, linked, ids = [], 0, set()
    for feature in data['features']:
        p = feature['properties']
        lon, lat = feature['geometry']['coordinates']
        cc, name = p['port'][:2], p['name'].strip()
        near = []
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for town in grid.get((int(lat // 1) + dy, (int(lon // 1) + dx + 180) % 360 - 180), []):
                    if town['country'] == cc:
                        near.append((GEOD.inv(lon, lat, town['lon'], town['lat'])[2], town))
        named = [(d, t) for d, t in near if d <= 50_000 and fold(name) in t['folded']]
        close = [(d, t) for d, t in near if d <= 15_000]
        town = min(named or close, key=lambda dt: dt[0], default=(None, None))[1]
        is_town = town is not None and fold(name) in town['folded']
        spellings = [name] + ([town['name']] if is_town and town['name'] != name else [])  # Najin's town is Rajin
        by_language = {'en': [form for n in spellings for form in ([n] if n.startswith('Port ') else [f'Port of {n}', f'{n} Port'])]}
        local = {'id': spellings, 'ru': [], 'fa': []}
        if is_town:
            t = town['names']
            local['ru'] = t.get('ru', [])[:1] + t.get('cyrl', [])[:1]
            local['fa'] = t.get('fa', [])[:1] + t.get('arab', [])[:1]
            local['id'] = t.get('id', [])[:1] + spellings
        by_language['id'] = [f'Pelabuhan {n}' for n in local['id']]
        if local['ru']:
            by_language['ru'] = [f'порт {n}' for n in local['ru']]
        if local['fa']:
            by_language['fa'] = [n if fold(n).startswith('بندر') else f'بندر {n}' for n in local['fa']]
        base = f'port-of-{slug(name)}'
        port_id = base if base not in ids else f'{base}-{cc.lower()}'
        n = 2
        while port_id in ids:
            port_id, n = f'{base}-{cc.lower()}-{n}', n + 1
        ids.add(port_id)
        linked += town is not None
        field = ';'.join(f'{lang}={"|".join(dict.fromkeys(v))}' for lang, v in by_language.items())
        rows.append([port_id, name if name.startswith('Port ') else f'Port of {name}', lat, lon, cc, p['port'], town['id'] if town else '', town['geonameid'] if town else '', field])
    with open(os.path.join(WORLD, 'ports.tsv'), 'w', encoding='utf-8') as f:
        f.write('\t'.join(['id', 'name', 'lat', 'lon', 'country', 'unlocode', 'town', 'town_geonameid', 'names']) + '\n')
        for row in rows:
            f.write('\t'.join(str(v) for v in row) + '\n')
    print(f'ports: {len(rows)}, {linked} linked to a GeoNames town', file=sys.stderr)


if __name__ == '__main__':
    main()
