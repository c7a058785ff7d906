#!/usr/bin/python3
"""Writes the benchmark's daily series with two seasons and a trend break (run from the repository root):

    /usr/bin/python3 tools/bench/pipelines/make_daily_series.py > tools/bench/pipelines/data/daily_demand.csv

Four years of daily demand, 2020-01-01 to 2023-12-31 (1,461 days), the kind of series issue 14 describes:
- a piecewise trend: +0.1 a day for two years, then -0.1 a day (a tent, so a single straight line explains almost
  nothing of it: the case that was called "no trend");
- a weekly season: Monday..Sunday +6, +4, +3, +2, +5, -8, -12;
- a yearly season: 15 sin(2 pi t / 365.25) + 6 cos(4 pi t / 365.25 + 1);
- AR(1) noise, phi 0.6, innovations N(0, 4^2), seed 14.
Needs only numpy (Debian python3-numpy).
"""
import sys

import numpy as np


def main():
    rng = np.random.default_rng(14)
    n = 1461
    t = np.arange(n)
    dates = np.datetime64("2020-01-01") + t
    trend = 200 + np.where(t < 730, 0.1 * t, 73 - 0.1 * (t - 730))
    weekday = (t + 2) % 7  # 2020-01-01 was a Wednesday: Monday = 0
    weekly = np.array([6, 4, 3, 2, 5, -8, -12])[weekday]
    yearly = 15 * np.sin(2 * np.pi * t / 365.25) + 6 * np.cos(4 * np.pi * t / 365.25 + 1)
    noise = np.zeros(n)
    innovations = rng.normal(0, 4, n)
    for i in range(1, n):
        noise[i] = 0.6 * noise[i - 1] + innovations[i]
    y = trend + weekly + yearly + noise
    out = sys.stdout
    out.write("date,demand\n")
    for d, v in zip(dates, y):
        out.write(f"{d},{v:.3f}\n")


if __name__ == "__main__":
    main()
