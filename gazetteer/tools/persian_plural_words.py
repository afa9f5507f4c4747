#!/usr/bin/env python3
"""Adds to gazetteer/world/common_words.tsv the Persian plurals of common words that name places: 'مهاجران'.

build_world.py counts a Persian name word as a common word when myspell-fa lists it, and myspell-fa lists
singulars ('مهاجر', migrant) without the plurals news writes ('مهاجران', migrants: a village in Iran too). A
Persian or Arabic-script name word of the world's tables ending in the plural suffix -ان or -ها is counted here
when its singular is in myspell-fa and the plural itself has a Zipf frequency of 2.0 or more in wordfreq's
Persian, as build_world.py would count it, and no country, region, town of 100,000 people or more, port or water
has it in a name: 'زاهدان' (Zahedan), 'سودان' (Sudan) and 'قوچان' (Quchan) end in -ان too, and are places first
(Mahajeran, 20,346 people, is not).

Run: pip install wordfreq; python3 gazetteer/tools/persian_plural_words.py   (after persian_script_names.py)
"""
import os
import re
import sys

import wordfreq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_world import DOCUMENT_LANGUAGES, fold  # noqa: E402

WORLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../world')
TABLES = ['cities.tsv', 'regions.tsv', 'countries.tsv', 'areas.tsv', 'ports.tsv', 'waters.tsv', 'short_names.tsv']
SUFFIXES = ('ان', 'ها')


def persian_words():
    """The folded words of the world's Persian and Arabic-script names: of towns under 100,000 people, and of every other place."""
    villages, others = set(), set()
    for table in TABLES:
        with open(os.path.join(WORLD, table), encoding='utf-8') as f:
            for line in f:
                cols = line.split('\t')
                small = table == 'cities.tsv' and cols[6].isdigit() and int(cols[6]) < 100_000
                words = villages if small else others
                for lang, names in re.findall(r'(?:^|[\t;])(fa|arab)=([^;\t]*)', line):
                    for name in names.split('|'):
                        words |= set(fold(name).split())
    return villages, others


def main():
    with open('/usr/share/hunspell/fa_IR.dic', encoding='utf-8', errors='replace') as f:
        singulars = {fold(line.split('/')[0].strip()) for line in f}
    path = os.path.join(WORLD, 'common_words.tsv')
    with open(path, encoding='utf-8') as f:
        head, *rows = f.read().splitlines()
    known = {r.split('\t')[0] for r in rows}
    new = []
    villages, others = persian_words()
    for word in sorted(villages - others - known):
        stem = next((word[:-len(s)] for s in SUFFIXES if word.endswith(s) and len(word) > len(s) + 2), None)
        if stem is None or stem not in singulars or wordfreq.zipf_frequency(word, 'fa') < 2.0:
            continue
        frequencies = [wordfreq.zipf_frequency(word, lang) for lang in DOCUMENT_LANGUAGES]
        new.append('\t'.join([word] + [f'{z:.2f}' if z >= 2.0 else '' for z in frequencies]))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join([head] + sorted(rows + new)) + '\n')
    print(f'{len(new)} Persian plurals added to common_words.tsv: {" ".join(w.split(chr(9))[0] for w in new[:30])}', file=sys.stderr)


if __name__ == '__main__':
    main()
