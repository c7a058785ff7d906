namespace McpFlow.Security.Tests;

/// <summary>All red-team classes run one after another (xunit.runner.json turns parallel collections off too): each
/// starts real server processes, and the deadlines are hang detectors that must not measure contention with each
/// other.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "red team";
}
