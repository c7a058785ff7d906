using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_search_runs</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class SearchRunsTool(RunLoader loader)
{
    /// <summary>Order clauses accepted at most: MLflow orders by a handful of keys; thousands only make work.</summary>
    public const int MaxOrderClauses = 20;

    /// <summary>Characters per order clause at most (a key in backticks and a direction fit many times over).</summary>
    public const int MaxOrderClauseLength = 500;

    /// <summary>Searches runs.</summary>
    [McpServerTool(Name = "mlflow_search_runs", Title = "Search MLflow runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Searches an experiment's runs with MLflow filter and order, one page at a time.")]
    public async Task<CallToolResult> Search(
        [Description("Experiment, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Filter, e.g. \"metrics.acc > 0.9\".")] string? filter = null,
        [Description("Order, e.g. [\"metrics.acc DESC\"].")] string[]? order_by = null,
        [Description("Page size, e.g. 10.")][Range(1, 1000)] int max_results = 50,
        [Description("Next page token, e.g. \"eyJvIjo1MH0=\".")] string? page_token = null,
        CancellationToken cancellationToken = default)
    {
        if (order_by is { Length: > MaxOrderClauses })
            throw McpFlowException.Invalid($"order_by: at most {MaxOrderClauses} order clauses; got {order_by.Length}.", "E.g. order_by=[\"metrics.accuracy DESC\"].");
        if (order_by?.Any(c => c is null || c.Length > MaxOrderClauseLength) == true)
            throw McpFlowException.Invalid($"order_by: each clause is a key and an optional direction of at most {MaxOrderClauseLength} characters.", "E.g. order_by=[\"metrics.accuracy DESC\"].");
        var exp = await loader.ResolveExperimentAsync(experiment, cancellationToken);
        var page = await loader.Reader.SearchRunsAsync(new RunSearchRequest([exp.ExperimentId], filter, order_by, Math.Clamp(max_results, 1, 1000), page_token), cancellationToken);
        var text = new StringBuilder($"{page.Items.Count} run(s) of '{exp.Name}' [{exp.ExperimentId}]" + (filter is null ? "" : $" matching {ArgumentEcho.Show(filter)}") + ":\n");
        foreach (var r in page.Items)
        {
            var metrics = string.Join(", ", r.Metrics.Values.OrderBy(m => m.Key, StringComparer.Ordinal).Take(6).Select(m => $"{m.Key}={m.Value.ToString("G4", CultureInfo.InvariantCulture)}"));
            var parameters = string.Join(", ", r.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Take(6).Select(p => $"{p.Key}={p.Value}"));
            text.AppendLine($"- {r.DisplayName} ({r.RunId}, {r.State}): {metrics} | {parameters}");
        }

        if (page.NextPageToken is not null)
            text.AppendLine($"More: call again with page_token=\"{page.NextPageToken}\".");
        return ToolResults.Create(text.ToString().TrimEnd(), new { experiment = exp, runs = page.Items, nextPageToken = page.NextPageToken });
    }
}
