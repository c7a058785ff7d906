"""False-positive rates of the series detectors' defaults on Gaussian noise (documents the constants in
src/McpFlow.Pipelines/Series/SpikeDetector.cs and ChangePointDetector.cs).

Spikes: robust z = (x_t - median) / (1.4826 MAD) over the W values before t; flagged when |z| >= c. Reported per
1000 values. Change points: the largest likelihood-ratio statistic of a single change in mean (known-variance normal
cost, sigma = 1.4826 MAD(diff) / sqrt(2)), which PELT compares with the penalty: the share of pure-noise series in
which it exceeds 2 log n (BIC) and 3 log n (the MBIC term used). Seeded; run:
/usr/bin/python3 tools/bench/pipelines/series_false_positives.py > tools/bench/pipelines/out/series_false_positives.txt
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

rng = np.random.default_rng(1)
print("spikes: window threshold false_positives_per_1000")
for window in (30, 50, 100):
    x = rng.standard_normal(200_000)
    win = sliding_window_view(x[:-1], window)
    med = np.median(win, axis=1)
    sigma = 1.4826 * np.median(np.abs(win - med[:, None]), axis=1)
    z = (x[window:] - med) / sigma
    for c in (3.5, 4.0, 4.5, 5.0):
        print(f"{window} {c} {(np.abs(z) >= c).mean() * 1000:.3f}")


def max_lr(x, sigma, min_segment=5):
    n = len(x)
    c = np.cumsum(x)
    k = np.arange(min_segment, n - min_segment + 1)
    m1 = c[k - 1] / k
    m2 = (c[-1] - c[k - 1]) / (n - k)
    return (k * (n - k) / n * (m1 - m2) ** 2 / sigma**2).max()


rng = np.random.default_rng(7)
print("change points: n share_above_2logn share_above_3logn (2000 series each)")
for n in (200, 500, 2000):
    stats = []
    for _ in range(2000):
        x = rng.standard_normal(n)
        d = np.diff(x)
        sigma = 1.4826 * np.median(np.abs(d - np.median(d))) / np.sqrt(2)
        stats.append(max_lr(x, sigma))
    stats = np.array(stats)
    print(f"{n} {(stats > 2 * np.log(n)).mean():.4f} {(stats > 3 * np.log(n)).mean():.4f}")
