"""Summarises the predictor as it was before the learned prior (main f4707c5: curve-family fits, EtaCalibration.PinnAdam
for PINN curves, the generic calibration for the others) on EtaBench's replay, from the case table that EtaBench at commit
7822623 writes (its second argument; columns old/oldlow/oldhigh are that predictor's step and 80% interval). The tool's
10x bound is applied as predict_convergence applies it (a step beyond 10x the steps seen is "not within reach").

Usage: git worktree add /tmp/eta-before 7822623 && cp tools/bench/physics/curves/*.csv /tmp/eta-before/tools/bench/physics/curves/
       (cd /tmp/eta-before && dotnet run -c Release --project tools/bench/physics/EtaBench -- tools/bench/physics /tmp/before.csv)
       python3 tools/bench/physics/eta_before.py /tmp/before.csv
"""
import csv
import math
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1])))


def quantile(values, q):
    s = sorted(values)
    return s[int(math.floor(q * (len(s) - 1) + 0.5))]


def summary(label, cases):
    errors, covered, none = [], 0, 0
    for r in cases:
        seen, actual, old = float(r["seen"]), float(r["actual"]), float(r["old"])
        if math.isnan(old) or old > 10 * max(seen, 1):
            errors.append(math.inf)
            none += 1
            continue
        errors.append(abs(old - actual) / actual)
        covered += float(r["oldlow"]) <= actual <= float(r["oldhigh"])
    print(f"| {label} | {len(cases)} | {quantile(errors, 0.5):.1%} | {covered / len(cases):.0%} | {none} |")


for kind, pick in [("PINN curves", lambda r: not r["family"].startswith("torch-")), ("PyTorch curves", lambda r: r["family"].startswith("torch-"))]:
    mine = [r for r in rows if pick(r)]
    print(f"\n{kind}: {len(set(r['name'] for r in mine))} curves\n\n| seen fraction | cases | median error | 80% interval covers | no step (all reached) |\n|---|---|---|---|---|")
    for f in sorted(set(float(r["fraction"]) for r in mine)):
        summary(f"{f:.0%}", [r for r in mine if float(r["fraction"]) == f])
    summary("20-50%", [r for r in mine if 0.2 <= float(r["fraction"]) <= 0.5])
    summary("all", mine)
    summary("30%, target = lowest level (issue's replay)", [r for r in mine if float(r["fraction"]) == 0.3 and float(r["level"]) == 1.0])
