#!/usr/bin/env python3
"""Generates examples/data/customers.csv deterministically (Python standard library only, seed 20261123).

10,000 rows, 8 columns: customer_id, signup_date, customer_age (18-78), region, membership, visits_per_month,
purchase_amount (log-normal: strongly right-skewed, skewness about 3), satisfaction (1-5).
About 1% of purchase_amount and 3% of satisfaction are missing; 40 rows repeat earlier rows exactly.

Usage: python3 tools/bench/data/generate_customers.py [output path]
"""
import math
import random
import sys
from datetime import date, timedelta

ROWS = 10_000
DUPLICATES = 40
SEED = 20261123


def main(path: str) -> None:
    rng = random.Random(SEED)
    regions = ["North", "South", "East", "West", "Central"]
    region_weights = [0.28, 0.22, 0.2, 0.18, 0.12]
    tiers = ["bronze", "silver", "gold", "platinum"]
    tier_weights = [0.55, 0.28, 0.13, 0.04]
    rows = []
    for i in range(ROWS - DUPLICATES):
        age = 18 + min(60, max(0, int(rng.gauss(27, 13)))) if i > 1 else (18 if i == 0 else 78)
        signup = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
        tier = rng.choices(tiers, tier_weights)[0]
        visits = max(0, int(round(rng.gammavariate(2.0, 2.0))))
        amount = round(math.exp(rng.gauss(4.0, 0.75)) * (1.0 + 0.15 * tiers.index(tier)), 2)
        satisfaction = min(5, max(1, int(round(rng.gauss(3.8, 0.9)))))
        rows.append([
            f"C{i + 1:05d}", signup.isoformat(), str(age), rng.choices(regions, region_weights)[0], tier, str(visits),
            "" if rng.random() < 0.01 else f"{amount:.2f}",
            "" if rng.random() < 0.03 else str(satisfaction),
        ])
    for _ in range(DUPLICATES):
        rows.insert(rng.randrange(0, len(rows)), list(rows[rng.randrange(0, len(rows))]))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("customer_id,signup_date,customer_age,region,membership,visits_per_month,purchase_amount,satisfaction\n")
        for row in rows:
            out.write(",".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/data/customers.csv")
