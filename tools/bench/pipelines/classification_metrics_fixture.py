#!/usr/bin/python3
"""Expected values for McpFlow's classification metric tests, computed once with scikit-learn (run from the
repository root):

    /usr/bin/python3 tools/bench/pipelines/classification_metrics_fixture.py > tools/bench/pipelines/classification_metrics_fixture.json

Cases (all generated here with a fixed seed, written out in full so the test needs no Python):
- "imbalanced_binary": 400 rows with 4% positives, scores rounded to 2 decimals (so there are ties) and predictions
  at threshold 0.5: accuracy, balanced accuracy, ROC AUC, average precision (PR-AUC), precision, recall, F1 of
  class 1, Cohen's kappa and MCC, and the MCC of every candidate threshold (predict 1 when score >= t).
- "multiclass": 300 rows of 3 classes (60%, 30%, 10%), per-class scores: the macro one-vs-rest average precision
  and ROC AUC, macro precision/recall/F1, balanced accuracy, kappa and MCC (scikit-learn's multiclass MCC is
  Gorodkin's R_K).
Uses Debian's python3-sklearn (1.2); tests never run Python.
"""
import json

import numpy as np
from sklearn import metrics
from sklearn.preprocessing import label_binarize


def binary_case(rng):
    n = 400
    y = np.zeros(n, dtype=int)
    y[rng.choice(n, size=16, replace=False)] = 1  # 4% positives
    # Positives score higher on average, with heavy overlap; rounding to 0.01 creates ties.
    scores = np.clip(np.where(y == 1, rng.normal(0.45, 0.2, n), rng.normal(0.2, 0.15, n)), 0, 1).round(2)
    predicted = (scores >= 0.5).astype(int)
    thresholds = sorted(set(scores.tolist()), reverse=True)
    return {
        "actual": y.tolist(), "scores": scores.tolist(), "predicted": predicted.tolist(),
        "accuracy": metrics.accuracy_score(y, predicted),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, predicted),
        "auc": metrics.roc_auc_score(y, scores),
        "average_precision": metrics.average_precision_score(y, scores),
        "precision": metrics.precision_score(y, predicted, zero_division=0),
        "recall": metrics.recall_score(y, predicted),
        "f1": metrics.f1_score(y, predicted),
        "kappa": metrics.cohen_kappa_score(y, predicted),
        "mcc": metrics.matthews_corrcoef(y, predicted),
        "mcc_by_threshold": [[t, metrics.matthews_corrcoef(y, (scores >= t).astype(int))] for t in thresholds],
    }


def multiclass_case(rng):
    n = 300
    y = rng.choice(3, size=n, p=[0.6, 0.3, 0.1])
    raw = rng.normal(0, 1, (n, 3))
    raw[np.arange(n), y] += 1.2
    scores = np.exp(raw) / np.exp(raw).sum(axis=1, keepdims=True)
    predicted = scores.argmax(axis=1)
    onehot = label_binarize(y, classes=[0, 1, 2])
    return {
        "actual": y.tolist(), "scores": scores.round(6).tolist(), "predicted": predicted.tolist(),
        "accuracy": metrics.accuracy_score(y, predicted),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, predicted),
        "auc": metrics.roc_auc_score(onehot, scores.round(6), average="macro"),
        "average_precision": metrics.average_precision_score(onehot, scores.round(6), average="macro"),
        "precision": metrics.precision_score(y, predicted, average="macro", zero_division=0),
        "recall": metrics.recall_score(y, predicted, average="macro"),
        "f1": metrics.f1_score(y, predicted, average="macro"),
        "kappa": metrics.cohen_kappa_score(y, predicted),
        "mcc": metrics.matthews_corrcoef(y, predicted),
    }


def main():
    rng = np.random.default_rng(20261214)
    fixture = {"sklearn": __import__("sklearn").__version__, "imbalanced_binary": binary_case(rng), "multiclass": multiclass_case(rng)}
    print(json.dumps(fixture, indent=1))


if __name__ == "__main__":
    main()
