using System.Text;
using ModelContextProtocol.Client;

namespace McpFlow.Walkthrough;

/// <summary>Renders the tool catalogue table that README.md embeds (checked by a test so it cannot drift).</summary>
public static class Catalogue
{
    /// <summary>Marker before the table in README.md.</summary>
    public const string Begin = "<!-- tool-catalogue:begin -->";

    /// <summary>Marker after the table in README.md.</summary>
    public const string End = "<!-- tool-catalogue:end -->";

    /// <summary>The Markdown table: one row per tool, sorted by name.</summary>
    public static string Markdown(IEnumerable<McpClientTool> tools)
    {
        var text = new StringBuilder().AppendLine("| tool | read-only | what it does |").AppendLine("|---|---|---|");
        foreach (var tool in tools.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var description = tool.Description.Split(". ")[0].TrimEnd('.').Replace("|", "\\|", StringComparison.Ordinal);
            var readOnly = tool.ProtocolTool.Annotations?.ReadOnlyHint == true ? "yes" : "no";
            text.AppendLine($"| `{tool.Name}` | {readOnly} | {description}. |");
        }

        return text.ToString().TrimEnd();
    }
}
