#!/usr/bin/python3
"""Expected values for McpFlow's Holt-Winters tests, computed once with statsmodels (run from the repository root):

    /usr/bin/python3 tools/bench/pipelines/holt_winters_fixture.py > tools/bench/pipelines/holt_winters_fixture.json

Series: the first 240 months of examples/data/co2_monthly.csv (season 12). Two cases:
- "fixed": given weights and initial states (initialization_method="known", optimized=False): the one-step fitted
  values and a 1..24-step forecast, to check the recursions exactly.
- "fitted": statsmodels' own fit (initialization_method="estimated", its default SLSQP): weights, SSE and the
  1..24-step forecast, to check that McpFlow's fit reaches an SSE at least as low with similar forecasts.
The forecasts are the textbook ones (Hyndman et al. 2008, section 3.2) from statsmodels' final states,
l_n + h b_n + s_(n+h-m(k+1)) with k = (h-1) // m. statsmodels 0.13's own forecast() agrees except at h = m, 2m, ...,
where its _predict overwrites the latest seasonal state with the one a season older (both are written out).
Uses Debian's python3-statsmodels 0.13; tests never run Python.
"""
import json
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")


def textbook_forecast(result, y, m, steps):
    level, trend, season = result.level[-1], result.trend[-1], result.season
    n = len(y)
    return [float(level + h * trend + season[n - 1 + h - m * ((h - 1) // m + 1)]) for h in range(1, steps + 1)]


def main():
    y = pd.read_csv("examples/data/co2_monthly.csv")["co2_ppm"].to_numpy(dtype=float)[:240]
    m = 12
    season = [-0.1, 0.6, 1.2, 2.4, 2.9, 2.2, 0.6, -1.4, -3.1, -3.2, -1.9, -0.2]
    season = list(np.array(season) - np.mean(season))
    fixed = ExponentialSmoothing(y, trend="add", seasonal="add", seasonal_periods=m, initialization_method="known",
                                 initial_level=315.0, initial_trend=0.06, initial_seasonal=season).fit(
        smoothing_level=0.6, smoothing_trend=0.05, smoothing_seasonal=0.2, optimized=False)
    fitted = ExponentialSmoothing(y, trend="add", seasonal="add", seasonal_periods=m, initialization_method="estimated").fit()
    p = fitted.params
    print(json.dumps({
        "series": y.tolist(), "season": m,
        "fixed": {"alpha": 0.6, "beta": 0.05, "gamma": 0.2, "initial_level": 315.0, "initial_trend": 0.06, "initial_season": season,
                  "fitted_values": fixed.fittedvalues.tolist(), "forecast": textbook_forecast(fixed, y, m, 24),
                  "statsmodels_forecast": fixed.forecast(24).tolist(), "sse": float(fixed.sse)},
        "fitted": {"alpha": p["smoothing_level"], "beta": p["smoothing_trend"], "gamma": p["smoothing_seasonal"],
                   "sse": float(fitted.sse), "forecast": textbook_forecast(fitted, y, m, 24),
                   "statsmodels_forecast": fitted.forecast(24).tolist()},
    }, indent=1))


if __name__ == "__main__":
    main()
