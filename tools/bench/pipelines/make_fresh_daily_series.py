#!/usr/bin/python3
"""Writes a second daily series for issue 14's replay on fresh data (run from the repository root):

    /usr/bin/python3 tools/bench/pipelines/make_fresh_daily_series.py > tools/bench/pipelines/data/daily_fresh.csv

Unlike make_daily_series.py (a rise-then-fall tent from 2020-01-01), this one is 1,300 days of electricity load from
2019-03-15 with other seasons, break and noise:
- a hinge trend: flat at 150 for 520 days, then rising +0.15 a day;
- a weekly season: Monday..Sunday -3, +1, +2, +4, +7, -2, -9;
- a yearly season with another phase and amplitude: 22 cos(2 pi t / 365.25 + 0.8) + 5 sin(4 pi t / 365.25);
- AR(1) noise, phi 0.35, innovations N(0, 6^2), seed 2612.
Columns `day` and `load_kwh`. Needs only numpy (Debian python3-numpy).
"""
import sys

import numpy as np


def main():
    rng = np.random.default_rng(2612)
    n = 1300
    t = np.arange(n)
    days = np.datetime64("2019-03-15") + t
    trend = 150 + np.where(t < 520, 0.0, 0.15 * (t - 520))
    weekday = (t + 4) % 7  # 2019-03-15 was a Friday: Monday = 0
    weekly = np.array([-3, 1, 2, 4, 7, -2, -9])[weekday]
    yearly = 22 * np.cos(2 * np.pi * t / 365.25 + 0.8) + 5 * np.sin(4 * np.pi * t / 365.25)
    noise = np.zeros(n)
    innovations = rng.normal(0, 6, n)
    for i in range(1, n):
        noise[i] = 0.35 * noise[i - 1] + innovations[i]
    y = trend + weekly + yearly + noise
    out = sys.stdout
    out.write("day,load_kwh\n")
    for d, v in zip(days, y):
        out.write(f"{d},{v:.3f}\n")


if __name__ == "__main__":
    main()
