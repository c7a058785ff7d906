using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Fuzz;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Writes aimed at the workspace's own records (audit trail, gate configuration, a manifest, the database, job and run
/// records, specs) and at places outside the roots, through data_export's path in every format, and through the other
/// parameters that end up naming files: MLflow keys and names, report titles, comparison names.
/// </summary>
internal static class WriteEscapes
{
    /// <summary>Export targets that must be refused.</summary>
    public static IEnumerable<(string Label, string Path)> ExportTargets(SandboxFolders s, SeedIds ids)
    {
        var ws = s.Workspace;
        return
        [
            ("audit trail", $"{ws}/audit/audit.jsonl"), ("gate configuration", $"{ws}/workbench.json"),
            ("run manifest", $"{ws}/runs/{ids.WorkbenchRun}/manifest.json"), ("database", $"{ws}/data.duckdb"),
            ("database WAL", $"{ws}/data.duckdb.wal"), ("job record", $"{ws}/jobs/{ids.PinnJob}/job.json"), ("new job record", $"{ws}/jobs/redteam.json"),
            ("PINN run record", $"{ws}/physics/runs/{ids.PinnRun}/run.json"), ("pipeline spec", $"{ws}/pipelines/specs/{ids.PipelineSpec}.json"),
            ("MLflow experiment", $"{ws}/mlruns/{ids.ExperimentId}/meta.yaml"), ("suggestion", $"{ws}/suggestions/{ids.Suggestion}.json"),
            ("report", $"{ws}/reports/{ids.Report}/report.md"), ("climb out of exports", $"{ws}/exports/../audit/audit.jsonl"),
            ("climb out of exports to gates", $"{ws}/exports/../workbench.json"), ("link into workspace", "ws-link/audit/audit.jsonl"),
            ("file link to audit", "audit-link.jsonl"), ("file link to gates", "gates-link.json"), ("link to database", "ws-link/data.duckdb"),
            ("relative climb to gates", "../ws/workbench.json"), ("audit folder", $"{ws}/audit"), ("run folder", $"{ws}/runs/{ids.WorkbenchRun}"),
            ("sibling of exports", $"{ws}/exportsX/x.csv"), ("outside", $"{s.Outside}/pwn.csv"), ("foreign", s.ForeignPath("pwn.csv")),
            ("folder link out", "outlink/pwn.csv"), ("into linked folder", "a/b/link/pwn.csv"), ("'..' after link", "a/b/link/../pwn.csv"),
            ("over a linked outside file", "links/p.txt"), ("tmp link", $"tmplink/mcpflow-redteam-{s.RunToken}-tmplink.csv"),
            ("relative climb out", "../outside/pwn2.csv"), ("home", $"~/mcpflow-redteam-{s.RunToken}.csv"), ("working folder", $"{s.Cwd}/pwn.csv"),
            ("stdout", "/dev/stdout"), ("proc fd", "/proc/self/fd/1"), ("URL", "file:///tmp/pwn.csv"),
        ];
    }

    /// <summary>data_export of the sales table to each target in each format, overwrite on.</summary>
    public static IEnumerable<EscapeAttempt> Exports(SandboxFolders s, SeedIds ids) =>
        from target in ExportTargets(s, ids)
        from format in new[] { "csv", "json", "parquet" }
        select EscapeAttempt.Call("data_export", "path", $"{target.Label} as {format}", new JsonObject
        {
            ["path"] = target.Path, ["table"] = ids.Table, ["format"] = format, ["overwrite"] = true,
        });

    /// <summary>Names that become files: MLflow keys, experiment and run names, report titles, comparison names.</summary>
    public static IEnumerable<EscapeAttempt> NamedFiles(SandboxFolders s, SeedIds ids)
    {
        string[] climbs = ["../../../../../outside/pwn", $"{s.Outside}/pwn-abs", "../../../../../../../../tmp/mcpflow-redteam-" + s.RunToken + "-key"];
        foreach (var climb in climbs)
        {
            foreach (var field in new[] { "params", "tags", "metrics" })
            {
                var arguments = Baselines.For("mlflow_log_run", ids)!;
                arguments[field] = new JsonObject { [climb] = field == "metrics" ? 1.0 : "x" };
                yield return EscapeAttempt.Call("mlflow_log_run", field, $"{field} key {climb}", arguments);
            }

            foreach (var parameter in new[] { "experiment", "run_name" })
            {
                var arguments = Baselines.For("mlflow_log_run", ids)!;
                arguments[parameter] = climb;
                yield return new EscapeAttempt($"mlflow_log_run.{parameter}", climb, "mlflow_log_run", arguments) { MustRefuse = false };
            }

            var report = Baselines.For("workbench_report", ids)!;
            report["title"] = climb;
            yield return new EscapeAttempt("workbench_report.title", climb, "workbench_report", report) { MustRefuse = false };
            var compare = Baselines.For("workbench_compare", ids)!;
            compare["experiment"] = climb;
            yield return new EscapeAttempt("workbench_compare.experiment", climb, "workbench_compare", compare) { MustRefuse = false };
            var record = Baselines.For("workbench_record_run", ids)!;
            record["experiment"] = climb;
            record["title"] = climb;
            yield return new EscapeAttempt("workbench_record_run.experiment", climb, "workbench_record_run", record) { MustRefuse = false };
            var compareModels = Baselines.For("pipeline_compare_models", ids)!;
            compareModels["experiment"] = climb;
            compareModels["wait_seconds"] = 45; // The job's effects then belong to this attempt.
            yield return new EscapeAttempt("pipeline_compare_models.experiment", climb, "pipeline_compare_models", compareModels) { MustRefuse = false };
        }
    }
}
