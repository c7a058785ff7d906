"""Reference OLS coefficients for tests/McpFlow.Pipelines.Tests/Models/LeastSquaresTests.cs (numpy lstsq).

The data are built exactly as in the test: for i = 0..59, a = sin(1.3 i), b = cos(0.7 i), c = i / 60, features
rounded to float32 (the pipeline's feature matrix is float), y = 1 + 2a - 0.5b + 3c + 0.1 sin(7.1 i) in float64.
Run: /usr/bin/python3 tools/bench/pipelines/ols_reference.py > tools/bench/pipelines/out/ols_reference.json
"""
import json

import numpy as np

i = np.arange(60, dtype=np.float64)
a = np.sin(1.3 * i).astype(np.float32).astype(np.float64)
b = np.cos(0.7 * i).astype(np.float32).astype(np.float64)
c = (i / 60).astype(np.float32).astype(np.float64)
y = 1 + 2 * np.sin(1.3 * i) - 0.5 * np.cos(0.7 * i) + 3 * (i / 60) + 0.1 * np.sin(7.1 * i)
design = np.column_stack([np.ones_like(i), a, b, c])
beta, *_ = np.linalg.lstsq(design, y, rcond=None)
print(json.dumps({"numpy": np.__version__, "intercept": repr(beta[0]), "coefficients": [repr(v) for v in beta[1:]]}, indent=2))
