#!/usr/bin/env python3
"""Checks McpFlow against real MLflow (see README.md next to this file).

forward: McpFlow writes a local store (pipeline_train, mlflow_log_run, the registry tools); MLflow's own
         MlflowClient reads it back and every value must match what McpFlow was given.
reverse: MLflow writes a store (runs with params/metrics/tags, Unicode names, a deleted run, nested runs, a RUNNING and
         a FAILED run, registered models with aliases/stages/tags); McpFlow's tools must read it right.
sqlite:  the same runs written by MLflow into a SQLite database; McpFlow's read-only SQLite backend must read them alike.
rest:    an MLflow tracking server started from the same source; McpFlow talks to it over MLflow's REST API and
         MlflowClient reads what it wrote (and a failed log must leave the run FAILED).

Run with Debian's python3 and MLflow's source on PYTHONPATH, e.g.
    PYTHONPATH=/tmp/mlflow-src /usr/bin/python3 tools/mlflow-check/check.py all
The last line is "N passed, N failed"; the exit code is 1 when anything failed.
"""

import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(REPO, "src", "McpFlow.Server", "bin", "Release", "net10.0", "McpFlow.Server.dll")

import mlflow  # noqa: E402  (from PYTHONPATH)
from mlflow.entities import Metric, Param, RunTag  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

PASSED, FAILED = [], []


def check(name, ok, detail=""):
    (PASSED if ok else FAILED).append(name)
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f"  -- {detail}"), flush=True)
    return ok


def same(name, actual, expected):
    return check(name, actual == expected, f"got {actual!r}, expected {expected!r}")


class Mcp:
    """A minimal MCP client over stdio (newline-delimited JSON-RPC), for the real McpFlow server."""

    def __init__(self, workspace, allow_root, mlflow_uri=None):
        args = ["dotnet", DLL, "--workspace", workspace, "--allow-root", allow_root, "--log-level", "Warning"]
        if mlflow_uri:
            args += ["--mlflow-uri", mlflow_uri]
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
        self.stderr = open(os.path.join(workspace + "-stderr.log"), "w")
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, env=env, text=True, encoding="utf-8")
        self.next_id = 0
        self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "mlflow-check", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message):
        self.proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"McpFlow closed its output (see {self.stderr.name})")
            message = json.loads(line)
            if message.get("id") == self.next_id and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def call(self, tool, args=None, ok=True):
        result = self.request("tools/call", {"name": tool, "arguments": args or {}})
        text = "\n".join(c.get("text", "") for c in result.get("content", []) if c.get("type") == "text")
        if ok and result.get("isError"):
            raise RuntimeError(f"{tool} failed: {text}")
        return result.get("structuredContent"), text, bool(result.get("isError"))

    def call_until_finished(self, tool, args):
        s, text, _ = self.call(tool, args)
        while s and isinstance(s.get("job"), dict) and s["job"].get("state") in ("queued", "running"):
            s, text, _ = self.call("job_status", {"job_id": s["job"]["id"], "wait_seconds": 45})
        return s, text

    def close(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.stderr.close()


# What McpFlow is asked to log in the forward and REST checks (the expected values are these literals).
RUNS = [
    {"run_name": "lr 0.01", "params": {"batch size": "32", "lr": "0.01", "optimizer": "adam"},
     "metrics": {"val_loss": [0.9, 0.5, 0.31], "précision": 0.91, "精度": 0.5}, "tags": {"team": "risk", "note": "héllo wörld"}, "status": "FINISHED"},
    {"run_name": "lr 0.1", "params": {"batch size": "64", "lr": "0.1", "optimizer": "sgd"},
     "metrics": {"val_loss": [0.8, 0.7, 0.65], "précision": 0.85, "精度": 0.25}, "tags": {"team": "risk"}, "status": "FINISHED"},
    {"run_name": "diverged", "params": {"batch size": "32", "lr": "1.0", "optimizer": "sgd"},
     "metrics": {"val_loss": [0.9, "NaN"], "précision": 0.1}, "tags": {"team": "ops"}, "status": "FAILED"},
]
EXPERIMENT = "mlflow-check ünïcode"


def nan_equal(a, b):
    return (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)) or a == b


def log_runs(mcp, data_dir):
    artifact = os.path.join(data_dir, "notes.txt")
    with open(artifact, "w", encoding="utf-8") as f:
        f.write("an artifact\n")
    ids = []
    for i, run in enumerate(RUNS):
        args = {"experiment": EXPERIMENT, "run_name": run["run_name"], "params": run["params"], "metrics": run["metrics"],
                "tags": run["tags"], "status": run["status"]}
        if i == 0:
            args["artifacts"] = [artifact]
        s, _, _ = mcp.call("mlflow_log_run", args)
        ids.append(s["runId"])
    return ids


def train_and_publish(mcp, data_dir):
    """pipeline_train on iris, approval, then the registry: v1 and v2, tags, aliases, stages."""
    iris = os.path.join(data_dir, "iris.csv")
    shutil.copy(os.path.join(REPO, "examples", "data", "iris.csv"), iris)
    s, _, _ = mcp.call("generate_pipeline", {"table": "iris", "target": "species", "folds": 3, "file": iris})
    trained, _ = mcp.call_until_finished("pipeline_train", {"spec": s["spec_id"], "trainer": "lightgbm", "wait_seconds": 45})
    result = trained["result"]
    run_id, wb = result["runId"], result["workbenchRun"]["runId"]
    mcp.call("workbench_decide", {"run_id": wb, "decision": "approve"})
    mcp.call("mlflow_register_model", {"run_id": run_id, "name": "iris-model", "approved_run_id": wb})
    mcp.call("mlflow_register_model", {"run_id": run_id, "name": "iris-model", "approved_run_id": wb})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "version": 1, "alias": "champion", "approved_run_id": wb})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "version": 2, "alias": "challenger"})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "version": 1, "stage": "Production", "approved_run_id": wb})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "version": 2, "stage": "Staging"})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "tag": "team=risk"})
    mcp.call("mlflow_set_model_alias", {"name": "iris-model", "version": 1, "tag": "validated=yes"})
    return run_id


def read_back(client, ids, model_run_id, where, artifacts_listed=True):
    """MlflowClient reads what McpFlow wrote."""
    exps = {e.name: e for e in client.search_experiments()}
    check(f"{where}: search_experiments lists '{EXPERIMENT}' and Default", EXPERIMENT in exps and "Default" in exps, sorted(exps))
    exp = client.get_experiment_by_name(EXPERIMENT)
    same(f"{where}: get_experiment_by_name", exp.experiment_id if exp else None, exps[EXPERIMENT].experiment_id)
    eid = exp.experiment_id
    for run_id, run in zip(ids, RUNS):
        r = client.get_run(run_id)
        same(f"{where}: get_run {run['run_name']!r} name", r.info.run_name, run["run_name"])
        same(f"{where}: get_run {run['run_name']!r} status", r.info.status, run["status"])
        same(f"{where}: get_run {run['run_name']!r} lifecycle", r.info.lifecycle_stage, "active")
        same(f"{where}: get_run {run['run_name']!r} params", r.data.params, run["params"])
        for key, value in run["tags"].items():
            same(f"{where}: get_run {run['run_name']!r} tag {key}", r.data.tags.get(key), value)
        same(f"{where}: get_run {run['run_name']!r} tag mlflow.runName", r.data.tags.get("mlflow.runName"), run["run_name"])
        check(f"{where}: get_run {run['run_name']!r} end_time set", r.info.end_time is not None and r.info.end_time >= r.info.start_time, (r.info.start_time, r.info.end_time))
        for key, value in run["metrics"].items():
            values = value if isinstance(value, list) else [value]
            expected = [float("nan") if v == "NaN" else float(v) for v in values]
            check(f"{where}: latest {key} of {run['run_name']!r}", nan_equal(r.data.metrics.get(key), expected[-1]), f"{r.data.metrics.get(key)} vs {expected[-1]}")
            history = sorted(client.get_metric_history(run_id, key), key=lambda m: m.step)
            check(f"{where}: get_metric_history {key} of {run['run_name']!r}",
                  [m.step for m in history] == list(range(len(expected))) and all(nan_equal(m.value, v) for m, v in zip(history, expected)),
                  [(m.step, m.value) for m in history])
    names = lambda runs: sorted(r.info.run_name for r in runs)  # noqa: E731
    same(f"{where}: search_runs params.`batch size` = '32'", names(client.search_runs([eid], "params.`batch size` = '32'")), ["diverged", "lr 0.01"])
    same(f"{where}: search_runs attributes.`run name` LIKE 'lr%'", names(client.search_runs([eid], "attributes.`run name` LIKE 'lr%'")), ["lr 0.01", "lr 0.1"])
    same(f"{where}: search_runs metrics.`précision` > 0.5", names(client.search_runs([eid], "metrics.`précision` > 0.5")), ["lr 0.01", "lr 0.1"])
    same(f"{where}: search_runs tags.team = 'risk' and attributes.status = 'FINISHED'",
         names(client.search_runs([eid], "tags.team = 'risk' and attributes.status = 'FINISHED'")), ["lr 0.01", "lr 0.1"])
    ordered = client.search_runs([eid], "", order_by=["metrics.`précision` DESC"])
    same(f"{where}: search_runs order_by metrics.`précision` DESC", [r.info.run_name for r in ordered if r.info.run_id in ids], ["lr 0.01", "lr 0.1", "diverged"])
    if artifacts_listed:
        same(f"{where}: list_artifacts of {RUNS[0]['run_name']!r}", [(a.path, a.is_dir) for a in client.list_artifacts(ids[0])], [("notes.txt", False)])
        model_files = client.list_artifacts(model_run_id)
        check(f"{where}: list_artifacts of the pipeline_train run lists files", len(model_files) > 0, model_files)

    models = client.search_registered_models()
    same(f"{where}: search_registered_models", [m.name for m in models], ["iris-model"])
    m = client.get_registered_model("iris-model")
    same(f"{where}: registered model tags", m.tags, {"team": "risk"})
    same(f"{where}: registered model aliases", m.aliases, {"champion": "1", "challenger": "2"})
    v1 = client.get_model_version("iris-model", "1")
    v2 = client.get_model_version("iris-model", "2")
    same(f"{where}: v1 stage", v1.current_stage, "Production")
    same(f"{where}: v2 stage", v2.current_stage, "Staging")
    same(f"{where}: v1 run_id", v1.run_id, model_run_id)
    same(f"{where}: v1 tags", v1.tags, {"validated": "yes"})
    same(f"{where}: v1 aliases", v1.aliases, ["champion"])
    same(f"{where}: v1 status", v1.status, "READY")
    check(f"{where}: v1 source is the run's artifact root", v1.source == client.get_run(model_run_id).info.artifact_uri, (v1.source, client.get_run(model_run_id).info.artifact_uri))
    same(f"{where}: get_model_version_by_alias champion", str(client.get_model_version_by_alias("iris-model", "champion").version), "1")
    same(f"{where}: get_latest_versions", sorted((str(v.version), v.current_stage) for v in client.get_latest_versions("iris-model")), [("1", "Production"), ("2", "Staging")])
    same(f"{where}: get_latest_versions Production", [str(v.version) for v in client.get_latest_versions("iris-model", stages=["Production"])], ["1"])
    same(f"{where}: search_model_versions", sorted(str(v.version) for v in client.search_model_versions("name='iris-model'")), ["1", "2"])


def forward():
    root = tempfile.mkdtemp(prefix="mlflow-check-forward-")
    workspace, data = os.path.join(root, "ws"), os.path.join(root, "data")
    os.makedirs(data)
    mcp = Mcp(workspace, data)
    try:
        ids = log_runs(mcp, data)
        model_run = train_and_publish(mcp, data)
        # McpFlow's own reading agrees with what it was given (same as MLflow's below).
        s, _, _ = mcp.call("mlflow_get_run", {"run_id": ids[0]})
        same("forward: mlflow_get_run params", s["run"]["params"], RUNS[0]["params"])
    finally:
        mcp.close()
    store = os.path.join(workspace, "mlruns")
    # Every metric line as MLflow's FileStore would append it: f"{timestamp} {value} {step}\n", value a Python float.
    lines = []
    for folder, _, files in os.walk(store):
        if os.path.basename(os.path.dirname(folder)) != "models" and os.sep + "metrics" in folder:
            for name in files:
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                    lines += f.read().splitlines(keepends=True)
    respelled = [f"{int(ts)} {float(v)} {int(step)}\n" for ts, v, step in (line.split(" ") for line in lines)]
    check(f"forward: {len(lines)} metric lines are the bytes MLflow writes", len(lines) > 0 and lines == respelled,
          [(a, b) for a, b in zip(lines, respelled) if a != b][:5])
    client = MlflowClient(tracking_uri=store, registry_uri=store)
    read_back(client, ids, model_run, "forward")
    return store


DIFFERENTIAL_FILTERS = [
    "metrics.val_acc > 0.5", "metrics.val_acc != 0.9", "metrics.val_acc <= 0.9", "metrics.`précision` < 0.5",
    "params.lr IN ('0.01', '0.05')", "params.lr NOT IN ('0.01')", "params.`batch size` LIKE '3%'", "params.lr != '0.01'",
    "tags.team = 'risk'", "tags.team != 'risk'", "tags.`mlflow.runName` = 'child 1'", "tags.team ILIKE 'RI%'",
    "attributes.run_name ILIKE 'CHILD%'", "attributes.`run_name` = 'child 1'", "run_name = 'child 1'",
    "attributes.status != 'FINISHED'", "attributes.status IN ('FAILED', 'RUNNING')",
    "attributes.start_time >= 1700000000000", "attributes.end_time > 1700000000000", "attributes.end_time IS NULL",
    "params.lr = '0.01' and metrics.val_acc > 0.1", "metrics.val_acc > 0.5 or params.lr = '0.01'", "params.missing = 'x'",
    # which filters MLflow 2.12's SearchUtils accepts and which it refuses
    "attributes.status IN ('FAILED')", "attributes.run_name IN ('child 1')", "attributes.lifecycle_stage = 'active'",
    "attributes.user_id = 'unknown'", "attributes.artifact_uri LIKE '%artifacts'", "params.lr IN ('0.01')", "tags.team IN ('risk')",
    "params.lr NOT IN ('0.01')", "attributes.created > 5", "attributes.start_time = 1700000000000", "attributes.start_time LIKE '5'",
    "attributes.status LIKE 'F%'", "metrics.val_acc = 'x'", "params.lr = 5", "tags.team LIKE 5", "attributes.end_time != 5",
    "run.status = 'FAILED'", "attr.status = 'FAILED'", "parameter.lr = '0.01'", "attributes.status = FINISHED",
    'attributes.status = "FINISHED"', "metrics.val_acc > -1", "metrics.val_acc > 1e-1", "tags.team IS NULL", 'params."batch size" = \'32\'',
    "metrics.val_acc >= .5", "attributes.`Run Name` = 'child 1'", "attributes.Created > 0",
]
EXPERIMENT_FILTERS = [
    "name = 'réverse-check'", "name != 'Default'", "name LIKE 'r%'", "name ILIKE 'R%'", "attribute.name = 'Default'",
    "tags.owner = 'ana'", "tags.owner != 'ana'", "tags.`owner` LIKE 'a%'", "creation_time > 0", "name = 'Default' and tags.owner = 'ana'",
    "tag.owner = 'ana'", "attributes.name = 'Default'", "tags.owner > 'a'", "lifecycle_stage = 'active'", "creation_time > '5'",
    "params.lr = '1'", "last_update_time <= 5", "name = 'a' or name = 'b'",
]
DIFFERENTIAL_ORDERS = [
    [], ["metrics.val_acc"], ["metrics.val_acc ASC"], ["metrics.val_acc DESC"], ["params.lr DESC"], ["attributes.run_name"],
    ["tags.team DESC"], ["attributes.start_time DESC"], ["metrics.`précision` DESC"], ["attributes.end_time"], ["attributes.status"],
    ["attributes.user_id", "attributes.run_name"], ["attributes.artifact_uri DESC"], ["params.`batch size`", "metrics.val_acc DESC"],
]


def write_with_mlflow(client, registry=True):
    """MLflow writes runs (and a registry); returns what McpFlow must read."""
    gone_exp = client.create_experiment("deleted experiment")
    client.create_run(gone_exp, run_name="in a deleted experiment")
    client.delete_experiment(gone_exp)
    eid = client.create_experiment("réverse-check")
    client.set_experiment_tag(eid, "owner", "ana")
    t0 = 1_700_000_000_000
    runs = {}

    def run(name, params, metrics, tags, status, parent=None):
        t = dict(tags)
        if parent:
            t["mlflow.parentRunId"] = parent
        r = client.create_run(eid, run_name=name, tags=t, start_time=t0)
        rid = r.info.run_id
        client.log_batch(rid, metrics=[Metric(k, v, t0 + i, i) for k, vs in metrics.items() for i, v in enumerate(vs)],
                         params=[Param(k, v) for k, v in params.items()])
        if status != "RUNNING":
            client.set_terminated(rid, status, end_time=t0 + 60_000)
        runs[name] = rid
        return rid

    parent = run("parent ü", {"batch size": "32", "lr": "0.01"}, {"val_acc": [0.5, 0.7, 0.9], "précision": [0.8]}, {"team": "risk"}, "FINISHED")
    run("child 1", {"batch size": "32", "lr": "0.02"}, {"val_acc": [0.6, 0.8], "précision": [0.7]}, {}, "FINISHED", parent)
    run("child 2", {"batch size": "64", "lr": "0.05"}, {"val_acc": [0.4, float("nan")], "précision": [0.2]}, {}, "FAILED", parent)
    run("still running", {"batch size": "16", "lr": "0.001"}, {"val_acc": [0.3]}, {}, "RUNNING")
    gone = run("deleted one", {"batch size": "8", "lr": "0.3"}, {"val_acc": [0.95]}, {}, "KILLED")
    client.delete_run(gone)
    client.set_tag(parent, "note", "héllo wörld")
    client.log_metric(parent, "val_acc", 0.85, timestamp=t0 + 10, step=1)  # a second value at step 1: latest stays step 2
    if not registry:
        return eid, runs

    client.create_registered_model("réverse-model", tags={"team": "risk"}, description="made by MLflow")
    client.create_model_version("réverse-model", f"runs:/{parent}/model", parent, tags={"k": "v"})
    client.create_model_version("réverse-model", f"runs:/{runs['child 1']}/model", runs["child 1"])
    client.create_model_version("réverse-model", f"runs:/{runs['child 1']}/model", runs["child 1"])
    client.transition_model_version_stage("réverse-model", "1", "Production")
    client.transition_model_version_stage("réverse-model", "2", "Staging")
    client.set_registered_model_alias("réverse-model", "champion", "1")
    client.set_model_version_tag("réverse-model", "2", "validated", "yes")
    client.delete_model_version("réverse-model", "3")
    return eid, runs


def compare_runs(mcp, client, eid, runs, where):
    """McpFlow's run tools against MLflow's client on the store MLflow wrote."""
    s, text, _ = mcp.call("mlflow_search_runs", {"experiment": "réverse-check", "max_results": 100})
    found = {r["runName"]: r for r in s["runs"]}
    same(f"{where}: search lists the active runs (not the deleted one)", sorted(found), sorted(["parent ü", "child 1", "child 2", "still running"]))
    for name, rid in runs.items():
        mine, _, _ = mcp.call("mlflow_get_run", {"run_id": rid})
        theirs = client.get_run(rid)
        r = mine["run"]
        same(f"{where}: {name} status", r["status"], theirs.info.status)
        same(f"{where}: {name} lifecycle", r["lifecycleStage"], theirs.info.lifecycle_stage)
        same(f"{where}: {name} start/end", (r.get("startTime"), r.get("endTime")), (theirs.info.start_time, theirs.info.end_time))
        same(f"{where}: {name} params", r["params"], theirs.data.params)
        same(f"{where}: {name} tags", r["tags"], theirs.data.tags)
        mine_metrics = {k: v["value"] for k, v in r["metrics"].items()}
        check(f"{where}: {name} latest metrics", mine_metrics.keys() == theirs.data.metrics.keys()
              and all(nan_equal(float("nan") if mine_metrics[k] in ("NaN", None) else mine_metrics[k], theirs.data.metrics[k]) for k in mine_metrics),
              f"{mine_metrics} vs {theirs.data.metrics}")
        for key in theirs.data.metrics:
            s, _, _ = mcp.call("mlflow_get_run", {"run_id": rid, "metric": key})
            theirs_history = sorted(((m.step, m.value) for m in client.get_metric_history(rid, key)), key=lambda p: p[0])
            mine_history = list(zip(s["points"]["steps"], s["points"]["values"]))
            check(f"{where}: {name} history of {key}", len(mine_history) == len(theirs_history)
                  and all(a[0] == b[0] and nan_equal(float("nan") if a[1] is None else a[1], b[1]) for a, b in zip(sorted(mine_history, key=lambda p: p[0]), theirs_history)),
                  f"{mine_history} vs {theirs_history}")
    filt = {"params.`batch size` = '32'": ["child 1", "parent ü"],
            "attributes.`run name` LIKE 'child%'": ["child 1", "child 2"],
            "tags.`mlflow.parentRunId` = '" + runs["parent ü"] + "'": ["child 1", "child 2"],
            "attributes.status = 'RUNNING'": ["still running"],
            "metrics.`précision` >= 0.7": ["child 1", "parent ü"]}
    for f, expected in filt.items():
        s, text, _ = mcp.call("mlflow_search_runs", {"experiment": "réverse-check", "filter": f})
        theirs = sorted(r.info.run_name for r in client.search_runs([eid], f))
        same(f"{where}: mlflow_search_runs {f} (MLflow: {theirs})", sorted(r["runName"] for r in s["runs"]), expected)
        same(f"{where}: MLflow's own search_runs {f}", theirs, expected)
    s, _, _ = mcp.call("mlflow_search_runs", {"experiment": "réverse-check", "order_by": ["metrics.val_acc DESC", "attributes.start_time ASC"]})
    theirs = [r.info.run_name for r in client.search_runs([eid], "", order_by=["metrics.val_acc DESC", "attributes.start_time ASC"])]
    same(f"{where}: order_by metrics.val_acc DESC like MLflow", [r["runName"] for r in s["runs"]], theirs)
    # The same filters and orders through McpFlow's in-memory search and MLflow's SearchUtils.
    for f in DIFFERENTIAL_FILTERS + [f"attributes.run_id = '{runs['child 1']}'", f"attributes.run_id IN ('{runs['child 1']}', '{runs['child 2']}')"]:
        try:
            theirs = [r.info.run_name for r in client.search_runs([eid], f, max_results=100)]
        except Exception as e:  # MLflow refuses the filter: McpFlow must refuse it too
            theirs = "refused"
        s, text, err = mcp.call("mlflow_search_runs", {"experiment": "réverse-check", "filter": f, "max_results": 100}, ok=False)
        mine = ("refused" if theirs == "refused" else text) if err else [r["runName"] for r in s["runs"]]
        same(f"{where}: filter {f} like MLflow", mine, theirs)
    for order in DIFFERENTIAL_ORDERS:
        theirs = [r.info.run_name for r in client.search_runs([eid], "", order_by=order, max_results=100)]
        s, text, err = mcp.call("mlflow_search_runs", {"experiment": "réverse-check", "order_by": order, "max_results": 100}, ok=False)
        same(f"{where}: order_by {order} like MLflow", text if err else [r["runName"] for r in s["runs"]], theirs)
    s, text, _ = mcp.call("analyze_mlflow_runs", {"experiment": "réverse-check", "metric": "val_acc"})
    check(f"{where}: analyze_mlflow_runs names the FAILED run", "child 2" in text, text[:600])
    check(f"{where}: analyze_mlflow_runs leaves the deleted run out", "deleted one" not in text, text[:600])


def reverse():
    root = tempfile.mkdtemp(prefix="mlflow-check-reverse-")
    store, workspace = os.path.join(root, "mlruns"), os.path.join(root, "ws")
    client = MlflowClient(tracking_uri=store, registry_uri=store)
    eid, runs = write_with_mlflow(client)
    mcp = Mcp(workspace, root, mlflow_uri=store)
    try:
        s, text, _ = mcp.call("mlflow_list_experiments")
        exps = {e["name"]: e for e in s["experiments"]}
        check("reverse: mlflow_list_experiments lists réverse-check", "réverse-check" in exps, text)
        same("reverse: experiment tags", exps.get("réverse-check", {}).get("tags"), {"owner": "ana"})
        compare_runs(mcp, client, eid, runs, "reverse")
        s, text, err = mcp.call("mlflow_list_experiments", {"filter": "name = 'deleted experiment'"})
        same("reverse: a deleted experiment (in .trash) is not listed", s["experiments"], [])
        for f in EXPERIMENT_FILTERS:
            try:
                theirs = sorted(e.name for e in client.search_experiments(filter_string=f))
            except Exception:  # MLflow refuses the filter: McpFlow must refuse it too
                theirs = "refused"
            s, text, err = mcp.call("mlflow_list_experiments", {"filter": f}, ok=False)
            same(f"reverse: experiment filter {f} like MLflow", ("refused" if theirs == "refused" else text) if err else sorted(e["name"] for e in s["experiments"]), theirs)
        s, text, err = mcp.call("mlflow_leaderboard", {"experiment": "réverse-check", "metric": "val_acc"}, ok=False)
        check("reverse: mlflow_leaderboard ranks parent ü first", not err and text.find("parent ü") < text.find("child 1"), text[:400])
        s, text, _ = mcp.call("mlflow_models")
        same("reverse: mlflow_models lists réverse-model", [m["name"] for m in s["models"]], ["réverse-model"]) if s else check("reverse: mlflow_models", False, text)
        s, text, err = mcp.call("mlflow_models", {"name": "réverse-model"}, ok=False)
        if check("reverse: mlflow_models name=réverse-model answers", not err, text):
            same("reverse: model tags", s["model"]["tags"], {"team": "risk"})
            same("reverse: model description", s["model"]["description"], "made by MLflow")
            same("reverse: model aliases", s["model"]["aliases"], {"champion": 1})
            same("reverse: versions (3 deleted)", sorted((v["version"], v["currentStage"]) for v in s["versions"]), [(1, "Production"), (2, "Staging")])
            v2 = [v for v in s["versions"] if v["version"] == 2][0]
            same("reverse: v2 tags", v2["tags"], {"validated": "yes"})
        s, text, err = mcp.call("mlflow_models", {"name": "réverse-model@champion"}, ok=False)
        if check("reverse: mlflow_models réverse-model@champion answers", not err, text):
            same("reverse: champion lineage run", s["runId"], runs["parent ü"])
        # McpFlow writes into MLflow's store and MLflow reads it.
        s, text, err = mcp.call("mlflow_set_model_alias", {"name": "réverse-model", "version": 2, "alias": "challenger"}, ok=False)
        if check("reverse: alias on an MLflow-written model", not err, text):
            same("reverse: MLflow reads McpFlow's alias", str(client.get_model_version_by_alias("réverse-model", "challenger").version), "2")
    finally:
        mcp.close()




def reverse_sqlite():
    """The same runs written by MLflow into a SQLite database (its SQLAlchemy store and alembic migrations), read by
    McpFlow's read-only SQLite backend."""
    root = tempfile.mkdtemp(prefix="mlflow-check-sqlite-")
    uri = "sqlite:///" + os.path.join(root, "mlflow.db")
    client = MlflowClient(tracking_uri=uri)
    eid, runs = write_with_mlflow(client, registry=False)
    mcp = Mcp(os.path.join(root, "ws"), root, mlflow_uri=uri)
    try:
        compare_runs(mcp, client, eid, runs, "sqlite")
        s, text, err = mcp.call("mlflow_log_run", {"experiment": "x", "run_name": "x"}, ok=False)
        check("sqlite: writing is refused (read-only backend)", err, text)
    finally:
        mcp.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(root, port, *extra):
    log = open(os.path.join(root, f"server-{port}.log"), "w")
    server = subprocess.Popen([sys.executable, "-m", "mlflow", "server", "--backend-store-uri", os.path.join(root, "mlruns"),
                               "--host", "127.0.0.1", "--port", str(port), "--workers", "1", *extra],
                              stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ), start_new_session=True)
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    return server, log


def stop_server(server, log):
    os.killpg(server.pid, 15)
    server.wait(timeout=30)
    log.close()


def rest():
    root = tempfile.mkdtemp(prefix="mlflow-check-rest-")
    workspace, data = os.path.join(root, "ws"), os.path.join(root, "data")
    os.makedirs(data)
    port = free_port()
    server, log = start_server(root, port, "--serve-artifacts", "--artifacts-destination", os.path.join(root, "mlartifacts"))
    uri = f"http://127.0.0.1:{port}"
    try:
        mcp = Mcp(workspace, data, mlflow_uri=uri)
        try:
            ids = log_runs(mcp, data)
            model_run = train_and_publish(mcp, data)
            # MLflow 2.12 truncates a param value over 6000 characters (MLFLOW_TRUNCATE_LONG_VALUES) instead of refusing it.
            s, text, err = mcp.call("mlflow_log_run", {"experiment": "long values", "run_name": "long", "params": {"long": "x" * 7000}}, ok=False)
            check("rest: a 7000-character param is logged", not err, text)
        finally:
            mcp.close()
        mlflow.set_tracking_uri(uri)  # mlflow-artifacts:/ URIs resolve against the global tracking URI
        client = MlflowClient(tracking_uri=uri, registry_uri=uri)
        read_back(client, ids, model_run, "rest")
        if not err:
            same("rest: MLflow keeps 6000 characters of it", len(client.get_run(s["runId"]).data.params["long"]), 6000)
    finally:
        stop_server(server, log)
    # A failed log: a server that does not proxy artifacts (--no-serve-artifacts) cannot take McpFlow's upload, so the
    # run is created, the upload refused, and the run must end FAILED rather than stay RUNNING.
    port = free_port()
    server, log = start_server(root, port, "--no-serve-artifacts", "--default-artifact-root", os.path.join(root, "plain-artifacts"))
    try:
        mcp = Mcp(workspace + "2", data, mlflow_uri=f"http://127.0.0.1:{port}")
        try:
            notes = os.path.join(data, "notes.txt")
            s, text, err = mcp.call("mlflow_log_run", {"experiment": "failed logs", "run_name": "no artifact proxy", "params": {"a": "1"}, "artifacts": [notes]}, ok=False)
            check("rest: the artifact upload is refused", err, text)
            check("rest: the error says the run was ended as FAILED", "ended as FAILED" in text, text)
        finally:
            mcp.close()
        client = MlflowClient(tracking_uri=f"http://127.0.0.1:{port}")
        failed = client.search_runs([client.get_experiment_by_name("failed logs").experiment_id])
        same("rest: MLflow shows that run FAILED", [(r.info.run_name, r.info.status, r.data.params) for r in failed], [("no artifact proxy", "FAILED", {"a": "1"})])
    finally:
        stop_server(server, log)


def main():
    parts = sys.argv[1:] or ["all"]
    print(f"MLflow {mlflow.__version__} from {os.path.dirname(mlflow.__file__)}; McpFlow {DLL}", flush=True)
    for name, part in (("forward", forward), ("reverse", reverse), ("sqlite", reverse_sqlite), ("rest", rest)):
        if "all" in parts or name in parts:
            try:
                part()
            except Exception as e:  # a crash is a failure of that part, reported, and the others still run
                import traceback
                traceback.print_exc()
                check(f"{name}: ran to the end", False, repr(e))
    print(f"{len(PASSED)} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
