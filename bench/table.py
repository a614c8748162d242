"""The benchmark table, made from var/bench.json (never typed by hand).

`python -m bench.table` prints it; `python -m bench.table --readme` also puts it into
README.md between the `bench-table` markers.
"""

import json
import re
import sys
from pathlib import Path

from bench.targets import TARGETS

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"


def shown(value):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def verdict(entry):
    return {True: "met", False: "**missed**", None: "not measured"}[entry["met"]]


def markdown_table(report):
    rows = [
        "| Key | Measure | Value | Target | Met | Note |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key in TARGETS:
        entry = report["targets"][key]
        value = report.get(key)
        if TARGETS[key][2] in report and isinstance(TARGETS[key][2], str):
            value = f"{shown(value)} / {shown(report[TARGETS[key][2]])}"
        rows.append(
            f"| `{key}` | {entry['label']} | {shown(value)} | {entry['target']} "
            f"| {verdict(entry)} | {entry['note']} |"
        )
    return "\n".join(rows)


def write_readme(table):
    readme = ROOT / "README.md"
    text = readme.read_text()
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} … {END} markers.")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    readme.write_text(pattern.sub(lambda _: f"{START}\n{table}\n{END}", text, count=1))


def main(argv):
    report = json.loads((ROOT / "var" / "bench.json").read_text())
    if "targets" not in report:
        raise SystemExit("var/bench.json predates targets: run `make bench` first.")
    table = markdown_table(report)
    print(table)
    if "--readme" in argv:
        write_readme(table)


if __name__ == "__main__":
    main(sys.argv[1:])
