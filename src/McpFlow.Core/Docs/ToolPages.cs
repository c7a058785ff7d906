using System.Reflection;

namespace McpFlow.Core.Docs;

/// <summary>
/// The documentation page of every tool (docs/tools/&lt;name&gt;.md, embedded in this assembly): what the tool does in
/// detail, its parameters with defaults, ranges and examples, its limits, and the related tools. Tool descriptions stay
/// short because tools/list counts against the client's context; the detail is read on demand from here.
/// </summary>
public sealed class ToolPages
{
    /// <summary>Prefix of the pages' manifest resource names (set in McpFlow.Core.csproj).</summary>
    public const string ResourcePrefix = "McpFlow.Core.ToolDocs.";

    private const string Extension = ".md";

    private readonly Dictionary<string, string> _pages;

    /// <summary>Reads every embedded page once.</summary>
    public ToolPages()
    {
        var assembly = typeof(ToolPages).Assembly;
        _pages = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..^Extension.Length], n => Read(assembly, n), StringComparer.Ordinal);
    }

    /// <summary>The tool names that have a page, sorted.</summary>
    public IReadOnlyList<string> Names => _pages.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The Markdown page of <paramref name="tool"/>, or null when it has none.</summary>
    public string? Find(string tool) => _pages.GetValueOrDefault(tool);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
