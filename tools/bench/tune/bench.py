"""pipeline_tune against Optuna TPE, same objective (benchmark only; Debian python3-optuna 3.1, run with /usr/bin/python3).

Both optimisers tune McpFlow's own lightgbm trainer (ML.NET LightGBM) over pipeline_tune's default search space, scored
by McpFlow's cross-validation on the same 5 fixed folds of each data set (the spec generate_pipeline makes): the
objective is served by TuneBench (a JSON-lines server, see TuneBench/Program.cs), so only the optimiser differs.
  - mcpflow: pipeline_tune's loop itself (HyperparameterTuner: 5-point Latin hypercube, then the GP/EI engine of
    suggest_hyperparams), seed s;
  - optuna_tpe: default TPESampler(seed=s), ask/tell, same number of rounds; a failed round is told the worst value seen.
Data: examples/data (scikit-learn's bundled breast cancer, diabetes and wine; examples/data/SOURCES.md).
Usage (repository root): dotnet build -c Release tools/bench/tune/TuneBench && /usr/bin/python3 tools/bench/tune/bench.py [--seeds 5] [--rounds 20]
Writes tools/bench/tune/tune-results.csv and prints the median best CV score per method and data set.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
DATASETS = ["breast_cancer", "diabetes", "wine"]


class Objective:
    def __init__(self):
        self.proc = subprocess.Popen(["dotnet", "tools/bench/tune/TuneBench/bin/Release/net10.0/TuneBench.dll"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, request):
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit("TuneBench ended early (its error is above)")
        return json.loads(line)


def tpe(obj, dataset, space, maximize, seed, rounds):
    dists = {}
    for p in space:
        if p["isInteger"]:
            dists[p["name"]] = optuna.distributions.IntDistribution(int(p["low"]), int(p["high"]), log=p["log"])
        else:
            dists[p["name"]] = optuna.distributions.FloatDistribution(p["low"], p["high"], log=p["log"])
    study = optuna.create_study(direction="maximize" if maximize else "minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    values = []
    for _ in range(rounds):
        trial = study.ask(dists)
        value = obj.ask({"op": "eval", "dataset": dataset, "params": trial.params})["value"]
        finite = [v for v in values if v is not None]
        worst = (min(finite) if maximize else max(finite)) if finite else 0.0
        study.tell(trial, value if value is not None else worst)
        values.append(value)
    return values


def best(values, maximize):
    finite = [v for v in values if v is not None]
    return (max(finite) if maximize else min(finite)) if finite else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    args = parser.parse_args()
    obj = Objective()
    rows = ["dataset,metric,seed,method,best,seconds"]
    summary = []
    for dataset in args.datasets.split(","):
        info = obj.ask({"op": "space", "dataset": dataset})
        space, metric, maximize = info["space"], info["metric"], info["maximize"]
        bests = {"mcpflow": [], "optuna_tpe": []}
        for seed in range(args.seeds):
            start = time.time()
            answer = obj.ask({"op": "mcpflow", "dataset": dataset, "seed": seed, "rounds": args.rounds})
            mc = best(answer["values"], maximize)
            mc_seconds = time.time() - start
            start = time.time()
            tp = best(tpe(obj, dataset, space, maximize, seed, args.rounds), maximize)
            tp_seconds = time.time() - start
            bests["mcpflow"].append(mc)
            bests["optuna_tpe"].append(tp)
            rows.append(f"{dataset},{metric},{seed},mcpflow,{mc!r},{mc_seconds:.1f}")
            rows.append(f"{dataset},{metric},{seed},optuna_tpe,{tp!r},{tp_seconds:.1f}")
            print(f"{dataset} seed {seed}: mcpflow {metric} {mc:.5f} ({mc_seconds:.0f} s), optuna_tpe {tp:.5f} ({tp_seconds:.0f} s)", flush=True)
        med = {m: statistics.median(v) for m, v in bests.items()}
        wins = sum((a >= b) if maximize else (a <= b) for a, b in zip(bests["mcpflow"], bests["optuna_tpe"]))
        summary.append(f"{dataset} ({metric}, {'higher' if maximize else 'lower'} is better): median best mcpflow {med['mcpflow']:.5f}, "
                       f"optuna_tpe {med['optuna_tpe']:.5f}; mcpflow at least as good in {wins}/{args.seeds} seeds")
        with open("tools/bench/tune/tune-results.csv", "w") as f:
            f.write("\n".join(rows) + "\n")
    obj.proc.stdin.close()
    obj.proc.wait()
    print("\n".join(summary))


if __name__ == "__main__":
    main()
