"""Reading the world's tab-separated tables (gazetteer/world/*.tsv), for the tools that add to them."""
import csv, glob, os, sys


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
    from build_world import common_words
    path = os.path.join(world, 'common_words.tsv')
    with open(path, encoding='utf-8') as f:
        head, *rows = f.read().splitlines()
    known = {r.split('\t')[0] for r in rows}
    new_rows = ['\t'.join(r) for r in common_words(words - known)]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join([head] + sorted(rows + new_rows)) + '\n')
    return len(new_rows)


def refresh_common_words(world):
    """Adds to `world`/common_words.tsv every name word of the world's tables and the curated records that is a common word and
    not listed yet, where a tool added names without their words' rows (Indonesian "baik", "buatan"); returns how many rows were added."""
    from build_world import fold, name_words
    words = name_words([])
    for table in glob.glob(os.path.join(world, '*.tsv')):
        columns, table_rows = read(table)
        for column in [c for c in ('name', 'names') if c in columns]:
            i = columns.index(column)
            for table_row in table_rows:
                for group in table_row[i].split(';'):
                    for name in group.rpartition('=')[2].split('|'):
                        words.update(fold(name).split())
    return add_common_words(world, words)


if __name__ == '__main__':
    if sys.argv[1:] != ['refresh-common-words']:
        sys.exit('usage: world_table.py refresh-common-words   (adds the name words gazetteer/world/common_words.tsv lacks)')
    print(f'common_words.tsv: {refresh_common_words(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../world"))} rows added')
