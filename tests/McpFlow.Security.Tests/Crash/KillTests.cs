using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.HostileFiles;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Crash;

/// <summary>
/// kill -9 in the middle of a load, a transformation, a training job, a model comparison and an export, and a torn
/// final audit line; then stdin closing and SIGTERM during a training job and during an endless SQLite view (issue 11:
/// the process survived both and kept the workspace locked). After each, a new server on the same workspace must open
/// it with the table intact, the audit trail verifying and the interrupted jobs shown as interrupted; a process told to
/// stop must exit within <see cref="Deadlines.ExitOnEof"/>. The trials of each test run in turn on one workspace (each
/// restart is the next trial's start), each recorded as its own attempt.
/// </summary>
[Collection(SecurityCollection.Name)]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class KillTests(ITestOutputHelper output)
{
    /// <summary>Rows of the big CSV the load, transformation and export trials use (about 13 MB: a load of a second or
    /// two here, long enough to be killed in the middle of).</summary>
    private const int BigRows = 1_000_000;

    [Fact]
    public Task KillNine_DuringLoadsTransformationsJobsExportsAndAuditWrites_LeavesTheWorkspaceRecoverable() => Chain("crash.kill-9",
    [
        ("load", Load), ("transformation", Transformation), ("PINN training job", Training), ("model comparison job", Comparison),
        ("export", Export), ("torn audit line", TornAuditLine),
    ]);

    [Fact]
    public Task StdinClosingAndSigterm_EndTheProcessInSeconds_AndReleaseTheWorkspace() => Chain("crash.exit",
    [
        ("stdin EOF during training", t => Training(t, StopByStdin)), ("SIGTERM during training", t => Training(t, StopBySigterm)),
        ("stdin EOF during an endless SQLite view", t => EndlessView(t, StopByStdin)), ("SIGTERM during an endless SQLite view", t => EndlessView(t, StopBySigterm)),
    ]);

    private static async Task<TrialEnd> Load(CrashTrial t)
    {
        var big = BigCsv(t.Sandbox);
        var instance = await t.Server.InstanceAsync();
        var load = t.Server.CallToolAsync("data_load", new JsonObject { ["path"] = big, ["table"] = "big" }, Deadlines.Call);
        await ProcessWatch.WhenFileOpenAsync(instance.Process, "big.csv", load);
        await instance.KillHardAsync();
        await Task.WhenAny(load); // The call dies with the process; the restart is what is judged.
        return TrialEnd.Clean;
    }

    private static async Task<TrialEnd> Transformation(CrashTrial t)
    {
        await t.Call("data_load", new JsonObject { ["path"] = BigCsv(t.Sandbox), ["table"] = "big", ["force"] = true });
        var instance = await t.Server.InstanceAsync();
        var apply = t.Server.CallToolAsync("data_apply_transformation", new JsonObject
        {
            ["table"] = "big", ["operation"] = "log1p", ["column"] = "amount", ["new_column"] = "log_amount",
        }, Deadlines.Call);
        await ProcessWatch.WhenFileOpenAsync(instance.Process, "data.duckdb.wal", apply);
        await instance.KillHardAsync();
        await Task.WhenAny(apply);
        return TrialEnd.Clean;
    }

    private static async Task<TrialEnd> Training(CrashTrial t)
    {
        var job = await t.StartJobAsync("pinn_train", LongTraining());
        await t.Server.KillHardAsync();
        return TrialEnd.Interrupted(job);
    }

    private static async Task<TrialEnd> Comparison(CrashTrial t)
    {
        // 100,000 rows: a comparison of half a minute or more, so it is still running when the process is killed (on the
        // seeded 120-row table it finished in about 1.4 s, sometimes before the kill).
        await t.Call("data_load", new JsonObject { ["path"] = ComparisonCsv(t.Sandbox), ["table"] = "compare_rows" });
        var spec = WorkspaceSeed.Structured(await t.Call("generate_pipeline", new JsonObject { ["table"] = "compare_rows", ["target"] = "label", ["folds"] = 5 }));
        var job = await t.StartJobAsync("pipeline_compare_models", new JsonObject { ["spec"] = spec["spec_id"]!.GetValue<string>() });
        await t.Server.KillHardAsync();
        return TrialEnd.Interrupted(job);
    }

    private static async Task<TrialEnd> Export(CrashTrial t)
    {
        await t.Call("data_load", new JsonObject { ["path"] = BigCsv(t.Sandbox), ["table"] = "big" });
        var instance = await t.Server.InstanceAsync();
        var target = Path.Combine(t.Sandbox.Root, "exports", "big-export.csv");
        var export = t.Server.CallToolAsync("data_export", new JsonObject { ["path"] = target, ["table"] = "big", ["overwrite"] = true }, Deadlines.Call);
        await ProcessWatch.WhenFileOpenAsync(instance.Process, "exports/", export);
        await instance.KillHardAsync();
        await Task.WhenAny(export);
        // Counted by lines: the header and one line per row; anything else is a torn export left under the real name.
        return TrialEnd.Finding(File.Exists(target) && File.ReadLines(target).LongCount() is var lines && lines != BigRows + 1
            ? new Finding(Problem.Overwritten, "", $"{target} holds {lines:N0} lines of {BigRows + 1:N0}: a torn export under the target's name")
            : null);
    }

    private static async Task<TrialEnd> TornAuditLine(CrashTrial t)
    {
        await t.Call("workbench_record_run", new JsonObject
        {
            ["title"] = "before the kill", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23.", ["metrics"] = new JsonObject { ["rmse"] = 1.23 },
        });
        await t.Server.KillHardAsync();
        // What a crash in the middle of an append leaves: the start of an entry and no newline.
        await File.AppendAllTextAsync(Path.Combine(t.Sandbox.Workspace, "audit", "audit.jsonl"), "{\"seq\":99,\"time\":\"2026-");
        return TrialEnd.Clean;
    }

    private static async Task<TrialEnd> Training(CrashTrial t, Func<ServerInstance, Task<Finding?>> stop)
    {
        var job = await t.StartJobAsync("pinn_train", LongTraining());
        var problem = await stop(await t.Server.InstanceAsync());
        return new TrialEnd(problem is null ? [] : [problem], [job]);
    }

    /// <summary>Starts loading issue 11's endless recursive SQLite view, and stops the process once it has the file open.</summary>
    private static async Task<TrialEnd> EndlessView(CrashTrial t, Func<ServerInstance, Task<Finding?>> stop)
    {
        var file = SqliteFiles.All().Single(f => f.FileName == "recursive.sqlite");
        var path = Path.Combine(t.Sandbox.Root, file.FileName);
        if (!File.Exists(path))
            file.Create(path);
        var instance = await t.Server.InstanceAsync();
        var load = t.Server.CallToolAsync("data_load", new JsonObject { ["path"] = file.FileName, ["table"] = "endless" }, Deadlines.Call);
        await ProcessWatch.WhenFileOpenAsync(instance.Process, file.FileName, load);
        var problem = await stop(instance);
        await Task.WhenAny(load);
        return TrialEnd.Finding(problem);
    }

    private static async Task<Finding?> StopByStdin(ServerInstance instance) =>
        await instance.CloseAsync(Deadlines.ExitOnEof) ? null : NoExit("stdin closed");

    private static async Task<Finding?> StopBySigterm(ServerInstance instance)
    {
        ProcessWatch.Terminate(instance.Process);
        return await ProcessWatch.ExitsWithinAsync(instance.Process, Deadlines.ExitOnEof) ? null : NoExit("SIGTERM");
    }

    private static Finding NoExit(string how) =>
        new(Problem.Unrecovered, "", $"the process was still running {Deadlines.ExitOnEof.TotalSeconds:0} s after {how}; killed");

    /// <summary>A training that would run for minutes: 200,000 Adam steps.</summary>
    private static JsonObject LongTraining() =>
        new() { ["spec"] = WorkspaceSeed.PoissonSpec(), ["settings"] = new JsonObject { ["adam_steps"] = 200_000, ["interior_points"] = 200, ["lbfgs_steps"] = 0 } };

    /// <summary>A 1,000,000-row CSV in the root (with an amount column for the transformation).</summary>
    private static string ComparisonCsv(SandboxFolders sandbox)
    {
        var path = Path.Combine(sandbox.Root, "compare.csv");
        if (!File.Exists(path))
        {
            var random = new Random(11);
            using var writer = new StreamWriter(path);
            writer.WriteLine("x1,x2,x3,label");
            for (var i = 0; i < 100_000; i++)
            {
                double a = random.NextDouble(), b = random.NextDouble(), c = random.NextDouble();
                writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{a:F4},{b:F4},{c:F4},{(a + b * b + 0.3 * random.NextDouble() > 1 ? "yes" : "no")}"));
            }
        }

        return "compare.csv";
    }

    private static string BigCsv(SandboxFolders sandbox)
    {
        var path = Path.Combine(sandbox.Root, "big.csv");
        if (!File.Exists(path))
            FileWriting.Repeat(path, "id,name,amount\n", "1,abcdef,2.5\n", BigRows, "");
        return "big.csv";
    }

    private async Task Chain(string className, IReadOnlyList<(string Name, Func<CrashTrial, Task<TrialEnd>> Act)> trials)
    {
        var log = SecurityLedger.Begin(className);
        await using var trial = await CrashTrial.StartAsync(className.Replace('.', '-'));
        foreach (var (name, act) in trials)
        {
            var end = await act(trial);
            var findings = end.Findings.Concat(await trial.CheckRecoveryAsync(end.InterruptedJobs, asked: className == "crash.exit")).ToList();
            log.Add(name, refused: false, findings);
        }

        log.AssertClean(output);
    }
}
