using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Sources;

/// <summary>The operator's database sources (<see cref="McpFlowOptions.Sources"/>), looked up by name.</summary>
public sealed class SourceRegistry
{
    private readonly Dictionary<string, DatabaseSource> _sources = new(StringComparer.Ordinal);

    /// <summary>Reads the sources from the options (validated at start-up).</summary>
    public SourceRegistry(McpFlowOptions options)
    {
        foreach (var (name, spec) in options.Sources)
        {
            if (DatabaseSourceSpec.Split(spec) is not { } parts)
                continue;
            var key = name.ToLowerInvariant();
            _sources[key] = new DatabaseSource(key, parts.Kind, parts.ConnectionString, options.SourcePasswords.GetValueOrDefault(key));
        }
    }

    /// <summary>Every source, by name.</summary>
    public IReadOnlyList<DatabaseSource> All => _sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>The source named <paramref name="name"/>; an actionable error naming the configured ones otherwise.</summary>
    public DatabaseSource Get(string name, string parameter = "source")
    {
        if (_sources.TryGetValue(name.Trim().ToLowerInvariant(), out var source))
            return source;
        var shown = ArgumentEcho.Show(name, 63);
        if (_sources.Count == 0)
            throw McpFlowException.NotFound($"{parameter}: no database source is configured, so '{shown}' cannot be read.",
                "Ask the operator to configure one (--source name=postgresql:..., or MCPFLOW_SOURCE__NAME; docs/deployment.md).");
        throw McpFlowException.NotFound($"{parameter}: '{shown}' is not a configured source; configured: {string.Join(", ", _sources.Keys.Order(StringComparer.Ordinal))}.",
            "Call data_list_sources to see them.");
    }
}
