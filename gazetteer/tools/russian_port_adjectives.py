#!/usr/bin/env python3
"""Write gazetteer/world/port_adjectives.tsv: the Russian names of ports by their town's adjective ('Клайпедский порт',
'Ростовский порт', 'Новороссийский морской порт'), as Russian news names them ("у причалов Клайпедского порта").

For each port of ports.tsv (searoute's ports, each in its GeoNames town) whose Russian name is 'порт X' (X the town; for
'Ростов-на-Дону' its first part), the adjective is derived by the regular patterns of Russian place adjectives, each tried
in turn: 'Клайпеда' → 'клайпедский', 'Мариуполь' → 'мариупольский', 'Мурманск' → 'мурманский', 'Ростов' → 'ростовский',
'Находка' → 'находкинский', 'Туапсе' → 'туапсинский', 'Усть-Луга' → 'усть-лужский', 'Одесса' → 'одесский'. A candidate is
kept only when Russian text writes its genitive ('клайпедского'): a Zipf frequency of 1.5 or more in wordfreq's Russian,
and no more than 0.5 above the town's own name, so that an adjective with a sense of its own is left out ('балтийского',
Baltic, is not Baltiysk's; 'приморского', coastal, not Primorsk's). The first kept candidate is the adjective; the names
added are 'Xский порт' and 'Xский морской порт', capitalised and in lowercase (the geoparser finds their case forms:
'Клайпедского порта', 'ростовского порта').
A town named as its country ('Тунис') is left out, as its adjective is the country's. An adjective that a larger town of cities.tsv would make from its Russian name is left to that town ('курский' is Kursk's, not
Kourou's), and a town of more than one word but for 'X-на-Y' and 'Усть-X' is left out. A town with two ports gives the
adjective to the first in ports.tsv. Ports curated in gazetteer/places
(by UN/LOCODE) are left out: their records carry their own names.

Run: pip install wordfreq; python3 gazetteer/tools/russian_port_adjectives.py
"""
import glob, json, os, re, sys
import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
MIN_ZIPF, MAX_ABOVE_TOWN = 1.5, 0.5
# Adjectives the patterns make for a port's town that Russian uses for something else: a word of its own ('райский',
# heavenly, for Rye; 'папский', papal, for Papa; 'барский', lordly, for Bari, whose adjective is 'барийский'; 'мирский',
# worldly, for Miri) or another place's ('баскский', Basque, for Basco; 'усинский', Usinsk's, for Wuxi; 'кемский', Kem's,
# for Kemi; 'ординский' for Ordu; 'оранский', of Orange, for Oran). Checked by hand against Russian Wikipedia.
NOT_THE_PORTS = {'райский', 'папский', 'барский', 'мирский', 'баскский', 'усинский', 'кемский', 'ординский', 'оранский'}


def candidates(town):
    """Adjectives (masculine nominative, lowercase) that the town's name may make, most regular first."""
    s = town.lower().split('-на-')[0]
    out = []
    if s.endswith('ск'):
        out.append(s[:-2] + 'ский')
    if s.endswith('га'):
        out.append(s[:-2] + 'жский')
    if s[-1:] in ('а', 'я'):
        stem = s[:-1]
        out += [stem + ('кий' if stem.endswith('с') else 'ский'), stem + 'инский', stem + 'ьский']
    elif s.endswith('ь'):
        out += [s + 'ский', s[:-1] + 'ский']
    elif s[-1:] in ('е', 'и', 'у', 'о', 'ы'):
        out += [s[:-1] + 'инский', s + 'нский', s[:-1] + 'ский']
    else:
        out.append(s + 'ский')
    return list(dict.fromkeys(out))


def main():
    curated = set()
    for path in glob.glob(os.path.join(HERE, '../places/*.json')):
        locode = json.load(open(path, encoding='utf-8')).get('links', {}).get('unlocode')
        if locode:
            curated.add(locode)
    # The largest town whose Russian name makes each adjective.
    maker = {}
    city_lines = open(os.path.join(WORLD, 'cities.tsv'), encoding='utf-8').read().splitlines()
    city_header = city_lines[0].split('\t')
    for line in city_lines[1:]:
        city = dict(zip(city_header, line.split('\t')))
        for group in city['names'].split(';'):
            if group.startswith('ru='):
                for name in group[3:].split('|'):
                    for adjective in candidates(name):
                        if adjective not in maker or int(maker[adjective][1] or 0) < int(city['population'] or 0):
                            maker[adjective] = (city['id'], city['population'])
    # Countries' Russian names: a town named as its country ('Тунис', 'Алжир', 'Кувейт') makes the country's adjective too,
    # and 'тунисский порт' is then any Tunisian port ("в тунисский порт Сфакс").
    country_names = set()
    for line in open(os.path.join(WORLD, 'countries.tsv'), encoding='utf-8').read().splitlines()[1:]:
        for group in line.split('\t')[6].split(';'):
            if group.startswith('ru='):
                country_names.update(n.lower() for n in group[3:].split('|'))
    lines = open(os.path.join(WORLD, 'ports.tsv'), encoding='utf-8').read().splitlines()
    header = lines[0].split('\t')
    rows, named = [], set()
    for line in lines[1:]:
        row = dict(zip(header, line.split('\t')))
        if row['unlocode'] in curated:
            continue
        russian = [n for g in row['names'].split(';') if g.startswith('ru=') for n in g[3:].split('|')]
        towns = [m.group(1) for n in russian for m in [re.fullmatch(r'порт ([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)', n)] if m]
        if not towns:
            continue
        town = towns[0]
        if town.lower() in country_names:
            continue
        if '-' in town and not re.fullmatch(r'[А-ЯЁ][а-яё]+-на-[А-ЯЁ][а-яё]+|Усть-[А-ЯЁ][а-яё]+', town):
            continue
        town_zipf = wordfreq.zipf_frequency(town.split('-на-')[0].lower(), 'ru')
        for adjective in candidates(town):
            genitive = adjective[:-2] + 'ого'
            zipf = wordfreq.zipf_frequency(genitive, 'ru')
            if zipf >= MIN_ZIPF and zipf <= town_zipf + MAX_ABOVE_TOWN:
                if adjective in NOT_THE_PORTS or adjective in maker and maker[adjective][0] != row['town']:
                    break  # a word of its own, or a larger town's adjective
                title = '-'.join(part[0].upper() + part[1:] for part in adjective.split('-'))
                # Capitalised as a port's proper name ('Новороссийский морской торговый порт'), in lowercase as running text writes it.
                names = f'ru={title} порт|{title} морской порт|{adjective} порт|{adjective} морской порт'
                if (title, row['country']) in named:
                    break  # a town's second port (ports.tsv's order): the adjective stays with its first
                named.add((title, row['country']))
                rows.append([row['id'], names, f"derived: the adjective of '{town}' ('{genitive}': Zipf {zipf:.2f} in wordfreq's Russian, "
                                             f"the town {town_zipf:.2f}), by gazetteer/tools/russian_port_adjectives.py"])
                break
    with open(os.path.join(WORLD, 'port_adjectives.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tnames\tsource\n')
        for r in sorted(rows):
            f.write('\t'.join(r) + '\n')
    print(f'port adjectives: {len(rows)}', file=sys.stderr)


if __name__ == '__main__':
    main()
