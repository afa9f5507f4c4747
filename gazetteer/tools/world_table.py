"""Reading the world's tab-separated tables (gazetteer/world/*.tsv), for the tools that add to them."""
import csv


def read(path):
    """The table at `path`: its header and its rows, each a list of fields."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter='\t'))
    return rows[0], rows[1:]
