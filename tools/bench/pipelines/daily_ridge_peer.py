#!/usr/bin/python3
"""Peer for the daily series of the pipelines benchmark: scikit-learn Ridge with yearly Fourier terms on McpFlow's
own folds (issue 14's comparison). Run after PipelinesBench (from the repository root):

    dotnet run -c Release --project tools/bench/pipelines/PipelinesBench -- tools/bench/pipelines/out daily_demand
    /usr/bin/python3 tools/bench/pipelines/daily_ridge_peer.py tools/bench/pipelines/out/mcpflow.json [dataset]

The dataset defaults to daily_demand; pass daily_fresh for the replay series of make_fresh_daily_series.py.

For every daily_demand entry (one per horizon h) it fits, on each fold's training rows (every row before the test
block except the last h - 1, as McpFlow does), StandardScaler + Ridge(alpha=1) on:
- "calendar": a linear time index, day-of-week dummies and yearly Fourier terms sin/cos(2 pi k t / 365.25),
  k = 1..10 (Prophet's default yearly order);
- "calendar + lags": the same plus the target at lags h, h+1, h+2 and one and two weeks (rounded up to >= h).
MASE uses McpFlow's scale: the in-sample MAE of the 7-day seasonal-naive forecast on the series before the test
block. Prints a Markdown table with McpFlow's best model and the ratio to the better peer (goal: <= 1.05).
Uses Debian's python3-sklearn 1.2, python3-pandas and python3-numpy.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

YEAR = 365.25
ORDER = 10
SEASON = 7


def calendar(dates):
    t = np.arange(len(dates), dtype=float)
    columns = {"t": t}
    weekday = dates.dt.weekday.to_numpy()
    for d in range(1, 7):
        columns[f"dow_{d}"] = (weekday == d).astype(float)
    for k in range(1, ORDER + 1):
        columns[f"sin_{k}"] = np.sin(2 * np.pi * k * t / YEAR)
        columns[f"cos_{k}"] = np.cos(2 * np.pi * k * t / YEAR)
    return pd.DataFrame(columns)


def lags(y, h):
    week = SEASON * int(np.ceil(h / SEASON))
    return pd.DataFrame({f"lag_{k}": pd.Series(y).shift(k).to_numpy() for k in sorted({h, h + 1, h + 2, week, week + SEASON})})


def mase(y, folds, h, x):
    scores = []
    for test in folds:
        start = test[0]
        history = y[:start]
        scale = np.mean(np.abs(history[SEASON:] - history[:-SEASON]))
        train = np.arange(0, start - (h - 1))
        train = train[~np.isnan(x[train]).any(axis=1)]
        model = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(x[train], y[train])
        scores.append(np.mean(np.abs(model.predict(x[test]) - y[test])) / scale)
    return np.mean(scores), np.std(scores, ddof=1)


def main():
    dataset = sys.argv[2] if len(sys.argv) > 2 else "daily_demand"
    entries = [e for e in json.load(open(sys.argv[1])) if e["dataset"] == dataset]
    print("| horizon | McpFlow best (MASE mean ± sd) | ridge, calendar | ridge, calendar + lags | ratio to the better peer |")
    print("|---|---|---|---|---|")
    for e in entries:
        frame = pd.read_csv(e["path"], parse_dates=[e["time"]]).sort_values(e["time"]).reset_index(drop=True)
        y = frame[e["target"]].to_numpy(dtype=float)
        h = e["horizon"]
        cal = calendar(frame[e["time"]])
        plain = mase(y, e["folds"], h, cal.to_numpy())
        lagged = mase(y, e["folds"], h, pd.concat([cal, lags(y, h)], axis=1).to_numpy())
        best = e["leaderboard"][0]
        ours = best["metrics"]["mase"]
        peer = min(plain[0], lagged[0])
        print(f"| {h} | {best['trainer']} {ours:.4f} ± {best['std']['mase']:.4f} | {plain[0]:.4f} ± {plain[1]:.4f} | "
              f"{lagged[0]:.4f} ± {lagged[1]:.4f} | {ours / peer:.3f} |")


if __name__ == "__main__":
    main()
