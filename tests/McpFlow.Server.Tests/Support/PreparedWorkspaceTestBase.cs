using McpFlow.Core.Groups;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Tests.Support;

/// <summary>
/// A server with every group on a prepared workspace: a loaded table (<c>sales</c>, from <c>sales.csv</c> in the data
/// root), two logged MLflow runs in experiment <c>demo</c> and a profile run of <c>sales</c>, under a manual clock (time
/// stands still). <see cref="PrepareAsync"/> builds it and answers valid arguments for the tools that answer without a
/// long job, so tests checking a property of every tool call them the same way.
/// </summary>
public abstract class PreparedWorkspaceTestBase : McpServerTestBase
{
    /// <summary>Every group.</summary>
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    /// <summary>A manual clock.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());

    /// <summary>The workbench run of the profile of <c>sales</c> (set by <see cref="PrepareAsync"/>).</summary>
    protected string? ProfileRunId { get; private set; }

    /// <summary>Prepares the workspace and returns arguments by tool name. <c>job_status</c> names a job that does not
    /// exist (no job runs here: the lookup is what a caller checks).</summary>
    protected async Task<Dictionary<string, object>> PrepareAsync()
    {
        var csv = Path.Combine(DataRoot, "sales.csv");
        await File.WriteAllLinesAsync(csv, ["city,amount,units", "Oslo,10.5,1", "Rome,20.25,2", "Oslo,7.75,3", "Lima,12,4", "Rome,30,5"]);
        await CallOkAsync("data_load", new { path = csv, table = "sales" });
        var a = (await CallOkAsync("mlflow_log_run", new { experiment = "demo", run_name = "a", @params = new { lr = "0.1" }, metrics = new { acc = new[] { 0.5, 0.7, 0.8 } } }))
            .Structured().GetProperty("runId").GetString()!;
        var b = (await CallOkAsync("mlflow_log_run", new { experiment = "demo", run_name = "b", @params = new { lr = "0.01" }, metrics = new { acc = new[] { 0.4, 0.6, 0.9 } } }))
            .Structured().GetProperty("runId").GetString()!;
        var profile = await CallOkAsync("analyze_dataframe", new { table = "sales" });
        var runId = ProfileRunId = profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        var spec = new Dictionary<string, object>
        {
            ["preset"] = "poisson", ["domain"] = new { x = new[] { 0, 1 }, y = new[] { 0, 1 } }, ["source"] = "2*pi^2*sin(pi*x)*sin(pi*y)",
            ["boundary_conditions"] = new[] { new { where = "all", type = "dirichlet", value = "0" } },
        };
        return new Dictionary<string, object>
        {
            ["server_info"] = new { probe_engines = false },
            ["job_status"] = new { job_id = "job-20261123-101500-ab12cd" },
            ["job_list"] = new { },
            ["data_list_tables"] = new { },
            ["data_list_sources"] = new { }, // no source configured here: the listing says so (reads of a real server: LoadSourceToolTests)
            ["data_describe_table"] = new { table = "sales" },
            ["data_query"] = new { sql = "SELECT city, sum(amount) FROM sales GROUP BY city" },
            ["data_load"] = new { path = csv, table = "sales" },
            ["suggest_transformations"] = new { table = "sales" },
            ["analyze_mlflow_runs"] = new { experiment = "demo", metric = "acc" },
            ["explain_run_difference"] = new { run_a = a, run_b = b, metric = "acc" },
            ["mlflow_get_run"] = new { run_id = a },
            ["mlflow_leaderboard"] = new { experiment = "demo", metric = "acc" },
            ["mlflow_list_experiments"] = new { },
            ["mlflow_models"] = new { },
            ["mlflow_search_runs"] = new { experiment = "demo" },
            ["analyze_pde_problem"] = new { spec },
            ["pinn_list_runs"] = new { },
            ["predict_convergence"] = new { losses = Enumerable.Range(0, 12).Select(i => Math.Pow(0.7, i)).ToArray(), target_loss = 0.001 },
            ["workbench_audit"] = new { },
            ["workbench_list_runs"] = new { },
            ["workbench_run_card"] = new { run_id = runId },
        };
    }
}
