using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Audit;

/// <summary>
/// Audit-trail start-up: opening a trail of 100 and of 10,000 entries through its checkpoint, opening the same trail
/// by reading it whole (what every start did before the checkpoint, and what a lost checkpoint still costs), and
/// opening it with a torn last line (quarantine included); plus the append rate and one record lookup.
/// </summary>
internal static class AuditBench
{
    public static void Run(string folder, int repeats)
    {
        var small = Build(Path.Combine(folder, "small"), 100, out _, out _);
        var big = Build(Path.Combine(folder, "big"), 10_000, out var appendSeconds, out var runId);
        var bytes = new FileInfo(Trail(big).FilePath).Length;
        Console.WriteLine($"audit trail: 10,000 appends in {appendSeconds:F2} s ({appendSeconds / 10_000 * 1e6:F0} µs each, checkpoint included); trail {bytes / 1e6:F1} MB");

        var openSmall = Median(repeats, () => Time(() => Trail(small).Open()));
        var openBig = Median(repeats, () => Time(() => Trail(big).Open()));
        var lookup = Median(repeats, () =>
        {
            var trail = Trail(big);
            trail.Open();
            var watch = Stopwatch.StartNew();
            _ = trail.RecordHash(runId, "manifest.json") ?? throw new InvalidOperationException("record not found");
            return watch.Elapsed.TotalSeconds;
        });
        var openFull = Median(repeats, () =>
        {
            File.Delete(Trail(big).CheckpointPath);
            var watch = Stopwatch.StartNew();
            Trail(big).Open();
            return watch.Elapsed.TotalSeconds;
        });
        var openTorn = Median(repeats, () =>
        {
            using (var stream = new FileStream(Trail(big).FilePath, FileMode.Append))
                stream.Write("{\"schemaVersion\":2,\"seq\":"u8);
            var watch = Stopwatch.StartNew();
            Trail(big).Open();
            return watch.Elapsed.TotalSeconds;
        });
        var verify = Time(() =>
        {
            if (!Trail(big).Verify().Valid)
                throw new InvalidOperationException("the trail does not verify");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit open (checkpoint): 100 entries {openSmall * 1e3:F2} ms, 10,000 entries {openBig * 1e3:F2} ms; with a torn last line {openTorn * 1e3:F2} ms (quarantine included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit open (whole trail read, the old way): 10,000 entries {openFull * 1e3:F1} ms; first record lookup {lookup * 1e3:F3} ms; full verify {verify:F2} s"));
    }

    private static McpFlowWorkspace Build(string root, int entries, out double seconds, out string lastRun)
    {
        var workspace = new McpFlowWorkspace(root);
        var trail = new AuditTrail(workspace, TimeProvider.System);
        lastRun = "";
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < entries; i++)
        {
            // Two tool calls with summarised arguments, then one record written, as a workbench session produces them.
            if (i % 3 < 2)
            {
                var arguments = ArgumentSummary.Summarize(new JsonObject { ["title"] = $"step {i}", ["summary"] = new string('s', 1000), ["metrics"] = new JsonObject { ["rmse"] = 1.5 } });
                trail.Append(new AuditEntry { Kind = "tool_call", Tool = "workbench_record_run", Arguments = arguments, ArgumentsSha256 = new string('0', 64), Outcome = "ok" });
            }
            else
            {
                lastRun = $"run-20261123-101500-{i:x6}";
                trail.Append(new AuditEntry { Kind = "record", RunId = lastRun, Record = "manifest.json", RecordHash = new string('a', 64), State = "REVIEWED", Outcome = "reviewed" });
            }
        }

        seconds = watch.Elapsed.TotalSeconds;
        return workspace;
    }

    private static AuditTrail Trail(McpFlowWorkspace workspace) => new(workspace, TimeProvider.System);

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(int repeats, Func<double> run)
    {
        var times = Enumerable.Range(0, repeats).Select(_ => run()).Order().ToList();
        return times[times.Count / 2];
    }
}
