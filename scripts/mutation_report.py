"""`make mutation`: run mutmut over the modules in pyproject.toml's [tool.mutmut], then write
var/mutation.txt with the score (killed / total, per module and overall) and every surviving
mutant with its diff.

mutmut keeps its verdicts in mutants/ and, on a later run, tests only new or changed mutants.
A survivor keeps its verdict even when tests were added since, so survivors are tested once
more before the report is written. `--fresh` starts from nothing (new source copies, new
coverage of which test calls which function).

Survivors judged equivalent (no test can tell them apart from the code) are listed in
scripts/mutation_equivalents.toml with the reason; the report shows the reason next to them.

`--sample N` tests N mutants drawn at random (a fixed `--seed`) instead of all of them, and
scores only those, with a 95% interval for the whole: the full run takes hours on 2 cores (a
surviving mutant of a function every GraphQL test reaches runs hundreds of tests).
"""

import argparse
import json
import math
import random
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
SAMPLE = ROOT / "var" / "mutation-sample.json"
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


def verdicts(only=None):
    """{module path: {mutant name: status}} from mutmut's files in mutants/ (of the mutants
    named in `only`, when given)."""
    found = {}
    for path in mutated_modules():
        meta = MUTANTS / f"{path}.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        found[path] = {
            name: STATUS.get(code, "suspicious")
            for name, code in codes.items()
            if only is None or name in only
        }
    return found


def generate_mutants(children):
    """Have mutmut write its mutants (and which tests reach each function) without testing
    them: it has no command for that alone, so it runs filtered to a name no mutant has,
    which stops once the mutants and the coverage exist."""
    if not any(verdicts().values()):
        subprocess.run([*MUTMUT, "run", children, "no-such-mutant"], cwd=ROOT)


def draw_sample(size, seed):
    """`size` mutant names drawn at random from every mutant, the same for the same seed and
    mutants; written to var/mutation-sample.json."""
    every = sorted(name for statuses in verdicts().values() for name in statuses)
    chosen = sorted(random.Random(seed).sample(every, min(size, len(every))))
    SAMPLE.parent.mkdir(exist_ok=True)
    SAMPLE.write_text(json.dumps({"seed": seed, "of": len(every), "mutants": chosen}, indent=1))
    return chosen


def wilson_interval(caught, total, z=1.96):
    """The 95% interval of a proportion from `caught` of `total` draws (Wilson's score)."""
    if not total:
        return 0.0, 100.0
    p = caught / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return 100 * (centre - spread), 100 * (centre + spread)


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


def write_report(found, seconds, children, sample=None):
    equivalents = tomllib.loads(EQUIVALENTS.read_text()) if EQUIVALENTS.exists() else {}
    lines = ["Mutation testing (make mutation)", "=" * 32, ""]
    every = [status for statuses in found.values() for status in statuses.values()]
    caught, total, percent = score(every)
    if sample is not None:
        low, high = wilson_interval(caught, total)
        lines.append(
            f"Sample: {len(sample['mutants'])} of {sample['of']} mutants drawn at random "
            f"(seed {sample['seed']}); every count below is of the sample."
        )
        lines.append(f"95% interval for all {sample['of']} mutants: {low:.1f}% to {high:.1f}%")
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
    parser.add_argument("--sample", type=int, help="test this many mutants drawn at random")
    parser.add_argument("--seed", type=int, default=2026, help="the draw's seed (--sample)")
    options = parser.parse_args()
    seconds = None
    if options.sample:
        sample = run_sample(options)
        only = set(sample["mutants"])
        write_report(verdicts(only), sample["seconds"], options.max_children, sample)
        return
    if options.report_only and SAMPLE.exists():
        sample = json.loads(SAMPLE.read_text())
        only = set(sample["mutants"])
        write_report(verdicts(only), None, options.max_children, sample)
        return
    if not options.report_only:
        SAMPLE.unlink(missing_ok=True)  # the report is of every mutant again
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


def run_sample(options):
    if options.fresh:
        shutil.rmtree(MUTANTS, ignore_errors=True)
    started = time.monotonic()
    children = f"--max-children={options.max_children}"
    generate_mutants(children)
    chosen = draw_sample(options.sample, options.seed)
    # Named mutants are tested again even when mutmut has a verdict: tests may have changed.
    run_mutmut(children, *chosen)
    sample = json.loads(SAMPLE.read_text())
    sample["seconds"] = time.monotonic() - started
    return sample


if __name__ == "__main__":
    main()
