"""`make mutation`: run mutmut over the modules in pyproject.toml's [tool.mutmut], then write
var/mutation.txt with the score (killed / total, per module and overall) and every surviving
mutant with its diff.

mutmut keeps its verdicts in mutants/ and, on a later run, tests only new or changed mutants.
A survivor keeps its verdict even when tests were added since, so survivors are tested once
more before the report is written. `--fresh` starts from nothing (new source copies, new
coverage of which test calls which function).

Survivors judged equivalent (no test can tell them apart from the code) are listed in
scripts/mutation_equivalents.toml with the reason; the report shows the reason next to them.
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
REPORT = ROOT / "var" / "mutation.txt"
EQUIVALENTS = ROOT / "scripts" / "mutation_equivalents.toml"
MUTMUT = [sys.executable, "-m", "mutmut"]

# mutmut's exit codes per mutant (mutmut/stats.py); a timeout is a caught mutant, as in
# mutmut's own score.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}
STATUS.update({code: "timeout" for code in (36, -24, 24, 152, 255)})
STATUS.update({None: "not checked", 2: "interrupted", -11: "segfault", -9: "segfault"})
CAUGHT = {"killed", "timeout"}
UNDECIDED = {"not checked", "interrupted", "skipped"}  # a run stopped early: not in the score


def mutated_modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]
    return config["source_paths"]


def verdicts():
    """{module path: {mutant name: status}} from mutmut's files in mutants/."""
    found = {}
    for path in mutated_modules():
        meta = MUTANTS / f"{path}.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        found[path] = {name: STATUS.get(code, "suspicious") for name, code in codes.items()}
    return found


def surviving():
    return {
        name
        for statuses in verdicts().values()
        for name, status in statuses.items()
        if status == "survived"
    }


def run_mutmut(*arguments):
    subprocess.run([*MUTMUT, "run", *arguments], cwd=ROOT, check=True)


def show(name):
    out = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()


def score(statuses):
    caught = sum(status in CAUGHT for status in statuses)
    total = sum(status not in UNDECIDED for status in statuses)
    return caught, total, 100 * caught / total if total else 100.0


def write_report(found, seconds, children):
    equivalents = tomllib.loads(EQUIVALENTS.read_text()) if EQUIVALENTS.exists() else {}
    lines = ["Mutation testing (make mutation)", "=" * 32, ""]
    every = [status for statuses in found.values() for status in statuses.values()]
    caught, total, percent = score(every)
    survivors = sorted(
        name
        for statuses in found.values()
        for name, status in statuses.items()
        if status not in CAUGHT | UNDECIDED
    )
    judged = [name for name in survivors if name in equivalents]
    lines.append(f"Overall: {caught} / {total} killed = {percent:.1f}%")
    undecided = sum(status in UNDECIDED for status in every)
    if undecided:
        lines.append(f"INCOMPLETE: {undecided} of {len(every)} mutants not tested yet (run again).")
    if judged:
        _, _, without = score(
            [s for statuses in found.values() for n, s in statuses.items() if n not in judged]
        )
        lines.append(
            f"Without the {len(judged)} survivors judged equivalent (below): {without:.1f}%"
        )
    if seconds is not None:
        lines.append(f"Run took {seconds / 60:.1f} min with --max-children {children}.")
    lines += ["(killed includes timeouts, as in mutmut's own score)", "", "Per module:"]
    for path, statuses in found.items():
        module_caught, module_total, module_percent = score(statuses.values())
        counts = Counter(statuses.values())
        other = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in CAUGHT)
        shown = f"{module_percent:5.1f}%" if module_total else "   — "
        lines.append(
            f"  {path:38} {module_caught:4} / {module_total:4} = {shown}"
            + (f"  ({other})" if other else "")
        )
    # Not stale while untested: an interrupted run has no verdict for them yet.
    undecided_names = {
        name
        for statuses in found.values()
        for name, status in statuses.items()
        if status in UNDECIDED
    }
    stale = sorted(set(equivalents) - set(survivors) - undecided_names)
    if stale:
        lines += ["", "Listed as equivalent but no longer surviving (remove them):"]
        lines += [f"  {name}" for name in stale]
    lines += ["", f"Surviving mutants ({len(survivors)}):", ""]
    for name in survivors:
        reason = equivalents.get(name)
        lines.append(show(name))
        lines.append(
            f"# Equivalent: {reason}" if reason else "# Not judged equivalent: needs a test."
        )
        lines.append("")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines[: lines.index("Per module:") + len(found) + 1]))
    print(f"\nWritten to {REPORT.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="forget earlier verdicts")
    parser.add_argument("--report-only", action="store_true", help="only write the report")
    options = parser.parse_args()
    seconds = None
    if not options.report_only:
        if options.fresh:
            shutil.rmtree(MUTANTS, ignore_errors=True)
        started = time.monotonic()
        children = f"--max-children={options.max_children}"
        earlier = surviving()
        run_mutmut(children)
        # Survivors of an earlier run keep their verdict in mutmut: test them again, so that
        # tests added since count.
        again = sorted(earlier & surviving())
        if again:
            run_mutmut(children, *again)
        seconds = time.monotonic() - started
    write_report(verdicts(), seconds, options.max_children)


if __name__ == "__main__":
    main()
