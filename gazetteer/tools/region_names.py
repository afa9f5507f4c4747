#!/usr/bin/env python3
"""Write gazetteer/world/region_names.tsv: names for the regions of regions.tsv from ISO 3166-2.

Reports name first-level divisions in their own language far more often than a GeoNames admin-1
name gives them: "в Белгородской области", "Запорожская область", "Kursk Oblast". Debian's
iso-codes carries ISO 3166-2 with Russian and Ukrainian translations of the subdivisions of
Russia, Ukraine, Belarus, Kazakhstan and their neighbours. This script links each subdivision to
the region of regions.tsv in the same country whose name it matches, and writes its names:

  ru, uk   the iso-codes translations ("Белгородская область", "Бєлгородська область")
  en       the ISO romanisation ("Belgorodskaja oblast'"), and, for oblasts whose GeoNames name is
           a noun, "<name> Oblast" and "<name> Region", capitalised or not ("Belgorod region")
  id       "Oblast <name>" and "Provinsi <name>" likewise ("Oblast Kursk")

It also names the states of the countries whose first-level divisions ISO 3166-2 calls states and
whose English news writes "<name> State" ("Lagos State", "Kassala State", "Kano State", "Washington
state"): Nigeria, Sudan, South Sudan, Myanmar, India, Malaysia, the United States, Mexico, Venezuela,
Brazil and Australia. A state is linked to the region of regions.tsv in its country with the same
name, diacritics and case folded (no prefix matching), and gets "<name> State" and "<name> state".

Matching folds both names to ASCII (ž→zh, č→ch, j→y after a vowel or at a syllable's start…),
drops the type words (oblast, kraj, respublika, okrug…) and takes the region with the longest
common prefix: at least 60% of the shorter name and 4 letters (all but the last of a 4-letter name:
Sumy, Tula), and no other region of the country as good. Subdivisions that match no region, or two equally, are left out (the script says which).

Run: python3 gazetteer/tools/region_names.py   (needs only Debian's iso-codes, on every machine)
"""
import csv, gettext, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
ISO = '/usr/share/iso-codes/json/iso_3166-2.json'
TRANSLATIONS = ['ru', 'uk']
# The countries whose oblasts Russian- and Ukrainian-language reports name. Elsewhere the translations are
# no surer than GeoNames' own names, some are common Russian words ("Центр"), and the romanisations of
# Azerbaijan's rayons match the wrong neighbour (Xocalı for Xocavənd).
COUNTRIES = {'RU', 'UA', 'BY', 'KZ'}
# The countries whose first-level divisions ISO 3166-2 types 'State' and English writes "<name> State".
STATE_COUNTRIES = {'NG', 'SD', 'SS', 'MM', 'IN', 'MY', 'US', 'MX', 'VE', 'BR', 'AU'}
TYPE_WORDS = {'oblast', 'oblasty', 'oblys', 'oblysy', 'kraj', 'kray', 'krai', 'respublika', 'republic', 'of', 'avtonomnyy', 'avtonomnyj',
              'avtonomnaya', 'avtonomnaja', 'autonomous', 'okrug', 'territory', 'province', 'region', 'misto', 'gorod', 'city', 'the'}


def fold(name):
    """A name as lowercase ASCII letters with type words dropped, transliterations made alike."""
    text = name.lower().replace('ž', 'zh').replace('č', 'ch').replace('š', 'sh').replace('ŝ', 'sh').replace('ǵ', 'g')
    text = ''.join(c for c in unicodedata.normalize('NFKD', text) if not unicodedata.combining(c))
    text = re.sub(r"[’'`ʹʼ]", '', text)
    words = [w for w in re.split(r'[^a-z]+', text) if w and w not in TYPE_WORDS]
    text = re.sub(r'c(?!h)', 'ts', ''.join(words))  # ISO romanises ц as c: Lipeckaja
    for a, b in (('zj', 'zh'), ('tsj', 'ch'), ('sj', 'sh'), ('ja', 'ya'), ('ju', 'yu'), ('je', 'ye'), ('jo', 'yo'), ('ij', 'iy'), ('yj', 'yy'), ('kh', 'h')):
        text = text.replace(a, b)
    return text


def common_prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def is_noun(name):
    """Whether a GeoNames admin-1 name is the place's own name ("Belgorod") rather than an adjective ("Moskovskaya")."""
    return not re.search(r"(skaya|skiy|skij|ska|ka|kaja|ya|'s'ka|ka oblast)$", name.lower()) and ' ' not in name and "'" not in name


def plain(name):
    """A name lowercased, without diacritics or a trailing ' State', for matching a state to its region exactly."""
    text = ''.join(c for c in unicodedata.normalize('NFKD', name.lower()) if not unicodedata.combining(c))
    return re.sub(r'\s+state$', '', text).strip()


def state_rows(subdivisions, by_country):
    """Rows naming each state of STATE_COUNTRIES "<name> State" and "<name> state", on the region of the same name."""
    rows = []
    for sub in subdivisions:
        country = sub['code'].split('-')[0]
        if 'parent' in sub or sub['type'] != 'State' or country not in STATE_COUNTRIES:
            continue
        regions = [r for r in by_country.get(country, []) if plain(r['name']) == plain(sub['name'])]
        if len(regions) != 1 or regions[0]['name'].lower().endswith(' state'):
            continue
        name = regions[0]['name']
        rows.append([regions[0]['id'], country, sub['code'], f'en={name} State|{name} state'])
    return rows


def main():
    with open(os.path.join(WORLD, 'regions.tsv'), encoding='utf-8') as f:
        regions = list(csv.DictReader(f, delimiter='\t'))
    by_country = {}
    for r in regions:
        by_country.setdefault(r['country'], []).append(r)
    subdivisions = json.load(open(ISO, encoding='utf-8'))['3166-2']
    translations = {lang: gettext.translation('iso_3166-2', '/usr/share/locale', languages=[lang]) for lang in TRANSLATIONS}
    rows, unmatched = [], []
    for sub in subdivisions:
        if 'parent' in sub:
            continue  # a second-level division
        country = sub['code'].split('-')[0]
        names = {lang: t.gettext(sub['name']) for lang, t in translations.items() if t.gettext(sub['name']) != sub['name']}
        if country not in COUNTRIES or 'ru' not in names:
            continue
        key = fold(sub['name'])
        scored = sorted(((common_prefix(key, fold(r['name'])), r) for r in by_country.get(country, [])), key=lambda s: -s[0])
        best = [s for s in scored if scored and s[0] == scored[0][0]]
        shorter = min(len(key), len(fold(best[0][1]['name']))) if best else 0
        if not best or len(best) > 1 or best[0][0] < 0.6 * shorter or best[0][0] < min(4, shorter - 1):
            unmatched.append(f"{sub['code']} {sub['name']}")
            continue
        region = best[0][1]
        english = [sub['name']]
        indonesian = []
        if re.search(r'\b(oblast|oblysy)\b', sub['name']) and is_noun(region['name']):
            english += [f"{region['name']} {word}" for word in ("Oblast", "oblast", "Region", "region")]
            indonesian += [f"Oblast {region['name']}", f"Provinsi {region['name']}"]
        tagged = {'en': english, **({'id': indonesian} if indonesian else {}), **{lang: [n] for lang, n in names.items()}}
        share = best[0][0] / min(len(key), len(fold(region['name'])))
        rows.append((share, [region['id'], country, sub['code'], ';'.join(f"{lang}={'|'.join(ns)}" for lang, ns in tagged.items())]))
    # Two subdivisions on one region (RU-MOS Moskovskaja oblast' and RU-MOW Moskva on "Moskovskaya"): the closer
    # match keeps it; when they match it equally, neither is sure.
    best_share = {}
    for share, row in rows:
        best_share.setdefault(row[0], []).append(share)
    clashes = sorted(region for region, shares in best_share.items() if shares.count(max(shares)) > 1)
    rows = sorted(row for share, row in rows if share == max(best_share[row[0]]) and row[0] not in clashes)
    states = state_rows(subdivisions, by_country)
    rows = sorted(rows + states)
    with open(os.path.join(WORLD, 'region_names.tsv'), 'w', encoding='utf-8', newline='') as f:
        f.write('id\tcountry\tiso\tnames\n')
        for row in rows:
            f.write('\t'.join(row) + '\n')
    print(f'region_names.tsv: {len(rows)} regions named ({len(states)} states); {len(unmatched)} subdivisions matched no region, '
          f'{len(clashes)} regions matched two equally ({", ".join(clashes)})', file=sys.stderr)
    for line in unmatched:
        print(f'  unmatched: {line}', file=sys.stderr)


if __name__ == '__main__':
    main()
