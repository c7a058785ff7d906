"""Expected permutation importances for PermutationImportanceTests (run: /usr/bin/python3 pfi_sklearn.py > pfi-sklearn.json).

Needs Debian's python3-sklearn (1.2) and python3-numpy. Rebuilds the test's table from its closed form (the same SQL
expressions in double precision), takes the fold of each row from pfi-folds.txt (written from McpFlow's own split and
checked by the test), fits scikit-learn's LinearRegression (ordinary least squares, the family of McpFlow's "ols") on
each fold's training rows and runs sklearn.inspection.permutation_importance on its test rows with RMSE
(neg_root_mean_squared_error: importance = permuted RMSE - baseline RMSE), n_repeats=5, random_state=fold. The 25
samples per feature (5 folds x 5 repeats) are pooled: mean and population standard deviation, as McpFlow reports them.
"""
import json
import math
import os

import numpy as np
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LinearRegression

here = os.path.dirname(os.path.abspath(__file__))
i = np.arange(300, dtype=float)
X = np.column_stack([np.sin(i * 1.3), np.cos(i * 0.7), np.sin(i * 0.37 + 1), np.cos(i * 2.9)])
y = 3 * np.sin(i * 1.3) - 2 * np.cos(i * 0.7) + 0.5 * np.sin(i * 0.37 + 1) + 0.3 * np.sin(i * 7.1)
folds = np.array([int(line) for line in open(os.path.join(here, "pfi-folds.txt"))])
samples = [[] for _ in range(X.shape[1])]
for k in sorted(set(folds)):
    train, test = folds != k, folds == k
    model = LinearRegression().fit(X[train], y[train])
    r = permutation_importance(model, X[test], y[test], scoring="neg_root_mean_squared_error", n_repeats=5, random_state=int(k))
    for j in range(X.shape[1]):
        samples[j].extend(r.importances[j])
out = {f"x{j + 1}": {"mean": float(np.mean(s)), "std": float(np.std(s))} for j, s in enumerate(samples)}
print(json.dumps(out, indent=2))
