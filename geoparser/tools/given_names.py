#!/usr/bin/env python3
"""Writes geoparser/given_names.txt: given names common in some country that are no common word, for the geoparser's
person-name rules ("Sharon Huey", "Francisco Franca", "Bernadett Szabo": a given name, then a surname).

Source: nam_dict.txt of PyPI gender-guesser 0.4.0 (Jörg Michael's first-name dictionary, about 48,000 names with their
frequency in 54 countries). A name is kept when:
- its frequency reaches 5 in at least one country (the dictionary's scale doubles at each step; 10 is 2 % of people), so
  that rare names that are mostly places ('Jordan' 1, 'Houston' 1, 'Paris' 3) stay out;
- it is written in ASCII letters (with a hyphen), three letters or more;
- it is no lowercase word of English (Debian's wamerican) or Indonesian (hunspell-id, its roots): 'ray', 'rose', 'will',
  'may', 'mark', 'putri' name things as often as people.
The curated names of Sources/Geoparser/PersonNames.swift come first; this list widens them.

Run: pip install gender-guesser==0.4.0; apt-get install wamerican hunspell-id; python3 geoparser/tools/given_names.py
"""
import os
import re
import sys

import gender_guesser

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'given_names.txt')
MIN_FREQUENCY = 5
NAME = re.compile(r'^[A-Z][a-z]+(-[A-Z][a-z]+)?$')


def frequencies(line):
    """The country frequencies of a nam_dict.txt line (hexadecimal digits from column 30), as integers."""
    return [int(c, 16) for c in line[30:85] if c in '0123456789ABCDEFabcdef']


def words(path, encoding='utf-8'):
    """The lowercase words of a word list (hunspell: the root before '/'; the count line skipped)."""
    with open(path, encoding=encoding, errors='replace') as f:
        return {w for w in (line.split('/')[0].strip() for line in f) if w and w == w.lower()}


def main():
    source = os.path.join(os.path.dirname(gender_guesser.__file__), 'data', 'nam_dict.txt')
    common = words('/usr/share/dict/american-english') | words('/usr/share/hunspell/id_ID.dic')
    names = set()
    with open(source, encoding='iso-8859-1') as f:
        for line in f:
            if line.startswith('#') or len(line) < 31:
                continue
            name = line[3:29].strip()
            if NAME.match(name) and len(name) >= 3 and name.lower() not in common and max(frequencies(line), default=0) >= MIN_FREQUENCY:
                names.add(name.lower())
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(sorted(names)) + '\n')
    print(f'{len(names)} given names written to {os.path.relpath(OUT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
