using McpFlow.Core.Groups;
using McpFlow.Data;
using McpFlow.Experiments;
using McpFlow.Physics;
using McpFlow.Pipelines;
using McpFlow.Workbench;

namespace McpFlow.Server;

/// <summary>Every tool group compiled into the server, in the order they are listed.</summary>
public static class ToolGroups
{
    /// <summary>Creates the groups.</summary>
    public static IReadOnlyList<IToolGroup> All() =>
    [
        new DataToolGroup(),
        new ExperimentsToolGroup(),
        new PhysicsToolGroup(),
        new PipelinesToolGroup(),
        new WorkbenchToolGroup(),
    ];

    /// <summary>Names of all groups, including the always-on core group.</summary>
    public static IReadOnlyList<string> Names() => ["core", .. All().Select(g => g.Name)];
}
