#!/usr/bin/python3
"""Writes the pipeline example datasets to examples/data (run from the repository root):

    /usr/bin/python3 tools/bench/pipelines/make_datasets.py

Needs Debian's python3-sklearn, python3-statsmodels and python3-pandas (apt-get install -y ...).
Only for regenerating the committed CSVs; neither the server nor the tests need Python.
"""
import os

import numpy as np
import pandas as pd
from sklearn import datasets
from statsmodels.datasets import co2

OUT = os.path.join("examples", "data")


def sklearn_frame(loader, target_name):
    bunch = loader(as_frame=True)
    frame = bunch.frame.copy()
    frame.columns = [c.replace(" ", "_").replace("(", "").replace(")", "").replace("/", "_") for c in frame.columns]
    frame = frame.rename(columns={"target": target_name})
    return frame


def wind_power(hours=24 * 60, seed=7):
    """Synthetic hourly wind farm output (MW): a daily wind cycle (stronger in the afternoon) plus an AR(1)
    weather process, passed through a turbine power curve (cut-in 3 m/s, rated 12 m/s, cut-out 25 m/s, 50 MW)."""
    rng = np.random.default_rng(seed)
    t = np.arange(hours)
    weather = np.zeros(hours)
    for i in range(1, hours):
        weather[i] = 0.97 * weather[i - 1] + rng.normal(0, 0.45)
    speed = np.clip(7.5 + 2.5 * np.sin(2 * np.pi * (t - 9) / 24) + weather, 0, None)
    curve = np.clip((speed ** 3 - 3 ** 3) / (12 ** 3 - 3 ** 3), 0, 1)
    power = np.where(speed > 25, 0, 50 * curve)
    stamps = pd.date_range("2024-03-01", periods=hours, freq="h")
    return pd.DataFrame({"timestamp": stamps.strftime("%Y-%m-%d %H:%M:%S"), "wind_speed_ms": speed.round(2), "power_mw": power.round(3)})


def main():
    os.makedirs(OUT, exist_ok=True)
    sklearn_frame(datasets.load_iris, "species").assign(
        species=lambda f: f["species"].map(dict(enumerate(["setosa", "versicolor", "virginica"])))).to_csv(os.path.join(OUT, "iris.csv"), index=False)
    sklearn_frame(datasets.load_wine, "cultivar").to_csv(os.path.join(OUT, "wine.csv"), index=False, float_format="%.6g")
    sklearn_frame(datasets.load_breast_cancer, "malignant").assign(malignant=lambda f: 1 - f["malignant"]).to_csv(
        os.path.join(OUT, "breast_cancer.csv"), index=False, float_format="%.6g")
    sklearn_frame(datasets.load_diabetes, "progression").to_csv(os.path.join(OUT, "diabetes.csv"), index=False, float_format="%.6g")
    monthly = co2.load_pandas().data["co2"].resample("MS").mean().interpolate()
    pd.DataFrame({"month": monthly.index.strftime("%Y-%m-%d"), "co2_ppm": monthly.values.round(3)}).to_csv(os.path.join(OUT, "co2_monthly.csv"), index=False)
    wind_power().to_csv(os.path.join(OUT, "wind_power.csv"), index=False)


if __name__ == "__main__":
    main()
