#!/usr/bin/env python3
"""Derives worldgeometry/countries50.tsv from Natural Earth 1:50m admin-0 countries (CC0).

Input: the GeoJSON of Natural Earth's countries50 (here /work/shared/data/naturalearth-50m/countries50.geojson,
from Debian's r-cran-rnaturalearthdata 0.1.0). Output, one line per country and per ring:
  C<TAB>iso_a2 (or empty)<TAB>code (iso_a3, else Natural Earth's adm0_a3)<TAB>name
  R<TAB>country number (from 0)<TAB>0 outer, 1 hole<TAB>lon lat lon lat … (5 decimals, about 1 m; ring closed)
Usage: python3 worldgeometry/tools/derive_countries.py countries50.geojson worldgeometry/countries50.tsv
"""
import json
import sys


def main():
    source, out = sys.argv[1], sys.argv[2]
    features = json.load(open(source))["features"]
    features.sort(key=lambda f: f["properties"]["adm0_a3"])
    with open(out, "w") as f:
        f.write("# Natural Earth 1:50m admin-0 countries (public domain, CC0), derived by worldgeometry/tools/derive_countries.py\n")
        for number, feature in enumerate(features):
            p = feature["properties"]
            iso2 = p["iso_a2"] if p["iso_a2"] not in (None, "-99") else ""
            code = p["iso_a3"] if p["iso_a3"] not in (None, "-99") else p["adm0_a3"]
            f.write(f"C\t{iso2}\t{code}\t{p['name']}\n")
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            for polygon in polygons:
                for k, ring in enumerate(polygon):
                    text = " ".join(f"{lon:.5f} {lat:.5f}" for lon, lat in ring)
                    f.write(f"R\t{number}\t{0 if k == 0 else 1}\t{text}\n")


if __name__ == "__main__":
    main()
