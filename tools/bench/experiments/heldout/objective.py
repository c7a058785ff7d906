"""Held-out-style HPO benchmark, Python side (Debian python3-sklearn 1.2 and python3-optuna 3.1; benchmark only).

Task (HELDOUT_TASK): "gb-breast-cancer" (default, issue 14's): scikit-learn's GradientBoostingClassifier on the
breast-cancer data set, metric = mean ROC AUC over a fixed 5-fold stratified split (higher is better);
"gbr-diabetes" (a second case the engine was not tuned on): GradientBoostingRegressor on the diabetes data set,
metric = mean RMSE over a fixed shuffled 5-fold split (lower is better). For each repetition r a user's history is a random sweep of 40 runs over
SWEEP (narrower than SPACE, as a first sweep usually is); then each method gets 10 new evaluations:
  - Optuna TPE (default TPESampler, seed r) told the 40 sweep runs first (add_trial), then ask/tell 10 times over SPACE;
  - random search: 10 draws from SPACE (seed 1000 + r);
  - McpFlow: driven by HeldoutBench.cs through the `eval` command of this server.

Runs as a JSON-lines server on stdin/stdout (one request per line):
  {"op": "sweep", "rep": r}            -> {"runs": [{"params": {...}, "value": v}, ...]}
  {"op": "eval", "params": {...}}      -> {"value": v}   (null when scikit-learn refuses the params)
  {"op": "tpe", "rep": r, "budget": n} -> {"values": [...], "params": [{...}, ...]}
  {"op": "random", "rep": r, "budget": n} -> {"values": [...], "params": [{...}, ...]}
Evaluations are cached in the file named by HELDOUT_CACHE (if set), so re-runs only pay for new points.
"""
import json
import math
import os
import sys

import numpy as np
import optuna
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score

optuna.logging.set_verbosity(optuna.logging.WARNING)

SWEEP_RUNS = 40
# name: (kind, low, high, log)
TASKS = {
    # The issue-14 task: tuned on.
    "gb-breast-cancer": {
        "space": {
            "learning_rate": ("float", 0.005, 1.0, True),
            "n_estimators": ("int", 10, 300, False),
            "max_depth": ("int", 1, 8, False),
            "subsample": ("float", 0.05, 1.0, False),
            "min_samples_leaf": ("int", 1, 50, False),
            "max_features": ("float", 0.05, 1.0, False),
        },
        "sweep": {
            "learning_rate": ("float", 0.01, 0.2, True),
            "n_estimators": ("int", 20, 150, False),
            "max_depth": ("int", 1, 5, False),
            "subsample": ("float", 0.05, 1.0, False),
            "min_samples_leaf": ("int", 1, 30, False),
            "max_features": ("float", 0.1, 1.0, False),
        },
    },
    # The guard against tuning to one task (never tuned on): GradientBoostingRegressor on diabetes, RMSE over a fixed
    # shuffled 5-fold split, minimised; the sweep is narrower than the space in a different way.
    "gbr-diabetes": {
        "space": {
            "learning_rate": ("float", 0.005, 1.0, True),
            "n_estimators": ("int", 10, 300, False),
            "max_depth": ("int", 1, 6, False),
            "subsample": ("float", 0.1, 1.0, False),
            "min_samples_leaf": ("int", 1, 60, False),
            "max_features": ("float", 0.1, 1.0, False),
        },
        "sweep": {
            "learning_rate": ("float", 0.02, 0.3, True),
            "n_estimators": ("int", 20, 200, False),
            "max_depth": ("int", 2, 6, False),
            "subsample": ("float", 0.3, 1.0, False),
            "min_samples_leaf": ("int", 1, 20, False),
            "max_features": ("float", 0.3, 1.0, False),
        },
    },
}
TASK = os.environ.get("HELDOUT_TASK", "gb-breast-cancer")
SPACE = TASKS[TASK]["space"]
SWEEP = TASKS[TASK]["sweep"]
MAXIMIZE = TASK == "gb-breast-cancer"
if MAXIMIZE:
    X, Y = load_breast_cancer(return_X_y=True)
    FOLDS = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
else:
    X, Y = load_diabetes(return_X_y=True)
    FOLDS = KFold(n_splits=5, shuffle=True, random_state=0)
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
            if MAXIMIZE:
                model = GradientBoostingClassifier(random_state=0, **p)
                CACHE[key] = float(cross_val_score(model, X, Y, cv=FOLDS, scoring="roc_auc").mean())
            else:
                model = GradientBoostingRegressor(random_state=0, **p)
                CACHE[key] = float(-cross_val_score(model, X, Y, cv=FOLDS, scoring="neg_root_mean_squared_error").mean())
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


# What TPE is told for a failed evaluation: chance-level AUC, or the RMSE of predicting the mean (diabetes' target sd).
FAILED = 0.5 if MAXIMIZE else float(np.std(Y))


def distributions():
    d = {}
    for name, (kind, low, high, log) in SPACE.items():
        d[name] = optuna.distributions.IntDistribution(low, high) if kind == "int" else optuna.distributions.FloatDistribution(low, high, log=log)
    return d


def tpe(rep, budget):
    study = optuna.create_study(direction="maximize" if MAXIMIZE else "minimize", sampler=optuna.samplers.TPESampler(seed=rep))
    dist = distributions()
    for run in sweep(rep):
        study.add_trial(optuna.trial.create_trial(params=run["params"], distributions=dist, value=run["value"]))
    values, params = [], []
    for _ in range(budget):
        trial = study.ask(dist)
        value = evaluate(trial.params)
        study.tell(trial, value if value is not None else FAILED)
        values.append(value)
        params.append(canonical(trial.params))
    return values, params


def random_search(rep, budget):
    rng = np.random.RandomState(1000 + rep)
    params = [draw(SPACE, rng) for _ in range(budget)]
    return [evaluate(p) for p in params], params


def main():
    for line in sys.stdin:
        req = json.loads(line)
        op = req["op"]
        if op == "sweep":
            out = {"runs": sweep(req["rep"])}
        elif op == "eval":
            out = {"value": evaluate(req["params"])}
        elif op == "tpe":
            values, params = tpe(req["rep"], req["budget"])
            out = {"values": values, "params": params}
        elif op == "random":
            values, params = random_search(req["rep"], req["budget"])
            out = {"values": values, "params": params}
        else:
            out = {"error": f"unknown op {op}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
