#!/usr/bin/env python3
"""Adds to gazetteer/world/cities.tsv the Persian name a town has without its region: 'فینیکس' of 'فینیکس، آریزونا'.

libgeonames-common's Persian catalogue names 2,780 towns the way Persian Wikipedia titles them, town and
region or country after a Persian comma ('گالوستون، تگزاس', Galveston, Texas; 'کانو، نیجریه'); Persian news
writes the town alone ('بندر گالوستون'). For each such name, the part before the comma is added to the
town's Persian names unless the row has it or another town has it as a Persian or Arabic-script name (the
comma is Wikipedia's way to tell homonyms apart: 'والنسیا، ونزوئلا' beside Spain's 'والنسیا'); the words of the new names that are common words are added
to common_words.tsv as build_world.py finds them (Persian has no case: its word list also holds names).

Run: python3 gazetteer/tools/persian_town_names.py   (after build_world.py; it rewrites cities.tsv)
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import world_table  # noqa: E402
from build_world import fold  # noqa: E402

WORLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../world')
COMMA = '،'


def short_forms(names, taken):
    """The Persian names with each 'town، region' name's town added after it, once, unless another place has it."""
    out = []
    for name in names:
        out.append(name)
        head = name.split(COMMA, 1)[0].strip()
        if COMMA in name and head and head not in out and head not in names and fold(head) not in taken:
            out.append(head)
    return out


def persian_names(lines, at):
    """How many places of cities.tsv have each folded Persian name."""
    counts = {}
    for line in lines:
        for group in line.split('\t')[at].split(';'):
            lang, _, names = group.partition('=')
            if lang in ('fa', 'arab'):
                for name in set(fold(n) for n in names.split('|')):
                    counts[name] = counts.get(name, 0) + 1
    return counts


def main():
    path = os.path.join(WORLD, 'cities.tsv')
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    header = lines[0].split('\t')
    at = header.index('names')
    added, words = 0, set()
    taken = persian_names(lines[1:], at)
    for i, line in enumerate(lines[1:], 1):
        if COMMA not in line:
            continue
        cols = line.split('\t')
        groups = []
        for group in cols[at].split(';'):
            lang, _, names = group.partition('=')
            if lang == 'fa' and COMMA in names:
                old = names.split('|')
                new = short_forms(old, taken)
                added += len(new) - len(old)
                words |= {w for n in set(new) - set(old) for w in fold(n).split()}
                names = '|'.join(new)
            groups.append(f'{lang}={names}')
        cols[at] = ';'.join(groups)
        lines[i] = '\t'.join(cols)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    added_words = world_table.add_common_words(WORLD, words)
    print(f'{added} Persian town names added; {added_words} common words added', file=sys.stderr)


if __name__ == '__main__':
    main()
