using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
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
    /// <summary>Lists registered models, one model's versions, or one version's lineage.</summary>
    [McpServerTool(Name = "mlflow_models", Title = "Registered models, versions and lineage", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists registered models; with name, its versions and aliases; with version or alias, that version's lineage.")]
    public async Task<CallToolResult> Models(
        [Description("Model name, e.g. \"churn\".")] string? name = null,
        [Description("Version or alias, e.g. \"3\" or \"champion\".")] string? version = null,
        [Description("Model filter, e.g. \"name LIKE '%churn%'\".")] string? filter = null,
        [Description("Max results, 1-200; e.g. 50.")][Range(1, 200)] int max_results = 50,
        [Description("Next page token, e.g. \"eyJvIjo1MH0=\".")] string? page_token = null,
        CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            var page = await registry.Registry.SearchRegisteredModelsAsync(filter, max_results, page_token, cancellationToken);
            var text = new StringBuilder(page.Items.Count == 0 ? "No registered models." : $"{page.Items.Count} registered model(s):\n");
            foreach (var m in page.Items)
                text.AppendLine($"- {m.Name}: latest {Latest(m.LatestVersions)}{Aliases(m.Aliases)}");
            IReadOnlyList<string> next = page.NextPageToken is null ? [] : [$"More models: page_token=\"{page.NextPageToken}\"."];
            return ToolResults.Create(text.ToString().TrimEnd(), new { models = page.Items, nextPageToken = page.NextPageToken }, next);
        }

        RegistryNames.RequireModelName(name);
        if (version is null)
        {
            var model = await registry.Registry.GetRegisteredModelAsync(name, cancellationToken);
            var versions = await registry.Registry.SearchModelVersionsAsync(name, max_results, page_token, cancellationToken);
            var text = new StringBuilder($"{model.Name}{Aliases(model.Aliases)}; {versions.Items.Count} version(s):\n");
            foreach (var v in versions.Items)
                text.AppendLine(CultureInfo.InvariantCulture, $"- v{v.Version}: {v.CurrentStage}, run {v.RunId}{(v.Aliases.Count > 0 ? ", @" + string.Join(" @", v.Aliases) : "")}");
            IReadOnlyList<string> next = versions.NextPageToken is null ? [] : [$"More versions: page_token=\"{versions.NextPageToken}\"."];
            return ToolResults.Create(text.ToString().TrimEnd(), new { model, versions = versions.Items, nextPageToken = versions.NextPageToken }, next);
        }

        var uri = version.All(char.IsAsciiDigit) ? new ModelUri(name, RegistryNames.RequireVersion(version), null, null) : new ModelUri(name, null, RegistryNames.RequireAlias(version, "version"), null);
        var found = await registry.FindAsync(uri, cancellationToken);
        var lineage = await registry.LineageAsync(found, cancellationToken);
        return ToolResults.Create(Describe(uri, lineage), lineage);
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
