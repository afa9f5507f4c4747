#!/usr/bin/env python3
"""Adds to common_words.tsv the Russian words of text that meet a Cyrillic name word only through the
geoparser's stemming: 'как' stems to 'как', as the village name 'Кака' does; 'тем' meets 'Тема' (Tema,
Ghana), 'речь' 'Речь' (Recz, Poland). common_words.tsv keys the words of names; the geoparser looks up the
word as the text writes it, so without these rows 'Как' at a sentence's start counted as a rare word.

For each of the 100,000 commonest Russian words of PyPI wordfreq (3.1.1) whose stem (the rules of
Sources/Gazetteer/RussianStemmer.swift) is the stem of a Cyrillic name word in gazetteer/world/*.tsv or
gazetteer/places/*.json, and which is not yet a row, a row is added with the word's Zipf frequencies in
en, id, ru and fa (blank below 2.0), as build_world.py writes them. Data: wordfreq CC BY-SA 4.0.

Run: python3 gazetteer/tools/add_russian_forms.py   (after build_world.py; it rewrites common_words.tsv)
"""
import json
import os
import re
import sys

import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
LANGUAGES = ['en', 'id', 'ru', 'fa']
ENDINGS = ['ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими',
           'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ую', 'юю', 'ая', 'яя', 'ое', 'ые', 'ие', 'ый', 'ий', 'ых', 'их', 'ым', 'им',
           'ью', 'ов', 'ев',
           'ы', 'и', 'а', 'я', 'е', 'у', 'ю', 'о', 'ь', 'й']
CYRILLIC_WORD = re.compile(r'[\u0400-\u04ff]+')


def fold(word):
    return word.lower().replace('ё', 'е')


def stem(word):
    for ending in ENDINGS:
        if len(word) - len(ending) >= 3 and word.endswith(ending):
            return word[:-len(ending)]
    return word


def name_stems():
    stems = set()
    for file in os.listdir(WORLD):
        if file.endswith('.tsv') and file != 'common_words.tsv':
            with open(os.path.join(WORLD, file), encoding='utf-8') as f:
                for word in CYRILLIC_WORD.findall(f.read()):
                    stems.add(stem(fold(word)))
    places = os.path.join(HERE, '../places')
    for file in os.listdir(places):
        record = json.load(open(os.path.join(places, file), encoding='utf-8'))
        for name in [record['name']] + [n for names in record['names'].values() for n in names]:
            for word in CYRILLIC_WORD.findall(name):
                stems.add(stem(fold(word)))
    return stems


def main():
    path = os.path.join(WORLD, 'common_words.tsv')
    with open(path, encoding='utf-8') as f:
        header, *rows = [line.rstrip('\n').split('\t') for line in f]
    known = {row[0] for row in rows}
    stems = name_stems()
    added = 0
    for word in wordfreq.top_n_list('ru', 100000):
        word = fold(word)
        if word in known or not CYRILLIC_WORD.fullmatch(word) or len(word) < 2 or stem(word) not in stems:
            continue
        frequencies = [wordfreq.zipf_frequency(word, lang) for lang in LANGUAGES]
        if max(frequencies) < 2.0:
            continue
        rows.append([word] + [f'{z:.2f}' if z >= 2.0 else '' for z in frequencies])
        known.add(word)
        added += 1
    rows.sort(key=lambda row: row[0])
    with open(path, 'w', encoding='utf-8') as f:
        for row in [header] + rows:
            f.write('\t'.join(row) + '\n')
    print(f'{added} Russian text forms added; {len(rows)} rows', file=sys.stderr)


if __name__ == '__main__':
    main()
