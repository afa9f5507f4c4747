#!/usr/bin/env python3
"""Gives the world's time-zone cities the Persian and Russian names CLDR writes for them, where GeoNames' offline copy lacks them.

libgeonames-common has no Persian name for Istanbul, Vienna, Copenhagen, Singapore or Taipei, so Persian news'
'استانبول' met only GeoNames' Arabic-script alternate names, which count only where a document names a place near
them. CLDR names each time zone's exemplar city in every language (419 in Persian). This tool finds each zone's
city in cities.tsv: the largest place of the zone's country within 30 km of its point in the tz database's zone.tab
whose English or Latin name is the zone's English city ('Europe/Istanbul' → Istanbul; CLDR's English name where it
has one: 'Asia/Calcutta' → Kolkata), so that a zone named for its country ('Asia/Bahrain', Persian 'بحرین') names
no town. A name that is a country's ('کویت' for Kuwait City) is left out, and so is one as common as a word of the
language (wordfreq Zipf 4.0 or more: 'ماهه', '-month', for Mahé's Victoria) for a town under 1,000,000 people. It adds CLDR's Persian name (Arabic yeh and kaf written as Persian's) and Russian name where the place has
not that name yet (beside its others: Casablanca's 'دارالبیضا' gains 'کازابلانکا'). The words of the new names that are common words are added to common_words.tsv as build_world.py
finds them.

Run: pip install babel==2.18.0 wordfreq; python3 gazetteer/tools/cldr_city_names.py   (after persian_script_names.py;
it rewrites cities.tsv)
"""
import math
import os
import re
import sys

import wordfreq
from babel import Locale

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import world_table  # noqa: E402
from build_world import fold  # noqa: E402

WORLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../world')
ZONES = '/usr/share/zoneinfo/zone.tab'  # Debian tzdata
LANGUAGES = ('fa', 'ru')
TO_PERSIAN = str.maketrans({'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'})
NEAR_KM = 30


def zone_point(text):
    """zone.tab's ISO 6709 point ('+4101+02858', '+404251-0740023') as latitude and longitude in degrees."""
    m = re.fullmatch(r'([+-])(\d+)([+-])(\d+)', text)

    def degrees(sign, digits, width):
        value = int(digits[:width]) + int(digits[width:width + 2]) / 60 + (int(digits[width + 2:]) / 3600 if len(digits) > width + 2 else 0)
        return value if sign == '+' else -value
    return degrees(m[1], m[2], 2), degrees(m[3], m[4], 3)


def kilometres(a, b):
    """The great-circle distance on a sphere: enough to tell a zone's city within 30 km from one elsewhere."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    cosine = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo1 - lo2)
    return 6371 * math.acos(max(-1.0, min(1.0, cosine)))


def parse_names(field):
    """'lang=a|b;lang=c' as an ordered list of (lang, [names])."""
    return [(lang, value.split('|')) for lang, _, value in (g.partition('=') for g in field.split(';') if g)]


def country_names():
    """Every folded name of a country or territory in countries.tsv, in any language."""
    with open(os.path.join(WORLD, 'countries.tsv'), encoding='utf-8') as f:
        lines = f.read().splitlines()
    header = lines[0].split('\t')
    at = header.index('names')
    return {fold(n) for line in lines[1:] for _, names in parse_names(line.split('\t')[at]) for n in names}


def main():
    path = os.path.join(WORLD, 'cities.tsv')
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    header, rows = lines[0].split('\t'), [line.split('\t') for line in lines[1:]]
    col = {name: header.index(name) for name in ('name', 'lat', 'lon', 'country', 'population', 'names')}
    by_country = {}
    for cols in rows:
        by_country.setdefault(cols[col['country']], []).append(cols)
    countries = country_names()
    locales = {lang: Locale(lang).time_zones for lang in ('en',) + LANGUAGES}
    added, words = {lang: 0 for lang in LANGUAGES}, set()
    with open(ZONES, encoding='utf-8') as f:
        zones = [line.rstrip('\n').split('\t') for line in f if not line.startswith('#')]
    for country, point, zone, *_ in zones:
        english = locales['en'].get(zone, {}).get('city') or zone.split('/')[-1].replace('_', ' ')
        at = zone_point(point)

        def named(cols):
            names = dict(parse_names(cols[col['names']]))
            return fold(english) in {fold(n) for n in [cols[col['name']]] + names.get('latn', []) + names.get('en', [])}
        near = [c for c in by_country.get(country, []) if kilometres(at, (float(c[col['lat']]), float(c[col['lon']]))) <= NEAR_KM and named(c)]
        if not near:
            continue
        city = max(near, key=lambda c: int(c[col['population']] or 0))
        groups = parse_names(city[col['names']])
        for lang in LANGUAGES:
            name = locales[lang].get(zone, {}).get('city')
            if not name:
                continue
            if lang == 'fa':
                name = name.translate(TO_PERSIAN)
            population = int(city[col['population']] or 0)
            if fold(name) in countries or population < 1_000_000 and wordfreq.zipf_frequency(name, lang) >= 4.0:
                continue
            have = dict(groups).get(lang)
            if have is not None and fold(name) in {fold(n) for n in have}:
                continue
            if have is None:
                groups.insert(min(1, len(groups)), (lang, [name]))
            else:
                have.append(name)
            added[lang] += 1
            words |= set(fold(name).split())
        city[col['names']] = ';'.join(f'{lang}=' + '|'.join(names) for lang, names in groups)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(['\t'.join(header)] + ['\t'.join(c) for c in rows]) + '\n')
    added_words = world_table.add_common_words(WORLD, words)
    print(f"CLDR's exemplar-city names added: {added['fa']} Persian, {added['ru']} Russian; {added_words} common words added",
          file=sys.stderr)


if __name__ == '__main__':
    main()
