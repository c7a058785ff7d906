#!/usr/bin/env python3
"""Peer for the profiling benchmark: pandas computing describe + skew + kurtosis + correlations (Pearson and Spearman)
on the same CSV. Usage: /usr/bin/python3 tools/bench/data/pandas_profile.py file.csv"""
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
numeric = frame.select_dtypes("number")
frame.describe(include="all")
numeric.skew()
numeric.kurt()
numeric.corr(method="pearson")
numeric.corr(method="spearman")
elapsed = time.perf_counter() - start
print(f"RESULT pandas_describe_skew_kurt_corr seconds={elapsed:.2f} rows={len(frame)} peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}")
