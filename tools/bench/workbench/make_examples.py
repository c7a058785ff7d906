#!/usr/bin/env python3
"""Generates the workbench walkthrough's example files in examples/data/workbench/ (Python standard library only).

A synthetic regression data set y = 3*x1 - 2*x2 + 0.5*x3 + noise (seed 7, 160 rows: 120 train, 40 holdout) is fitted
by ridge regression (closed form, intercept not penalised) for alpha = 1, 10 and 100. For each alpha the script
writes the holdout predictions (CSV), a predicted-vs-actual scatter plot (PNG, drawn pixel by pixel), and one row of
holdout metrics (RMSE, MAE, R2) in ridge_sweep_metrics.csv. Run: python3 tools/bench/workbench/make_examples.py
"""
import math
import random
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "examples" / "data" / "workbench"
OUT.mkdir(parents=True, exist_ok=True)
rng = random.Random(7)
rows = []
for _ in range(160):
    x = [rng.gauss(0, 1) for _ in range(3)]
    y = 3 * x[0] - 2 * x[1] + 0.5 * x[2] + rng.gauss(0, 1.0)
    rows.append((x, y))
train, holdout = rows[:120], rows[120:]

with open(OUT / "train.csv", "w") as f:
    f.write("x1,x2,x3,y\n")
    for x, y in rows:
        f.write(f"{x[0]:.6f},{x[1]:.6f},{x[2]:.6f},{y:.6f}\n")


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [vr - f * vc for vr, vc in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def ridge(alpha):
    xs = [[1.0] + x for x, _ in train]
    ys = [y for _, y in train]
    k = len(xs[0])
    a = [[sum(r[i] * r[j] for r in xs) + (alpha if i == j and i > 0 else 0.0) for j in range(k)] for i in range(k)]
    b = [sum(r[i] * y for r, y in zip(xs, ys)) for i in range(k)]
    return solve(a, b)


def png(path, points, lo, hi, width=320, height=240):
    pixels = [[(255, 255, 255)] * width for _ in range(height)]
    margin = 20

    def to_px(v, size):
        return int(margin + (v - lo) / (hi - lo) * (size - 2 * margin))

    for i in range(margin, width - margin):  # x axis
        pixels[height - margin][i] = (0, 0, 0)
    for j in range(margin, height - margin + 1):  # y axis
        pixels[j][margin] = (0, 0, 0)
    for t in range(400):  # the y = y_hat diagonal
        v = lo + (hi - lo) * t / 399
        px, py = to_px(v, width), height - to_px(v, height)
        if 0 <= py < height and 0 <= px < width:
            pixels[py][px] = (160, 160, 160)
    for actual, predicted in points:
        px, py = to_px(actual, width), height - to_px(predicted, height)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if 0 <= py + dy < height and 0 <= px + dx < width:
                    pixels[py + dy][px + dx] = (31, 119, 180)
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


with open(OUT / "ridge_sweep_metrics.csv", "w") as metrics:
    metrics.write("alpha,rmse,mae,r2\n")
    for alpha in (1, 10, 100):
        w = ridge(alpha)
        pred = [(y, w[0] + sum(wi * xi for wi, xi in zip(w[1:], x))) for x, y in holdout]
        errors = [p - y for y, p in pred]
        rmse = math.sqrt(sum(e * e for e in errors) / len(errors))
        mae = sum(abs(e) for e in errors) / len(errors)
        mean = sum(y for y, _ in pred) / len(pred)
        r2 = 1 - sum(e * e for e in errors) / sum((y - mean) ** 2 for y, _ in pred)
        metrics.write(f"{alpha},{rmse:.6f},{mae:.6f},{r2:.6f}\n")
        with open(OUT / f"ridge_alpha_{alpha}.csv", "w") as f:
            f.write("y,y_hat\n")
            for y, p in pred:
                f.write(f"{y:.6f},{p:.6f}\n")
        png(OUT / f"ridge_alpha_{alpha}.png", pred, -10, 10)
        print(f"alpha={alpha}: rmse={rmse:.6f} mae={mae:.6f} r2={r2:.6f}")
