#!/usr/bin/env python3
"""Adds CLDR's everyday country names in en, id, ru and fa to gazetteer/world/countries.tsv.

iso-codes gives official forms and GeoNames' catalogue misses some languages' everyday ones: the Persian
'ترینیداد و توباگو' (iso-codes writes 'تُباگو'), 'بریتانیا', 'اسواتینی'. CLDR (Unicode CLDR 47 via PyPI babel
2.18.0, Unicode licence) names every territory as its locale's users write it. A CLDR name is added
where the row does not already have it (compared after case folding); forms that are labels rather
than names ('Congo - Kinshasa', 'Hong Kong SAR China', 'Myanmar (Burma)', 'о-ва Кука') are left out.

Run: pip install babel==2.18.0; python3 gazetteer/tools/cldr_country_names.py   (after build_world.py)
"""
import csv
import os
import re

from babel import Locale

import world_table


HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, '../world/countries.tsv')
LANGUAGES = ['en', 'id', 'ru', 'fa']
LABEL = re.compile(r' - |[(),،]|\bSAR\b|\bDAK\b|о-ва|منطقهٔ ویژه')
SOURCE = '; CLDR 47 everyday names (PyPI babel 2.18.0, Unicode licence) by gazetteer/tools/cldr_country_names.py'


def main():
    header, body = world_table.read(PATH)
    cc_at, names_at, source_at = header.index('iso2'), header.index('names'), header.index('source')
    locales = {lang: Locale.parse(lang).territories for lang in LANGUAGES}
    added = 0
    for row in body:
        names = [part.split('=', 1) for part in row[names_at].split(';') if part]
        by_language = {lang: forms.split('|') for lang, forms in names}
        order = [lang for lang, _ in names]
        for lang in LANGUAGES:
            name = locales[lang].get(row[cc_at])
            if not name or LABEL.search(name):
                continue
            have = by_language.setdefault(lang, [])
            if lang not in order:
                order.insert(LANGUAGES.index(lang) if LANGUAGES.index(lang) <= len(order) else len(order), lang)
            if name.casefold() not in (n.casefold() for n in have):
                have.append(name)
                added += 1
        row[names_at] = ';'.join(f'{lang}=' + '|'.join(by_language[lang]) for lang in order if by_language[lang])
        if SOURCE not in row[source_at]:
            row[source_at] += SOURCE
    with open(PATH, 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, delimiter='\t', lineterminator='\n')
        writer.writerows([header] + body)
    print(f'{added} CLDR names added to {len(body)} countries')


if __name__ == '__main__':
    main()
