using System.ComponentModel;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Data.Sources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_list_sources</c> tool.</summary>
[McpServerToolType]
public sealed class ListSourcesTool(SourceCatalog catalog)
{
    /// <summary>Lists the configured database sources, and one source's tables and columns.</summary>
    [McpServerTool(Name = "data_list_sources", Title = "List database sources",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Lists the configured database sources, or one source's tables.")]
    public async Task<CallToolResult> List(
        [Description("e.g. \"warehouse\".")] string? source = null,
        CancellationToken cancellationToken = default)
    {
        var listing = await catalog.ListAsync(source, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder(listing.Sources.Count == 0 ? "No database source is configured." : $"{listing.Sources.Count} source(s):\n");
        foreach (var s in listing.Sources)
            text.AppendLine($"- {s.Name} ({s.Kind}): {s.Host}:{s.Port}" + (s.Database is null ? "" : $"/{s.Database}") + (s.User is null ? "" : $" as {s.User}"));
        if (listing.Source is not null)
        {
            text.AppendLine($"Tables of '{listing.Source}' ({listing.Tables.Count}{(listing.TablesLeftOut > 0 ? $", {listing.TablesLeftOut:N0} more not listed" : "")}):");
            foreach (var t in listing.Tables)
                text.AppendLine($"- {t.Schema}.{t.Name} ({t.Type}): {string.Join(", ", t.Columns)}" + (t.ColumnsLeftOut > 0 ? $", … {t.ColumnsLeftOut} more" : ""));
        }

        IReadOnlyList<string> next = listing.Sources.Count == 0
            ? ["Ask the operator to configure a source (docs/deployment.md, Database sources)."]
            : listing.Source is null
                ? ["Call data_list_sources with a source to see its tables, then data_load_source to load one."]
                : ["Call data_load_source with the source and a source_table (or a query) to load it."];
        return ToolResults.Create(text.ToString().TrimEnd(), listing, next);
    }
}
