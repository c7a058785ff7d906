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
    [McpServerTool(Name = "mlflow_list_experiments", Title = "List MLflow experiments", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ExperimentList))]
    [Description("Lists the experiments of the tracking store (the workspace's MLflow file store, an MLflow server, or an MLflow SQLite database) with ids, names and tags. Start here to find the experiment to analyse.")]
    public async Task<CallToolResult> List(
        [Description("Optional MLflow experiment filter, e.g. \"name LIKE '%resnet%'\". Default: all active experiments.")] string? filter = null,
        [Description("Page size, 1-1000. Default 100; e.g. 20.")][Range(1, 1000)] int max_results = 100,
        [Description("next_page_token of a previous call to get the next page, e.g. \"eyJvZmZzZXQiOiAxMDB9\"; omit for the first page.")] string? page_token = null,
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
