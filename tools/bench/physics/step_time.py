"""PyTorch peer for StepTimeBench: the same PINN steps, written as a plain PyTorch loop.

Same as McpFlow's trainer with adaptive weights and resampling off: an MLP with inputs scaled to [-1, 1], tanh,
Xavier-normal weights and zero biases; the residual from autograd second derivatives; Adam; the same point counts.
Prints one JSON line per case: {"case", "ms_per_step", "steps"}. CPU, 2 threads (torch.set_num_threads(2)).
Usage: /usr/bin/python3 tools/bench/physics/step_time.py [steps]   (needs apt-get install -y python3-torch)
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(2)
torch.manual_seed(1234)
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
WARMUP = 30


class Mlp(torch.nn.Module):
    def __init__(self, ranges, depth, width):
        super().__init__()
        sizes = [len(ranges)] + [width] * depth + [1]
        self.layers = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        for layer in self.layers:
            torch.nn.init.xavier_normal_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
        self.center = torch.tensor([(a + b) / 2 for a, b in ranges])
        self.half = torch.tensor([(b - a) / 2 for a, b in ranges])

    def forward(self, x):
        h = (x - self.center) / self.half
        for layer in self.layers[:-1]:
            h = torch.tanh(layer(h))
        return self.layers[-1](h).squeeze(-1)


def d(y, x):
    return torch.autograd.grad(y, x, torch.ones_like(y), create_graph=True)[0]


def poisson_case():
    """2D Poisson -Δu = 2π² sin(πx) sin(πy) on the unit square, hard Dirichlet u = D(x)·N(x); 3×32, 2000 points."""
    net = Mlp([(0, 1), (0, 1)], 3, 32)
    pts = torch.rand(2000, 2).requires_grad_(True)

    def loss():
        x, y = pts[:, 0], pts[:, 1]
        dist = (x * (1 - x) / 0.25) * (y * (1 - y) / 0.25)
        u = dist * net(pts)
        g = d(u, pts)
        uxx = d(g[:, 0], pts)[:, 0]
        uyy = d(g[:, 1], pts)[:, 1]
        f = 2 * math.pi ** 2 * torch.sin(math.pi * x) * torch.sin(math.pi * y)
        return ((-(uxx + uyy) - f) ** 2).mean()

    return net, loss


def burgers_case():
    """Burgers u_t + u u_x = ν u_xx, ν = 0.01/π, on [-1,1]×[0,1]; soft boundary (200 points per face) and initial
    (400 points) terms; 4×64, 5000 points (the analyzer's Burgers plan)."""
    nu = 0.01 / math.pi
    net = Mlp([(-1, 1), (0, 1)], 4, 64)
    pts = torch.stack([torch.rand(5000) * 2 - 1, torch.rand(5000)], 1).requires_grad_(True)
    low = torch.stack([torch.full((200,), -1.0), torch.rand(200)], 1)
    high = torch.stack([torch.full((200,), 1.0), torch.rand(200)], 1)
    init = torch.stack([torch.rand(400) * 2 - 1, torch.zeros(400)], 1)

    def loss():
        u = net(pts)
        g = d(u, pts)
        ux, ut = g[:, 0], g[:, 1]
        uxx = d(ux, pts)[:, 0]
        residual = ((ut + u * ux - nu * uxx) ** 2).mean()
        boundary = (net(low) ** 2).mean() + (net(high) ** 2).mean()
        initial = ((net(init) + torch.sin(math.pi * init[:, 0])) ** 2).mean()
        return residual + boundary + initial

    return net, loss


for name, case in [("poisson2d-3x32-2000pts", poisson_case), ("burgers-4x64-5000pts", burgers_case)]:
    net, loss = case()
    adam = torch.optim.Adam(net.parameters(), lr=1e-3)
    for i in range(WARMUP + STEPS):
        if i == WARMUP:
            start = time.perf_counter()
        adam.zero_grad()
        value = loss()
        value.backward()
        adam.step()
    ms = 1000 * (time.perf_counter() - start) / STEPS
    print(json.dumps({"case": name, "ms_per_step": round(ms, 2), "steps": STEPS, "final_loss": value.item()}), flush=True)
