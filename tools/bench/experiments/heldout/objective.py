"""Held-out-style HPO benchmark, Python side (Debian python3-sklearn 1.2 and python3-optuna 3.1; benchmark only).

Task: scikit-learn's GradientBoostingClassifier on the breast-cancer data set, metric = mean ROC AUC over a fixed
5-fold stratified split (higher is better). For each repetition r a user's history is a random sweep of 40 runs over
SWEEP (narrower than SPACE, as a first sweep usually is); then each method gets 10 new evaluations:
  - Optuna TPE (default TPESampler, seed r) told the 40 sweep runs first (add_trial), then ask/tell 10 times over SPACE;
  - random search: 10 draws from SPACE (seed 1000 + r);
  - McpFlow: driven by HeldoutBench.cs through the `eval` command of this server.

Runs as a JSON-lines server on stdin/stdout (one request per line):
  {"op": "sweep", "rep": r}            -> {"runs": [{"params": {...}, "value": v}, ...]}
  {"op": "eval", "params": {...}}      -> {"value": v}   (null when scikit-learn refuses the params)
  {"op": "tpe", "rep": r, "budget": n} -> {"values": [...]}
  {"op": "random", "rep": r, "budget": n} -> {"values": [...]}
Evaluations are cached in the file named by HELDOUT_CACHE (if set), so re-runs only pay for new points.
"""
import json
import math
import os
import sys

import numpy as np
import optuna
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score

optuna.logging.set_verbosity(optuna.logging.WARNING)

SWEEP_RUNS = 40
# name: (kind, low, high, log)
SPACE = {
    "learning_rate": ("float", 0.005, 1.0, True),
    "n_estimators": ("int", 10, 300, False),
    "max_depth": ("int", 1, 8, False),
    "subsample": ("float", 0.05, 1.0, False),
    "min_samples_leaf": ("int", 1, 50, False),
    "max_features": ("float", 0.05, 1.0, False),
}
SWEEP = {
    "learning_rate": ("float", 0.01, 0.2, True),
    "n_estimators": ("int", 20, 150, False),
    "max_depth": ("int", 1, 5, False),
    "subsample": ("float", 0.05, 1.0, False),
    "min_samples_leaf": ("int", 1, 30, False),
    "max_features": ("float", 0.1, 1.0, False),
}

X, Y = load_breast_cancer(return_X_y=True)
FOLDS = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
CACHE_PATH = os.environ.get("HELDOUT_CACHE")
CACHE = json.load(open(CACHE_PATH)) if CACHE_PATH and os.path.exists(CACHE_PATH) else {}


def canonical(params):
    out = {}
    for name, (kind, _, _, _) in SPACE.items():
        v = float(params[name])
        out[name] = int(round(v)) if kind == "int" else float(f"{v:.4g}")
    return out


def evaluate(params):
    p = canonical(params)
    key = json.dumps(p, sort_keys=True)
    if key not in CACHE:
        try:
            model = GradientBoostingClassifier(random_state=0, **p)
            CACHE[key] = float(cross_val_score(model, X, Y, cv=FOLDS, scoring="roc_auc").mean())
        except ValueError:
            CACHE[key] = None  # scikit-learn refused the params (e.g. subsample > 1): a failed run
        if CACHE_PATH:
            json.dump(CACHE, open(CACHE_PATH, "w"))
    return CACHE[key]


def draw(space, rng):
    p = {}
    for name, (kind, low, high, log) in space.items():
        if kind == "int":
            p[name] = int(rng.randint(low, high + 1))
        elif log:
            p[name] = float(math.exp(rng.uniform(math.log(low), math.log(high))))
        else:
            p[name] = float(rng.uniform(low, high))
    return canonical(p)


def sweep(rep):
    rng = np.random.RandomState(rep)
    return [{"params": p, "value": evaluate(p)} for p in (draw(SWEEP, rng) for _ in range(SWEEP_RUNS))]


def distributions():
    d = {}
    for name, (kind, low, high, log) in SPACE.items():
        d[name] = optuna.distributions.IntDistribution(low, high) if kind == "int" else optuna.distributions.FloatDistribution(low, high, log=log)
    return d


def tpe(rep, budget):
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=rep))
    dist = distributions()
    for run in sweep(rep):
        study.add_trial(optuna.trial.create_trial(params=run["params"], distributions=dist, value=run["value"]))
    values = []
    for _ in range(budget):
        trial = study.ask(dist)
        value = evaluate(trial.params)
        study.tell(trial, value if value is not None else 0.5)
        values.append(value)
    return values


def random_search(rep, budget):
    rng = np.random.RandomState(1000 + rep)
    return [evaluate(draw(SPACE, rng)) for _ in range(budget)]


def main():
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        if op == "sweep":
            out = {"runs": sweep(req["rep"])}
        elif op == "eval":
            out = {"value": evaluate(req["params"])}
        elif op == "tpe":
            out = {"values": tpe(req["rep"], req["budget"])}
        elif op == "random":
            out = {"values": random_search(req["rep"], req["budget"])}
        else:
            out = {"error": f"unknown op {op}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
