"""Reading the world's tab-separated tables (gazetteer/world/*.tsv), for the tools that add to them."""
import csv


# The layout of the tables of places WorldPlaces.addArea reads: areas.tsv, subdivisions.tsv, airports.tsv, islands.tsv.
AREA_COLUMNS = ['id', 'country', 'kind', 'name', 'lat', 'lon', 'bbox', 'parent', 'names', 'coordinate_source', 'bbox_source', 'names_source']


def write_areas(path, rows):
    """Writes `rows` (lists of fields in AREA_COLUMNS' order; None is an empty field) under AREA_COLUMNS' header, in their order."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\t'.join(AREA_COLUMNS) + '\n')
        for row in rows:
            f.write('\t'.join('' if v is None else str(v) for v in row) + '\n')


def read(path):
    """The table at `path`: its header and its rows, each a list of fields."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter='\t'))
    return rows[0], rows[1:]


def add_common_words(world, words):
    """Adds to `world`/common_words.tsv the rows of the folded name words `words` that are common words and not listed yet
    (as build_world.py finds them); returns how many rows were added."""
    import os
    from build_world import common_words
    path = os.path.join(world, 'common_words.tsv')
    with open(path, encoding='utf-8') as f:
        head, *rows = f.read().splitlines()
    known = {r.split('\t')[0] for r in rows}
    new_rows = ['\t'.join(r) for r in common_words(words - known)]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join([head] + sorted(rows + new_rows)) + '\n')
    return len(new_rows)
