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


def ets(series, m):
    return ExponentialSmoothing(series, trend="add", seasonal="add" if m > 1 else None, seasonal_periods=m if m > 1 else None)


def textbook_forecast(fit, n, m, h):
    """l_n + h b_n + s_(n+h-m(k+1)), k = (h-1) // m, from the fitted states (Hyndman et al. 2008). statsmodels 0.13's
    forecast() gives the same except at h = m, 2m, ..., where it uses the seasonal state a season older."""
    if m <= 1:
        return fit.level[-1] + h * fit.trend[-1]
    return fit.level[-1] + h * fit.trend[-1] + fit.season[n - 1 + h - m * ((h - 1) // m + 1)]


def forecasting(entry, frame):
    """statsmodels Holt-Winters refitted at every forecast origin t - h (the strongest protocol), then fitted once per
    fold on the rows McpFlow trains on and run over the test block with fixed parameters (McpFlow's protocol).
    MASE scale: in-sample MAE of the one-season naive forecast on the series before the test block (Hyndman and
    Koehler 2006), as McpFlow's ForecastMetrics computes it, whatever the horizon."""
    y = frame[entry["target"]].to_numpy(dtype=float)
    m, h = entry["season"] or 1, entry["horizon"]
    start, mases, once, snaive = time.perf_counter(), [], [], []
    for test in entry["folds"]:
        origin = test[0]
        history = y[:origin]
        scale = np.mean(np.abs(history[m:] - history[:-m]))
        errors, naive_errors = [], []
        for t in test:
            train = y[: t - h + 1]
            errors.append(abs(textbook_forecast(ets(train, m).fit(), len(train), m, h) - y[t]))
            naive_errors.append(abs(y[t - m * int(np.ceil(h / m))] - y[t]))
        mases.append(np.mean(errors) / scale)
        snaive.append(np.mean(naive_errors) / scale)
        # Fitted once on the training rows (McpFlow leaves a gap of h - 1 rows before the block), states run on.
        p = ets(y[: origin - h + 1], m).fit().params
        fixed = dict(smoothing_level=p["smoothing_level"], smoothing_trend=p["smoothing_trend"], optimized=False)
        if m > 1:
            fixed["smoothing_seasonal"] = p["smoothing_seasonal"]
        once_errors = []
        for t in test:
            fit = ExponentialSmoothing(y[: t - h + 1], trend="add", seasonal="add" if m > 1 else None, seasonal_periods=m if m > 1 else None,
                                       initialization_method="known", initial_level=p["initial_level"], initial_trend=p["initial_trend"],
                                       initial_seasonal=p["initial_seasons"] if m > 1 else None).fit(**fixed)
            once_errors.append(abs(textbook_forecast(fit, t - h + 1, m, h) - y[t]))
        once.append(np.mean(once_errors) / scale)
    return ("ets(add trend, add season)", (np.mean(mases), np.std(mases, ddof=1)), time.perf_counter() - start, np.mean(snaive),
            (np.mean(once), np.std(once, ddof=1)))


def main():
    entries = json.load(open(sys.argv[1]))
    notes = []
    print("| dataset | task | metric | McpFlow best (mean ± sd) | McpFlow baseline | peer best (mean ± sd) | McpFlow comparison s | peer s |")
    print("|---|---|---|---|---|---|---|---|")
    for e in entries:
        if e["dataset"] == "daily_demand":
            continue  # compared by daily_ridge_peer.py
        frame = pd.read_csv(f"examples/data/{e['dataset']}.csv")
        ours = e["leaderboard"][0]
        base = [r for r in e["leaderboard"] if r["isBaseline"]]
        base_text = ", ".join(f"{r['trainer']} {r['metrics'][e['primary']]:.4f}" for r in base)
        if e["task"] == "forecasting":
            name, (mean, sd), secs, snaive, (once, once_sd) = forecasting(e, frame)
            base_text += f" (peer-computed seasonal naive {snaive:.4f})"
            notes.append(f"{e['dataset']}: statsmodels ETS fitted once per fold (McpFlow's protocol) {once:.4f} ± {once_sd:.4f}; "
                         + ", ".join(f"{r['trainer']} {r['metrics'][e['primary']]:.4f}" for r in e["leaderboard"]))
        else:
            name, (mean, sd), secs = supervised(e, frame)
        print(f"| {e['dataset']} | {e['task']} | {e['primary']} | {ours['trainer']} {ours['metrics'][e['primary']]:.4f} ± {ours['std'][e['primary']]:.4f} | "
              f"{base_text} | {name} {mean:.4f} ± {sd:.4f} | {e['seconds']:.1f} | {secs:.1f} |")
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
