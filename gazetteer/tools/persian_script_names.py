#!/usr/bin/env python3
"""Gives Iran's towns the Persian names GeoNames' offline copy lacks or writes in Latin letters, and 'بندر X' glued.

libgeonames-common's Persian catalogue has no name for most of Iran's towns, and for 25 it gives a Latin
transliteration under fa ('Ţabas' for Tabas, 'Eşfehān', 'Shīrāz'), so Persian news' 'طبس' met only
GeoNames' alternate names in Arabic script, which count only where a document names a place near them. For
a town of Iran (GeoNames cities1000, kind city: 15,000 people or more), this tool adds as Persian its
Arabic-script alternate names written in Persian letters (Arabic ي and ك written as Persian ی and ک; no ة, no
Urdu, Kurdish or Pashto letters, no vowel marks: 'طبس', 'ایرانشهر', not 'شہرستان طبس') that its Persian names
lack, when no Persian name it has is one Persian text uses (a Zipf frequency under 2.0 in wordfreq's Persian:
'چابهار' beside libgeonames' 'تشابهار'; Qom's 'قم' keeps out 'قوم', a people), unless another town of 15,000
people or more, and more than a quarter its size, has that name as a Persian or Arabic-script name (villages
do not count: Zahedan keeps 'زاهدان' though the village Zāhed Shahr has it too, Khash 'خاش' beside Afghanistan's
Khash of 15,000; the geoparser prefers the larger town), and not a name as common as a Persian word (Zipf 4.0
or more) for a town under 40,000 people ('مهاجران', migrants; 'دیر', late; 'ایوان', Ivan); a Latin fa name is
moved to latn.
A Persian town name that opens with 'بندر ' (port: 'بندر عباس') is also added written together, as Persian
news often writes it ('بندرعباس'), and a glued one ('بندرخمیر') also apart, unless another town has that form.
The words of the new names that are common words are added to common_words.tsv as build_world.py finds them.

Run: pip install wordfreq; python3 gazetteer/tools/persian_script_names.py   (after persian_town_names.py; it rewrites cities.tsv)
"""
import os
import re
import sys

import wordfreq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import world_table  # noqa: E402
from build_world import fold  # noqa: E402
from persian_town_names import persian_names  # noqa: E402

WORLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../world')
# Persian letters (alef forms, the 32 letters with Persian kaf and yeh, چ and ژ, hamza forms) and the zero-width non-joiner.
PERSIAN = re.compile('^[\u0621-\u0626\u0627\u0628\u067e\u062a-\u063a\u0686\u0698\u0641\u0642\u06a9\u06af\u0644-\u0648\u06cc \u200c]+$')
# Arabic yeh (and alef maksura) and kaf, as Persian writes them.
TO_PERSIAN = str.maketrans({'\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9'})
ARABIC_SCRIPT = re.compile('[\u0600-\u06ff]')
PORT = 'بندر'


def glued_forms(name):
    """'بندر عباس' → 'بندرعباس' and 'بندرخمیر' → 'بندر خمیر'; nothing for other names."""
    if name.startswith(PORT + ' ') and len(name) > len(PORT) + 2:
        return [PORT + name[len(PORT) + 1:]]
    if name.startswith(PORT) and len(name) > len(PORT) + 2 and name[len(PORT)] not in ' \u200c':
        return [PORT + ' ' + name[len(PORT):]]
    return []


def town_sizes(rows, at, kind_at, population_at):
    """The populations of the towns (kind city) that have each folded Persian or Arabic-script name."""
    sizes = {}
    for cols in rows:
        if cols[kind_at] != 'city':
            continue
        for group in cols[at].split(';'):
            lang, _, value = group.partition('=')
            if lang in ('fa', 'arab'):
                for name in {fold(n.translate(TO_PERSIAN)) for n in value.split('|')}:
                    sizes.setdefault(name, []).append(int(cols[population_at] or 0))
    return sizes


def main():
    path = os.path.join(WORLD, 'cities.tsv')
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    header = lines[0].split('\t')
    at, country_at, kind_at, population_at = header.index('names'), header.index('country'), header.index('kind'), header.index('population')
    rows = [line.split('\t') for line in lines[1:]]
    taken = persian_names(lines[1:], at)
    sizes = town_sizes(rows, at, kind_at, population_at)
    promoted, glued, words = 0, 0, set()
    for cols in rows:
        groups = [g.partition('=') for g in cols[at].split(';') if g]
        names = {lang: value.split('|') for lang, _, value in groups}
        order = [lang for lang, _, _ in groups]
        persian = [n for n in names.get('fa', []) if ARABIC_SCRIPT.search(n)]
        new = []
        if cols[country_at] == 'IR' and cols[kind_at] == 'city':
            latin = [n for n in names.get('fa', []) if not ARABIC_SCRIPT.search(n)]
            if latin:
                names['latn'] = names.get('latn', []) + [n for n in latin if n not in names.get('latn', [])]
                if 'latn' not in order:
                    order.append('latn')
            have = {fold(n) for n in persian}
            used = any(wordfreq.zipf_frequency(n, 'fa') >= 2.0 for n in persian)
            population = int(cols[population_at] or 0)
            for name in (n.translate(TO_PERSIAN) for n in names.get('arab', []) if not used):
                common = population < 40_000 and wordfreq.zipf_frequency(name, 'fa') >= 4.0
                rivals = sorted(sizes.get(fold(name), []), reverse=True)
                largest = rivals[:1] == [population] and (len(rivals) < 2 or rivals[1] * 4 < population)
                if PERSIAN.match(name) and largest and fold(name) not in have and not common:
                    new.append(name)
                    have.add(fold(name))
            promoted += len(new)
        own = {fold(n) for lang in ('fa', 'arab') for n in names.get(lang, [])}
        for name in persian + new:
            for form in glued_forms(name):
                if form not in persian + new and taken.get(fold(form), 0) == (1 if fold(form) in own else 0):
                    new.append(form)
                    glued += 1
        if not new:
            continue
        names['fa'] = persian + [n for n in new if n not in persian]
        if 'fa' not in order:
            order.insert(min(1, len(order)), 'fa')
        words |= {w for n in new for w in fold(n).split()}
        cols[at] = ';'.join(f'{lang}=' + '|'.join(names[lang]) for lang in order if names.get(lang))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join([lines[0]] + ['\t'.join(c) for c in rows]) + '\n')
    added_words = world_table.add_common_words(WORLD, words)
    print(f'{promoted} Persian names of Iranian towns from their Arabic-script names; {glued} glued or unglued بندر forms; '
          f'{added_words} common words added', file=sys.stderr)


if __name__ == '__main__':
    main()
