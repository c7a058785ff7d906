#!/usr/bin/python3
"""Peer for the pipelines benchmark: scikit-learn defaults and statsmodels ETS on McpFlow's own folds.

    dotnet run -c Release --project tools/bench/pipelines/PipelinesBench -- tools/bench/pipelines/out
    /usr/bin/python3 tools/bench/pipelines/bench.py tools/bench/pipelines/out/mcpflow.json > tools/bench/pipelines/out/results.md

Uses Debian's python3-sklearn 1.2 and python3-statsmodels 0.13; prints a Markdown table.
"""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor, HistGradientBoostingClassifier,
                              HistGradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor)
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")


def classifiers():
    return {"logistic_regression(scaled)": lambda: make_pipeline(StandardScaler(), LogisticRegression()),
            "random_forest": RandomForestClassifier, "gradient_boosting": GradientBoostingClassifier,
            "hist_gradient_boosting": HistGradientBoostingClassifier}


def regressors():
    return {"linear_regression": LinearRegression, "ridge": Ridge, "random_forest": RandomForestRegressor,
            "gradient_boosting": GradientBoostingRegressor, "hist_gradient_boosting": HistGradientBoostingRegressor}


def supervised(entry, frame):
    y = frame[entry["target"]].to_numpy()
    x = frame.drop(columns=[entry["target"]]).to_numpy(dtype=float)
    models = classifiers() if entry["task"] in ("binary", "multiclass") else regressors()
    scores, start = {}, time.perf_counter()
    for name, make in models.items():
        values = []
        for test in entry["folds"]:
            mask = np.zeros(len(y), dtype=bool)
            mask[test] = True
            model = make().fit(x[~mask], y[~mask])
            p = model.predict(x[mask])
            values.append(accuracy_score(y[mask], p) if entry["primary"] == "accuracy" else mean_squared_error(y[mask], p) ** 0.5)
        scores[name] = (np.mean(values), np.std(values, ddof=1))
    best = max(scores, key=lambda k: scores[k][0]) if entry["maximize"] else min(scores, key=lambda k: scores[k][0])
    return best, scores[best], time.perf_counter() - start


def forecasting(entry, frame):
    y = frame[entry["target"]].to_numpy(dtype=float)
    m, h = entry["season"] or 1, entry["horizon"]
    start, mases, snaive = time.perf_counter(), [], []
    for test in entry["folds"]:
        origin = test[0]
        history = y[:origin]
        scale = np.mean(np.abs(history[m:] - history[:-m]))
        errors, naive_errors = [], []
        for t in test:
            train = y[: t - h + 1]
            fit = ExponentialSmoothing(train, trend="add", seasonal="add" if m > 1 else None, seasonal_periods=m if m > 1 else None).fit()
            errors.append(abs(fit.forecast(h)[-1] - y[t]))
            naive_errors.append(abs(y[t - m * int(np.ceil(h / m))] - y[t]))
        mases.append(np.mean(errors) / scale)
        snaive.append(np.mean(naive_errors) / scale)
    return "ets(add trend, add season)", (np.mean(mases), np.std(mases, ddof=1)), time.perf_counter() - start, np.mean(snaive)


def main():
    entries = json.load(open(sys.argv[1]))
    print("| dataset | task | metric | McpFlow best (mean ± sd) | McpFlow baseline | peer best (mean ± sd) | McpFlow comparison s | peer s |")
    print("|---|---|---|---|---|---|---|---|")
    for e in entries:
        frame = pd.read_csv(f"examples/data/{e['dataset']}.csv")
        ours = e["leaderboard"][0]
        base = [r for r in e["leaderboard"] if r["isBaseline"]]
        base_text = ", ".join(f"{r['trainer']} {r['metrics'][e['primary']]:.4f}" for r in base)
        if e["task"] == "forecasting":
            name, (mean, sd), secs, snaive = forecasting(e, frame)
            base_text += f" (peer-computed seasonal naive {snaive:.4f})"
        else:
            name, (mean, sd), secs = supervised(e, frame)
        print(f"| {e['dataset']} | {e['task']} | {e['primary']} | {ours['trainer']} {ours['metrics'][e['primary']]:.4f} ± {ours['std'][e['primary']]:.4f} | "
              f"{base_text} | {name} {mean:.4f} ± {sd:.4f} | {e['seconds']:.1f} | {secs:.1f} |")


if __name__ == "__main__":
    main()
