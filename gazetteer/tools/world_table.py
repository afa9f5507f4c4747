"""Reading the world's tab-separated tables (gazetteer/world/*.tsv), for the tools that add to them."""
import csv


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
