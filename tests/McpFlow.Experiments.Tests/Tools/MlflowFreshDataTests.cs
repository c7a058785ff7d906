using System.Globalization;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>
/// Issue 14's MLflow semantics replayed through MCP on fresh runs (unlike <see cref="MlflowSemanticsToolTests"/>:
/// Cyrillic and accented metric names logged by the tool itself, params with spaces, run names with spaces, 24
/// distinct values of one param, a run deleted the way `mlflow runs delete` does it). Expected orders and counts are
/// computed here from the logged values with MLflow's rules: params are strings and order as strings.
/// </summary>
public sealed class MlflowFreshDataTests : ExperimentsToolTestBase
{
    private static readonly string[] BatchSizes = ["128", "16", "32", "64"];

    private async Task<List<(string Id, string Name, string Batch, double Rate)>> LogSweepAsync()
    {
        var runs = new List<(string, string, string, double)>();
        for (var i = 0; i < 24; i++)
        {
            var name = i % 3 == 0 ? $"baseline Ω {i}" : $"trial {i}";
            var batch = BatchSizes[i % BatchSizes.Length];
            var rate = 0.0005 * (i + 1);
            var logged = await CallOkAsync("mlflow_log_run", new
            {
                experiment = "sweep ü",
                run_name = name,
                @params = new Dictionary<string, string> { ["batch size"] = batch, ["learning rate"] = rate.ToString("R", CultureInfo.InvariantCulture), ["optimizer"] = i % 2 == 0 ? "adam" : "sgd" },
                metrics = new Dictionary<string, object> { ["точность"] = new[] { 0.5, 0.6 + (0.01 * i) }, ["val loss é"] = 1.0 / (i + 1) },
            });
            runs.Add((logged.Structured().GetProperty("runId").GetString()!, name, batch, rate));
        }

        return runs;
    }

    private static List<string> Names(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.Structured().GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runName").GetString()!).ToList();

    [Fact]
    public async Task Search_OrdersByABacktickParam_AsStrings_AndFiltersOnABacktickAttribute()
    {
        var runs = await LogSweepAsync();
        // MLflow compares params as strings, ties broken by start time descending then run id; here each batch size
        // holds 6 runs, so compare only the sequence of batch sizes.
        var ordered = await CallOkAsync("mlflow_search_runs", new { experiment = "sweep ü", order_by = new[] { "params.`batch size` DESC" }, max_results = 100 });
        var byName = runs.ToDictionary(r => r.Name);
        Names(ordered).Select(n => byName[n].Batch).Should().Equal(runs.Select(r => r.Batch).OrderByDescending(b => b, StringComparer.Ordinal));

        var baselines = await CallOkAsync("mlflow_search_runs", new { experiment = "sweep ü", filter = "attributes.`run name` LIKE 'baseline%'", max_results = 100 });
        Names(baselines).Should().BeEquivalentTo(runs.Where(r => r.Name.StartsWith("baseline", StringComparison.Ordinal)).Select(r => r.Name));
    }

    [Fact]
    public async Task UnicodeMetrics_AreLoggedRead_AndAnalysed_WithTheRealCountOfParamValues()
    {
        var runs = await LogSweepAsync();
        var got = await CallOkAsync("mlflow_get_run", new { run_id = runs[5].Id });
        got.Text().Should().Contain("точность: last 0.65 (2 points").And.Contain("val loss é: last");
        var analysis = await CallOkAsync("analyze_mlflow_runs", new { experiment = "sweep ü", metric = "точность" });
        analysis.Text().Should().Contain("learning rate: 24 values");
        var parameters = analysis.Structured().GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters["learning rate"].GetProperty("distinctCount").GetInt32().Should().Be(24);
        parameters["batch size"].GetProperty("distinctCount").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task ADeletedRun_IsShownDeleted_AndLeftOutOfSearches()
    {
        var runs = await LogSweepAsync();
        var victim = runs[7];
        // `mlflow runs delete` sets lifecycle_stage: deleted in the run's meta.yaml (FileStore.delete_run).
        var meta = Directory.GetFiles(Path.Combine(WorkspaceRoot, "mlruns"), "meta.yaml", SearchOption.AllDirectories)
            .Single(p => Path.GetFileName(Path.GetDirectoryName(p)) == victim.Id);
        File.WriteAllText(meta, File.ReadAllText(meta).Replace("lifecycle_stage: active", "lifecycle_stage: deleted", StringComparison.Ordinal));

        var got = await CallOkAsync("mlflow_get_run", new { run_id = victim.Id });
        got.Text().Should().Contain("DELETED");
        got.Structured().GetProperty("run").GetProperty("lifecycleStage").GetString().Should().Be("deleted");
        var all = await CallOkAsync("mlflow_search_runs", new { experiment = "sweep ü", max_results = 100 });
        Names(all).Should().HaveCount(23).And.NotContain(victim.Name);
    }

    [Fact]
    public void TheOptionsExperimentsMdNames_AreTheServersOptions()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "experiments.md"));
        var definition = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "McpFlow.Server", "Cli", "CommandLineDefinition.cs"));
        // Options of MLflow's own CLI that the page quotes as such.
        string[] mlflowOwn = ["--backend-store-uri", "--serve-artifacts"];
        var named = System.Text.RegularExpressions.Regex.Matches(page, "`(--[a-z][a-z-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        named.Should().Contain("--mlflow-uri");
        named.Except(mlflowOwn).Should().OnlyContain(o => definition.Contains($"new(\"{o}\")", StringComparison.Ordinal));
        page.Should().NotContain("30 s per attempt", "one attempt is cut at 8 s and a whole request at --mlflow-timeout (20 s)");
    }
}
