#!/usr/bin/python3
"""Runs readability-lxml (Debian's python3-readability, a Python port of
arc90's Readability) on every page of the main-text dataset and writes its
article text to OUT/<page>.txt, for
`newsrecon_eval parse --only text --text-from OUT`, which scores it exactly as
it scores newsrecon.

    /usr/bin/python3 tools/compare/readability_lxml.py DATASETS OUT

Evaluation only: `make eval-compare` installs python3-readability with apt.
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document

BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
         "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
         "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}


def text_of(node, parts):
    """Text of an lxml tree, a line break around every block element."""
    tag = node.tag if isinstance(node.tag, str) else ""
    block = tag.lower() in BLOCK
    if block:
        parts.append("\n")
    if node.text and tag:
        parts.append(node.text)
    for child in node:
        text_of(child, parts)
    if block:
        parts.append("\n")
    if node.tail:
        parts.append(node.tail)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: readability_lxml.py DATASETS OUT")
    datasets, out = sys.argv[1:]
    folder = os.path.join(datasets, "html-main-text")
    annotations = os.path.join(folder, "annotations.json")
    if not os.path.exists(annotations):
        print(f"readability_lxml.py: no main-text dataset at {annotations}", file=sys.stderr)
        sys.exit(66)
    os.makedirs(out, exist_ok=True)
    cases = json.load(open(annotations, encoding="utf-8"))["cases"]
    failed = 0
    start = time.monotonic()
    for case in cases:
        name = os.path.basename(case["file"]).split(".")[0] + ".txt"
        text = ""
        try:
            with gzip.open(os.path.join(folder, case["file"])) as f:
                html = f.read()
            summary = Document(html, url=case.get("url")).summary(html_partial=True)
            parts = []
            text_of(lxml.html.fromstring(summary), parts)
            text = "".join(parts)
        except Exception as e:  # one bad page never stops the run
            failed += 1
            print(f"{case['file']}: {e}", file=sys.stderr)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    seconds = time.monotonic() - start
    print(f"readability_lxml.py: {len(cases)} pages, {failed} failed, "
          f"{len(cases) / seconds:.1f} pages/s", file=sys.stderr)


if __name__ == "__main__":
    main()
