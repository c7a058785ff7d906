using System.Reflection;
using ModelContextProtocol.Server;

namespace McpFlow.Testing;

/// <summary>
/// The behaviour hints each tool method states in its <see cref="McpServerToolAttribute"/>. On the wire only the hints
/// that differ from the specification's defaults are sent (<c>McpFlow.Core.Mcp.ToolHints</c>), so whether a tool's author
/// decided all four (ReadOnly, Destructive, Idempotent, OpenWorld) is read from the attribute as written in the source.
/// </summary>
public static class DeclaredToolHints
{
    private static readonly string[] Hints =
    [
        nameof(McpServerToolAttribute.ReadOnly), nameof(McpServerToolAttribute.Destructive),
        nameof(McpServerToolAttribute.Idempotent), nameof(McpServerToolAttribute.OpenWorld),
    ];

    /// <summary>"tool: missing hints" for every tool method in <paramref name="assemblies"/> whose attribute leaves
    /// one of the four hints unset.</summary>
    public static IReadOnlyList<string> Undecided(IEnumerable<Assembly> assemblies)
    {
        var problems = new List<string>();
        var methods = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            var attribute = method.CustomAttributes.FirstOrDefault(a => a.AttributeType == typeof(McpServerToolAttribute));
            if (attribute is null)
                continue;
            var named = attribute.NamedArguments.Select(n => n.MemberName).ToHashSet(StringComparer.Ordinal);
            var missing = Hints.Where(h => !named.Contains(h)).ToList();
            if (missing.Count > 0)
            {
                var name = attribute.NamedArguments.FirstOrDefault(n => n.MemberName == nameof(McpServerToolAttribute.Name)).TypedValue.Value;
                problems.Add($"{name ?? method.Name}: set {string.Join(", ", missing)} in [McpServerTool]");
            }
        }

        return problems;
    }
}
