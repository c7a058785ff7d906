"""Records ordinary PyTorch training-loss curves: the second curve kind (besides the PINN curves of CurveRecorder) that
the predict_convergence prior is fitted and measured on (tools/bench/physics/EtaBench, docs/benchmarks.md).

Five problem families on synthetic data (no downloads): MLP regression (Friedman #1), MLP classification (Gaussian
mixture), a small CNN on procedural 8x8 images, an MLP autoencoder (low-rank data), and linear/logistic models
(convex, ill-conditioned). Each family is trained under several optimisers, learning rates, schedules (constant, step
x0.5 at 50%/80%, cosine, exponential), widths, batch sizes and seeds. Each curve is written as
<out>/torch-<family>-<settings>.csv with "step,loss,seconds,lr": the minibatch loss every 10 steps (what a live run logs).

Usage (Debian's python3-torch, one thread): /usr/bin/python3 tools/bench/physics/torch_curves.py tools/bench/physics/curves-torch
"""
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)
OUT = sys.argv[1] if len(sys.argv) > 1 else "curves-torch"
os.makedirs(OUT, exist_ok=True)


def friedman(n, rng):
    x = rng.uniform(0, 1, (n, 10))
    y = 10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4] + rng.normal(0, 1, n)
    return torch.tensor(x, dtype=torch.float32), torch.tensor(((y - 14) / 5)[:, None], dtype=torch.float32)


def mixture(n, rng, classes=5, dim=8):
    centres = rng.normal(0, 1.5, (classes, dim))
    labels = rng.integers(0, classes, n)
    x = centres[labels] + rng.normal(0, 1.0, (n, dim))
    return torch.tensor(x, dtype=torch.float32), torch.tensor(labels, dtype=torch.long)


def images(n, rng):
    # 4 classes: horizontal bar, vertical bar, diagonal, blob; random position, noise
    x = np.zeros((n, 1, 8, 8))
    labels = rng.integers(0, 4, n)
    for i, c in enumerate(labels):
        p = rng.integers(1, 7)
        if c == 0:
            x[i, 0, p, :] = 1
        elif c == 1:
            x[i, 0, :, p] = 1
        elif c == 2:
            np.fill_diagonal(x[i, 0], 1)
        else:
            q = rng.integers(1, 6)
            x[i, 0, q:q + 3, p - 1:p + 2] = 1
    x += rng.normal(0, 0.6, x.shape)
    return torch.tensor(x, dtype=torch.float32), torch.tensor(labels, dtype=torch.long)


def lowrank(n, rng, dim=32, rank=4):
    z = rng.normal(0, 1, (n, rank)) @ rng.normal(0, 1, (rank, dim)) + rng.normal(0, 0.1, (n, dim))
    x = torch.tensor(z / z.std(), dtype=torch.float32)
    return x, x


def illconditioned(n, rng, dim=20, logistic=False):
    scales = np.logspace(0, -2, dim)
    x = rng.normal(0, 1, (n, dim)) * scales
    w = rng.normal(0, 1, dim) / scales
    s = x @ w
    if logistic:
        y = (s + rng.normal(0, 0.5, n) > 0).astype(np.float32)
        return torch.tensor(x, dtype=torch.float32), torch.tensor(y[:, None])
    return torch.tensor(x, dtype=torch.float32), torch.tensor((s / s.std() + rng.normal(0, 0.05, n))[:, None], dtype=torch.float32)


def mlp(inp, width, depth, out, act=nn.Tanh):
    layers, d = [], inp
    for _ in range(depth):
        layers += [nn.Linear(d, width), act()]
        d = width
    layers.append(nn.Linear(d, out))
    return nn.Sequential(*layers)


def cnn(width):
    return nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.Conv2d(width, width, 3, padding=1), nn.ReLU(),
                         nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(4 * width, 4))


def schedule(kind, steps):
    if kind == "const":
        return lambda i: 1.0
    if kind == "step":  # the PINN trainer's schedule: x0.5 at 50%, x0.25 from 80%
        return lambda i: 0.25 if i >= 0.8 * steps else 0.5 if i >= 0.5 * steps else 1.0
    if kind == "cosine":
        return lambda i: 0.5 * (1 + math.cos(math.pi * i / steps))
    if kind == "exp":
        return lambda i: 0.1 ** (i / steps)
    raise ValueError(kind)


def train(name, data, model, loss_fn, opt, lr, sched, steps, batch, seed):
    path = os.path.join(OUT, f"torch-{name}.csv")
    if os.path.exists(path):
        return
    torch.manual_seed(seed)
    x, y = data
    optimiser = torch.optim.Adam(model.parameters(), lr=lr) if opt == "adam" else torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    factor = schedule(sched, steps)
    g = torch.Generator().manual_seed(seed)
    rows, start = [], time.perf_counter()
    for i in range(steps):
        for group in optimiser.param_groups:
            group["lr"] = lr * factor(i)
        idx = torch.randint(0, x.shape[0], (batch,), generator=g) if batch < x.shape[0] else slice(None)
        optimiser.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        optimiser.step()
        if i % 10 == 0 or i == steps - 1:
            rows.append(f"{i},{loss.item()!r},{time.perf_counter() - start:.3f},{lr * factor(i)!r}")
    with open(path, "w") as f:
        f.write("step,loss,seconds,lr\n" + "\n".join(rows) + "\n")
    print(f"{name}: {len(rows)} records in {time.perf_counter() - start:.1f} s", flush=True)


mse, ce, bce = nn.MSELoss(), nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss()
settings = [  # (optimiser, lr, schedule, width, batch, seed)
    ("adam", 1e-3, "const", 32, 64, 1), ("adam", 3e-3, "step", 32, 128, 2), ("adam", 3e-4, "cosine", 64, 64, 3),
    ("adam", 1e-2, "exp", 16, 256, 4), ("sgd", 1e-2, "const", 32, 64, 5), ("sgd", 3e-2, "step", 64, 128, 6),
    ("sgd", 3e-3, "cosine", 32, 32, 7), ("adam", 1e-3, "step", 16, 32, 8), ("sgd", 1e-1, "exp", 16, 256, 9),
    ("adam", 3e-3, "const", 64, 512, 10),
]
for opt, lr, sched, width, batch, seed in settings:
    rng = np.random.default_rng(seed)
    tag = f"{opt}-lr{lr:g}-{sched}-w{width}-b{batch}"
    steps = 1500 if seed % 2 else 2000
    torch.manual_seed(seed)
    train(f"regression-{tag}", friedman(2000, rng), mlp(10, width, 2, 1), mse, opt, lr, sched, steps, batch, seed)
    torch.manual_seed(seed)
    train(f"classification-{tag}", mixture(2000, rng), mlp(8, width, 2, 5, nn.ReLU), ce, opt, lr, sched, steps, batch, seed)
    torch.manual_seed(seed)
    train(f"cnn-{tag}", images(1000, rng), cnn(max(4, width // 8)), ce, opt, lr, sched, 1000 if seed % 2 else 1200, min(batch, 64), seed)
    torch.manual_seed(seed)
    train(f"autoencoder-{tag}", lowrank(2000, rng), nn.Sequential(mlp(32, width, 1, 4, nn.ReLU), mlp(4, width, 1, 32, nn.ReLU)),
          mse, opt, lr, sched, steps, batch, seed)
    torch.manual_seed(seed)
    logistic = seed % 2 == 0
    train(f"linear-{tag}", illconditioned(2000, rng, logistic=logistic), nn.Linear(20, 1), bce if logistic else mse, opt, lr, sched, steps, batch,
          seed)
