"""Peers for the hyperparameter-suggestion benchmark: random search and Optuna's TPE (Debian python3-optuna),
same functions, budget (30 evaluations) and seeds (0-19) as Program.cs. Prints median final regret per function.
Usage: /usr/bin/python3 tools/bench/experiments/peers.py [seeds] [budget]"""
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


A = [1.0, 1.2, 3.0, 3.2]
AM = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991], [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def hartmann6(x):
    return -sum(A[i] * math.exp(-sum(AM[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))) for i in range(4))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def ackley(x):
    d = len(x)
    return -20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / d)) - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / d) + 20 + math.e


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    s = math.sin(math.pi * w[0]) ** 2
    for i in range(len(w) - 1):
        s += (w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2)
    return s + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


def camel(x):
    return (4 - 2.1 * x[0] ** 2 + x[0] ** 4 / 3) * x[0] ** 2 + x[0] * x[1] + (-4 + 4 * x[1] ** 2) * x[1] ** 2


FUNCTIONS = [
    ("branin", [-5, 0], [10, 15], 0.397887, branin),
    ("hartmann6", [0] * 6, [1] * 6, -3.32237, hartmann6),
    ("rosenbrock4", [-5] * 4, [10] * 4, 0.0, rosenbrock),
    ("ackley5", [-32.768] * 5, [32.768] * 5, 0.0, ackley),
    ("levy5", [-10] * 5, [10] * 5, 0.0, levy),
    ("sixhumpcamel", [-3, -2], [3, 2], -1.0316284535, camel),
]


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    budget = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    for name, low, high, fmin, f in FUNCTIONS:
        rnd, tpe = [], []
        for seed in range(seeds):
            rng = np.random.RandomState(seed)
            rnd.append(min(f(list(rng.uniform(low, high))) for _ in range(budget)) - fmin)
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(lambda t: f([t.suggest_float(f"x{i}", low[i], high[i]) for i in range(len(low))]), n_trials=budget)
            tpe.append(study.best_value - fmin)
        print(f"random {name} median_regret {np.median(rnd):.4g}")
        print(f"optuna_tpe {name} median_regret {np.median(tpe):.4g}")


if __name__ == "__main__":
    main()
