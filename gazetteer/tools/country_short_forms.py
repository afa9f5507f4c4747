#!/usr/bin/env python3
"""Adds the English short forms news writes for countries to gazetteer/world/countries.tsv.

Two systematic sources, each checked for every country:
- the `altSpellings` of PyPI countryinfo 1.0.1 (data from mledoze/countries, ODbL 1.0; package MIT): "DRC",
  "Congo-Kinshasa", "Congo-Brazzaville", "East Timor", "Republic of Ireland". Only English forms are kept: ASCII
  words, and either an abbreviation of three or more capitals that is not the ISO alpha-3 code ("DRC", "RSA"; 'COD',
  'CAN' are ISO codes and English words), a form made of the words of the country's English names (less a state's
  designation before them, 'Republic of …', and a few English words: 'East Timor', 'Holy See'), or the country and
  its capital ('Congo-Kinshasa'); one word that is no abbreviation is a demonym or a language ('Togolese', 'Lao')
  and is left out. Native and romanised names ('Prathet', 'Thai', 'Republiken Finland', 'Togolese'),
  labels with commas and parts of another country's name ('Republic of China') are left out.
- English names with "of the" also without "the", as news writes them: 'Democratic Republic of the Congo' →
  'Democratic Republic of Congo' (whose 'Republic of Congo' otherwise matched the other Congo).
A form is added where the row does not already have it (compared after case folding) and the hand-kept
short_names.tsv does not give it already ('UAE').

Run: pip install countryinfo==1.0.1; python3 gazetteer/tools/country_short_forms.py   (after cldr_country_names.py)
"""
import csv
import glob
import json
import os
import re

import countryinfo

import world_table


HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, '../world/countries.tsv')
DATA = os.path.join(os.path.dirname(countryinfo.__file__), 'data')
DESIGNATIONS = ('Republic of ', 'State of ', 'Kingdom of ', 'Federation of ', 'Commonwealth of ', 'Democratic Republic of ',
                'Socialist Republic of ', 'Islamic Republic of ', 'Federal Republic of ')
# Words an English form may add to the country's own: 'East Timor', 'Great Britain', 'Holy See', 'The Netherlands'.
ENGLISH_WORDS = {'the', 'of', 'and', 'east', 'west', 'north', 'south', 'great', 'holy', 'see', 'islands', 'island'}
SOURCE = ('; English short forms: PyPI countryinfo 1.0.1 altSpellings (mledoze/countries, ODbL 1.0) and names without '
          "'the' after 'of', by gazetteer/tools/country_short_forms.py")


def english_forms(spellings, alpha3, english_names):
    """The alternative spellings that are English forms of the country's name."""
    words = {w.casefold() for name in english_names for w in re.findall(r"[A-Za-z']+", name)} | ENGLISH_WORDS
    kept = []
    for form in spellings:
        form = form.strip()
        if not form or ',' in form or not form.isascii() or form == alpha3:
            continue
        rest = form[len(next((d for d in DESIGNATIONS if form.startswith(d)), '')):]
        if re.fullmatch(r'[A-Z]{3,5}', form) or ' ' in form and all(w.casefold() in words for w in re.findall(r"[A-Za-z']+", rest)):
            kept.append(form)
        elif re.fullmatch(r'([A-Za-z]+)-[A-Z][a-z]+', form) and form.split('-')[0].casefold() in words:
            kept.append(form)  # the country and its capital: "Congo-Kinshasa"
    return kept


def main():
    header, body = world_table.read(PATH)
    cc_at, names_at, source_at = header.index('iso2'), header.index('names'), header.index('source')
    spellings = {}
    for path in glob.glob(os.path.join(DATA, '*.json')):
        with open(path, encoding='utf-8') as f:
            record = json.load(f)
        iso = record.get('ISO') or {}
        if iso.get('alpha2'):
            spellings[iso['alpha2']] = (record.get('altSpellings') or [], iso.get('alpha3'))
    with open(os.path.join(HERE, '../world/short_names.tsv'), encoding='utf-8') as f:
        curated = {n.casefold() for line in f for group in line.split('\t')[1].split(';') if '=' in group
                   for n in group.split('=', 1)[1].split('|')}
    english_of = {row[cc_at]: ' | '.join(n.casefold() for part in row[names_at].split(';') if part.startswith('en=')
                                         for n in part[3:].split('|')) for row in body}
    added = 0
    for row in body:
        names = [part.split('=', 1) for part in row[names_at].split(';') if part]
        by_language = {lang: forms.split('|') for lang, forms in names}
        order = [lang for lang, _ in names]
        english = by_language.setdefault('en', [])
        if 'en' not in order:
            order.insert(0, 'en')
        alternatives, alpha3 = spellings.get(row[cc_at], ([], None))
        candidates = english_forms(alternatives, alpha3, english + [row[header.index('name')]])
        candidates += [re.sub(r'\bof the ', 'of ', n) for n in english if ' of the ' in n and ',' not in n]
        have = {n.casefold() for lists in by_language.values() for n in lists} | curated
        # Not a part of another country's name ('Republic of China' of "People's Republic of China").
        candidates = [c for c in candidates if not any(c.casefold() in other for cc, other in english_of.items() if cc != row[cc_at])]
        new = []
        for form in candidates:
            if form.casefold() not in have:
                have.add(form.casefold())
                new.append(form)
        if not new:
            continue
        english.extend(new)
        added += len(new)
        row[names_at] = ';'.join(f'{lang}=' + '|'.join(by_language[lang]) for lang in order if by_language[lang])
        if SOURCE not in row[source_at]:
            row[source_at] += SOURCE
    with open(PATH, 'w', encoding='utf-8', newline='') as f:
        writer = csv.writer(f, delimiter='\t', lineterminator='\n')
        writer.writerows([header] + body)
    print(f'{added} English short forms added to {len(body)} countries')


if __name__ == '__main__':
    main()
