using System.ComponentModel;
using System.Globalization;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Registry;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_models</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class ModelsTool(ModelRegistryService registry)
{
    /// <summary>Models or versions listed in one answer (newest versions first); a pattern narrows a longer list.</summary>
    public const int MaxListed = 100;

    /// <summary>Lists registered models, one model's versions, or one version's lineage.</summary>
    [McpServerTool(Name = "mlflow_models", Title = "Registered models", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists registered models, a model's versions, or a version's lineage.")]
    public async Task<CallToolResult> Models(
        [Description("Name, %pattern%, name/3 or name@alias; e.g. \"churn@champion\".")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        var query = ModelQuery.Parse(name);
        if (query.Version is not null || query.Alias is not null)
        {
            var uri = new ModelUri(query.Name!, query.Version, query.Alias, null);
            var lineage = await registry.LineageAsync(await registry.FindAsync(uri, cancellationToken), cancellationToken);
            return ToolResults.Create(Describe(uri, lineage), lineage);
        }

        if (query.Name is null)
        {
            var page = await registry.Registry.SearchRegisteredModelsAsync(query.Filter, MaxListed, null, cancellationToken);
            var text = new StringBuilder(page.Items.Count == 0 ? "No registered models." : $"{page.Items.Count} registered model(s):\n");
            foreach (var m in page.Items)
                text.AppendLine($"- {m.Name}: latest {Latest(m.LatestVersions)}{Aliases(m.Aliases)}");
            IReadOnlyList<string> next = page.NextPageToken is null ? [] : [$"Only the first {MaxListed} are listed: pass a pattern such as name=\"%churn%\"."];
            return ToolResults.Create(text.ToString().TrimEnd(), new { models = page.Items, truncated = page.NextPageToken is not null }, next);
        }

        var model = await registry.Registry.GetRegisteredModelAsync(query.Name, cancellationToken);
        var versions = await registry.Registry.SearchModelVersionsAsync(query.Name, MaxListed, null, cancellationToken);
        var listing = new StringBuilder($"{model.Name}{Aliases(model.Aliases)}; {versions.Items.Count} version(s){(versions.NextPageToken is null ? "" : $" (the newest {MaxListed})")}:\n");
        foreach (var v in versions.Items)
            listing.AppendLine(CultureInfo.InvariantCulture, $"- v{v.Version}: {v.CurrentStage}, run {v.RunId}{(v.Aliases.Count > 0 ? ", @" + string.Join(" @", v.Aliases) : "")}");
        return ToolResults.Create(listing.ToString().TrimEnd(), new { model, versions = versions.Items, truncated = versions.NextPageToken is not null },
            [$"mlflow_models name=\"{model.Name}/<version>\" or \"{model.Name}@<alias>\" shows a version's lineage."]);
    }

    private static string Latest(IReadOnlyList<ModelVersionInfo> versions) =>
        versions.Count == 0 ? "none" : string.Join(", ", versions.Select(v => $"v{v.Version} ({v.CurrentStage})"));

    private static string Aliases(IReadOnlyDictionary<string, int> aliases) =>
        aliases.Count == 0 ? "" : " [" + string.Join(", ", aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"@{a.Key}=v{a.Value}")) + "]";

    private static string Describe(ModelUri uri, ModelLineage l)
    {
        var text = new StringBuilder($"{uri} is version {l.Version.Version} ({l.Version.CurrentStage}), source {l.Version.Source}.\n");
        text.AppendLine($"Run {l.RunId} ({l.RunName}, {l.RunStatus}) in experiment {l.ExperimentName ?? "?"} ({l.ExperimentId}), logged by {l.Tool ?? "an MLflow client"}.");
        text.AppendLine($"Data: table {l.Table ?? "not logged"}, hash {l.DataHash ?? "not logged"}; model id {l.ModelId ?? "none"}.");
        if (l.Spec.Count > 0)
            text.AppendLine("Spec: " + string.Join(", ", l.Spec.Select(s => $"{s.Key}={s.Value}")) + (l.SpecArtifact is null ? "" : $" (file {l.SpecArtifact})") + ".");
        if (l.Metrics.Count > 0)
            text.AppendLine("Metrics: " + string.Join(", ", l.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:G6}"))) + ".");
        return text.ToString().TrimEnd();
    }
}
