#!/usr/bin/env python3
"""Write gazetteer/world/airports.tsv: airports known by a name of their own ("Schiphol", "Tan Son Nhat").

Reports on smuggling name airports by their own names ("arrested at Schiphol", "Bandara Soekarno-Hatta",
"Tan Son Nhat International Airport"), which no town of GeoNames' cities1000 carries. An airport named
after its town ("Kabul International Airport") is left out: its town already stands for it. This script
takes every airport with an IATA code in PyPI airportsdata (MIT; 7,884 of its 28,298 airfields) whose
name, once its town's words and the airport words (Airport, International, Aeropuerto…) are left
out, keeps a name of its own (the core: "Schiphol", "Tan Son Nhat", "Indira Gandhi"), and writes:

  names    en: the airport's name ("Amsterdam Airport Schiphol"), '<core> Airport' and '<core>
           International Airport'; the core alone where it is one word ("Schiphol", "Soekarno-Hatta"; not
           "Tan Son Nhat" nor "Jomo Kenyatta", mostly people) and names nothing else: not a person (a word
           of it a given name of geoparser/given_names.txt, a title or an initial: "Hamid Karzai"),
           not a common word (wordfreq Zipf 3.0 or more in en, id, ru or fa), not under four letters,
           not the name of a place of the world tables, not the core of another airport; id: 'Bandara
           <core>' and 'Bandara Internasional <core>'
  point    the airport's (airportsdata's latitude and longitude); kind facility, in its country
  words    the words of these names that are common words join common_words.tsv, as build_world.py finds them

Run: pip download --no-deps airportsdata==20260905 && unzip airportsdata-*.whl -d airportsdata
     pip install wordfreq==3.1.1
     python3 gazetteer/tools/airports.py airportsdata/airportsdata/airports.csv
"""
import collections, csv, os, re, sys, unicodedata
import wordfreq
import world_table
from subdivisions import plain, taken_names

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.path.join(HERE, '../world')
AIRPORTS = sys.argv[1]
AIRPORT_WORDS = {'airport', 'international', 'intl', 'regional', 'domestic', 'airfield', 'aerodrome', 'field', 'air', 'base',
                 'aeropuerto', 'aeroporto', 'aéroport', 'aeroport', 'flughafen', 'lufthavn', 'havalimanı', 'airstrip', 'municipal',
                 'county', 'national', 'de', 'del', 'da', 'do', 'of', 'the', 'and', 'city', 'new', 'old', 'civil', 'terminal', 'heliport'}
TITLES = {'imam', 'king', 'queen', 'prince', 'princess', 'president', 'sheikh', 'shaikh', 'sultan', 'emir', 'general', 'ayatollah',
          'shah', 'hazrat', 'shahid', 'marshal', 'sir', 'saint', 'st', 'san', 'santa', 'dr', 'mohammed', 'muhammad'}
LANGUAGES = ['en', 'id', 'ru', 'fa']


def words(text):
    return [w for w in re.split(r"[^\w'’-]+", text) if w]


def core(name, city):
    """The airport's own name: its words without its town's and the airport words ("Amsterdam Airport Schiphol" → "Schiphol")."""
    town = {plain(w) for w in words(city)}
    kept = [w for w in words(name) if plain(w) not in town and plain(w) not in AIRPORT_WORDS]
    return ' '.join(kept)


def main():
    given = {line.strip() for line in open(os.path.join(HERE, '../../geoparser/given_names.txt'), encoding='utf-8') if line.strip()}
    taken = taken_names()
    airports = [a for a in csv.DictReader(open(AIRPORTS, encoding='utf-8')) if a['iata'] and a['lat'] and a['lon']]
    cores = {a['iata']: core(a['name'], a['city']) for a in airports}
    counts = collections.Counter(plain(c) for c in cores.values() if c)
    rows, alone, person = [], 0, 0
    for a in airports:
        c = cores[a['iata']]
        if len(c) < 4 or plain(c) in taken:
            continue
        parts = plain(c).split()
        is_person = any(w in given or w in TITLES or len(w) == 1 for w in parts)
        names = [a['name'], f'{c} Airport', f'{c} International Airport']
        if not is_person and ' ' not in c and counts[plain(c)] == 1 and not any(wordfreq.zipf_frequency(c.lower(), l) >= 3.0 for l in LANGUAGES):
            names.append(c)
            alone += 1
        person += is_person
        field = 'en=' + '|'.join(dict.fromkeys(names)) + f';id=Bandara {c}|Bandara Internasional {c}'
        slug = re.sub(r'[^a-z0-9]+', '-', ''.join(ch for ch in unicodedata.normalize('NFKD', c.lower()) if not unicodedata.combining(ch))).strip('-')
        rows.append([f"{slug}-airport-{a['iata'].lower()}", a['country'], 'facility', a['name'], f"{float(a['lat']):.5f}", f"{float(a['lon']):.5f}",
                     '', '', field, f"airportsdata (MIT), IATA {a['iata']}, ICAO {a['icao']}", '',
                     "airportsdata's name; '<core> Airport', the core alone and the Indonesian 'Bandara <core>' by gazetteer/tools/airports.py"])
    world_table.write_areas(os.path.join(WORLD, 'airports.tsv'), sorted(rows))
    added = world_table.add_common_words(WORLD, {w for r in rows for n in r[8].replace(';', '|').replace('en=', '').replace('id=', '').split('|')
                                                 for w in plain(n).split() if len(w) >= 3})
    print(f"airports: {len(rows)} of {len(airports)} with an IATA code have a name of their own; {alone} also by it alone, "
          f"{person} named after a person (only with 'Airport')", file=sys.stderr)


if __name__ == '__main__':
    main()
