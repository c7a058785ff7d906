using System.Text.Json.Nodes;

namespace McpFlow.Bench.Load;

/// <summary>
/// What each role calls, with weights: read-only queries over a 200,000-row table dominate, analysts profile the
/// 10,000-row customers table and submit tiny PINN trainings (then follow them with job_status), approvers read the
/// review queue. The weights are an agent's mix of a working session, not a worst case.
/// </summary>
internal static class CallMix
{
    // -Δu = 2π² sin(πx) sin(πy) on the unit square (the apps harness's tiny training: a few seconds, reaches its target).
    private static readonly JsonObject Poisson = new()
    {
        ["preset"] = "poisson",
        ["domain"] = new JsonObject { ["x"] = new JsonArray(0, 1), ["y"] = new JsonArray(0, 1) },
        ["source"] = "2*pi^2*sin(pi*x)*sin(pi*y)",
        ["boundary_conditions"] = new JsonArray(new JsonObject { ["where"] = "all", ["type"] = "dirichlet", ["value"] = "0" }),
    };

    private static readonly string[] Queries =
    [
        "SELECT region, count(*) AS orders, round(avg(amount), 2) AS mean_amount FROM sales GROUP BY region ORDER BY orders DESC",
        "SELECT product, sum(quantity) AS units FROM sales WHERE amount > 100 GROUP BY product ORDER BY units DESC LIMIT 10",
        "SELECT date_trunc('month', day) AS month, sum(amount) AS revenue FROM sales GROUP BY month ORDER BY month",
        "SELECT * FROM sales WHERE id % 997 = 0 ORDER BY id LIMIT 50",
    ];

    /// <summary>The weighted calls of a role: (weight, operation name).</summary>
    public static IReadOnlyList<(int Weight, string Operation)> For(UserRole role) => role switch
    {
        UserRole.Viewer => [(65, "data_query"), (20, "data_describe_table"), (15, "job_list")],
        UserRole.Analyst => [(45, "data_query"), (25, "analyze_dataframe"), (10, "data_describe_table"), (5, "pinn_train"), (15, "job_status")],
        _ => [(40, "workbench_list_runs"), (40, "data_query"), (20, "job_list")],
    };

    /// <summary>The arguments of <paramref name="operation"/>; null when the call has nothing to act on yet (job_status before any job).</summary>
    public static Dictionary<string, object?>? Arguments(string operation, Random random, string? lastJob) => operation switch
    {
        "data_query" => new() { ["sql"] = Queries[random.Next(Queries.Length)], ["max_rows"] = 50 },
        "data_describe_table" => new() { ["table"] = random.Next(2) == 0 ? "sales" : "customers", ["sample_rows"] = 5 },
        "analyze_dataframe" => new() { ["table"] = "customers" },
        "pinn_train" => new()
        {
            ["spec"] = Poisson.DeepClone(),
            ["settings"] = new JsonObject
            {
                ["depth"] = 2, ["width"] = 16, ["interior_points"] = 256, ["lbfgs_steps"] = 0, ["learning_rate"] = 0.01,
                ["log_every"] = 10, ["seed"] = random.Next(1000), ["adam_steps"] = 300, ["target_loss"] = 0.2,
            },
            ["wait_seconds"] = 0,
        },
        "job_status" => lastJob is null ? null : new() { ["job_id"] = lastJob },
        "job_list" => new() { ["limit"] = 20 },
        "workbench_list_runs" => new() { },
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not in the mix"),
    };

    /// <summary>Picks an operation by weight.</summary>
    public static string Pick(IReadOnlyList<(int Weight, string Operation)> mix, Random random)
    {
        var roll = random.Next(mix.Sum(m => m.Weight));
        foreach (var (weight, operation) in mix)
        {
            if (roll < weight)
                return operation;
            roll -= weight;
        }

        return mix[^1].Operation;
    }
}
