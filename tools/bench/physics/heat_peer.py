"""PyTorch peer for HeatBench: the analyzer's full plan for 1D heat, written as a plain PyTorch loop.

u_t = u_xx on [0, 1] x [0, 1], u(x, 0) = sin(pi x), u = 0 at x = 0 and 1; exact e^(-pi^2 t) sin(pi x).
Same as McpFlow's trainer: an MLP 4x32 with inputs scaled to [-1, 1], tanh, Xavier-normal weights, zero biases; hard
boundary conditions u = D(x) N(x, t) with D = x(1 - x)/0.25; 2000 interior points and 400 initial points (uniform);
RAD resampling every 500 Adam steps (4n candidates, density |R|/mean|R| + 1, multinomial without replacement);
gradient-norm loss weights every 100 steps, clamped to [1, 1000] and averaged geometrically (0.9); Adam at 1e-3 for
5000 steps with the rate halved at 50% and 80%; then 300 iterations of torch.optim.LBFGS with
line_search_fn="strong_wolfe", history 50, tolerance_grad 1e-12, tolerance_change 1e-15 (one step() per iteration).
Prints one JSON line. CPU, 2 threads. Usage: /usr/bin/python3 tools/bench/physics/heat_peer.py [seed]
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(2)
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 1234
torch.manual_seed(SEED)
gen = torch.Generator().manual_seed(SEED)
N, N0, ADAM, LBFGS, RESAMPLE, LR = 2000, 400, 5000, 300, 500, 1e-3


class Mlp(torch.nn.Module):
    def __init__(self, depth, width):
        super().__init__()
        sizes = [2] + [width] * depth + [1]
        self.layers = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        for layer in self.layers:
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)

    def forward(self, x):
        h = (x - 0.5) / 0.5
        for layer in self.layers[:-1]:
            h = torch.tanh(layer(h))
        return self.layers[-1](h).squeeze(-1)


net = Mlp(4, 32)


def u(p):
    x = p[:, 0]
    return (x * (1 - x) / 0.25) * net(p)


def residual(p):
    v = u(p)
    g = torch.autograd.grad(v, p, torch.ones_like(v), create_graph=True)[0]
    uxx = torch.autograd.grad(g[:, 0], p, torch.ones_like(v), create_graph=True)[0][:, 0]
    return g[:, 1] - uxx


interior = torch.rand(N, 2, generator=gen).requires_grad_(True)
initial = torch.stack([torch.rand(N0, generator=gen), torch.zeros(N0)], 1)
weights = {"residual": 1.0, "initial": 1.0}


def terms():
    return {"residual": (residual(interior) ** 2).mean(),
            "initial": ((u(initial) - torch.sin(math.pi * initial[:, 0])) ** 2).mean()}


def total(t):
    return sum(weights[k] * v for k, v in t.items())


def resample():
    global interior
    candidates = torch.rand(4 * N, 2, generator=gen)
    r = torch.cat([residual(c.clone().requires_grad_(True)).detach().abs() for c in candidates.split(N)])
    density = r / (r.mean() + 1e-12) + 1
    interior = candidates[torch.multinomial(density, N, replacement=False, generator=gen)].clone().requires_grad_(True)


def rebalance(t):
    params = list(net.parameters())
    norms = {}
    for k, v in t.items():
        grads = torch.autograd.grad(v, params, retain_graph=True, allow_unused=True)
        norms[k] = math.sqrt(sum(float((g ** 2).sum()) for g in grads if g is not None))
    s = sum(norms.values())
    for k, n in norms.items():
        if n > 0 and math.isfinite(n):
            target = min(max(s / n, 1.0), 1000.0)
            weights[k] = math.exp(0.9 * math.log(weights[k]) + 0.1 * math.log(target))


start = time.perf_counter()
adam = torch.optim.Adam(net.parameters(), lr=LR)
for i in range(ADAM):
    for group in adam.param_groups:
        group["lr"] = LR * (0.25 if i >= 0.8 * ADAM else 0.5 if i >= 0.5 * ADAM else 1)
    if i > 0 and i % RESAMPLE == 0:
        resample()
    t = terms()
    if i % 100 == 0:
        rebalance(t)
    adam.zero_grad()
    loss = total(t)
    loss.backward()
    adam.step()
adam_end = float(total(terms()))

lbfgs = torch.optim.LBFGS(net.parameters(), lr=1, max_iter=1, history_size=50, tolerance_grad=1e-12, tolerance_change=1e-15,
                          line_search_fn="strong_wolfe")


def closure():
    lbfgs.zero_grad()
    value = total(terms())
    value.backward()
    return value


for _ in range(LBFGS):
    lbfgs.step(closure)
final = float(total(terms()))
seconds = time.perf_counter() - start

grid = torch.tensor([[i / 100, k / 100] for i in range(101) for k in range(101)], dtype=torch.float32)
with torch.no_grad():
    pred = u(grid)
exact = torch.exp(-math.pi ** 2 * grid[:, 1]) * torch.sin(math.pi * grid[:, 0])
l2 = float(torch.sqrt(((pred - exact) ** 2).sum() / (exact ** 2).sum()))
print(json.dumps({"side": "pytorch", "seed": SEED, "adam_end_loss": float(f"{adam_end:.3g}"), "final_loss": float(f"{final:.3g}"),
                  "relative_l2": float(f"{l2:.3g}"), "seconds": round(seconds, 1)}), flush=True)
