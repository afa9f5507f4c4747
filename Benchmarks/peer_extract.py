#!/usr/bin/env python3
"""One peer's extraction of gazetteer names from a corpus, timed by phase: the benchmark's peer side.

Usage: peer_extract.py (pyahocorasick|flashtext) NAMES.txt CORPUS.txt
Prints one JSON line: {"build_s", "search_s", "mb", "matches"}. Matches are case-insensitive and
whole-word, as routemap's are (routemap also applies its case rules and resolves each mention).
"""
import json, sys, time

peer, names_path, corpus_path = sys.argv[1:4]
names = [n for n in open(names_path, encoding='utf-8').read().split('\n') if n]
text = open(corpus_path, encoding='utf-8').read()
t0 = time.perf_counter()
if peer == 'pyahocorasick':
    import ahocorasick
    automaton = ahocorasick.Automaton()
    for n in names:
        automaton.add_word(n.lower(), len(n))
    automaton.make_automaton()
    t1 = time.perf_counter()
    lower = text.lower()
    matches = 0
    for end, length in automaton.iter_long(lower):
        start = end - length + 1
        if (start == 0 or not lower[start - 1].isalnum()) and (end + 1 == len(lower) or not lower[end + 1].isalnum()):
            matches += 1
else:
    from flashtext import KeywordProcessor
    processor = KeywordProcessor(case_sensitive=False)
    for n in names:
        processor.add_keyword(n)
    t1 = time.perf_counter()
    matches = len(processor.extract_keywords(text))
t2 = time.perf_counter()
print(json.dumps({"build_s": t1 - t0, "search_s": t2 - t1, "mb": len(text.encode()) / 1e6, "matches": matches}))
