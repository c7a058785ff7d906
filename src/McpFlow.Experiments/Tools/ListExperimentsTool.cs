using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_list_experiments</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class ListExperimentsTool(ITrackingStore store)
{
    /// <summary>Lists experiments.</summary>
    [McpServerTool(Name = "mlflow_list_experiments", Title = "List MLflow experiments", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists the tracking store's experiments. Start here.")]
    public async Task<CallToolResult> List(
        [Description("Filter, e.g. \"name LIKE '%cnn%'\".")] string? filter = null,
        [Description("Page size, e.g. 20.")][Range(1, 1000)] int max_results = 100,
        [Description("Next page token, e.g. \"eyJvIjo1MH0=\".")] string? page_token = null,
        CancellationToken cancellationToken = default)
    {
        var page = await store.SearchExperimentsAsync(filter, Math.Clamp(max_results, 1, 1000), page_token, cancellationToken);
        var text = new StringBuilder($"{page.Items.Count} experiment(s) in {store.Location} ({store.Kind} store):\n");
        foreach (var e in page.Items)
            text.AppendLine($"- [{e.ExperimentId}] {e.Name}" + (e.Tags.Count == 0 ? "" : $" (tags: {string.Join(", ", e.Tags.Select(t => t.Key + "=" + t.Value))})"));
        if (page.NextPageToken is not null)
            text.AppendLine($"More: call again with page_token=\"{page.NextPageToken}\".");
        return ToolResults.Create(text.ToString().TrimEnd(), new ExperimentList(store.Location, store.Kind, page.Items, page.NextPageToken));
    }
}
