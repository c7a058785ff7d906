using System.Reflection;
using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Data;
using McpFlow.Experiments;
using McpFlow.Physics;
using McpFlow.Pipelines;
using McpFlow.Workbench;
using ModelContextProtocol.Server;

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

    /// <summary>The tool names <paramref name="options"/>' <c>--tools</c> and <c>--exclude-tools</c> are checked against
    /// (<see cref="ToolNames"/>), or <c>null</c> when they name no tool: reading the names reflects over every type of
    /// every group's assembly, about 40 ms of CPU that every start would pay (docs/benchmarks.md, start-up).</summary>
    public static IReadOnlyDictionary<string, string>? ToolNamesToCheck(McpFlowOptions options) =>
        options.Tools.Count + options.ExcludeTools.Count > 0 ? ToolNames() : null;

    /// <summary>Every tool name compiled into the server and its group, read from the <c>[McpServerTool]</c> methods of
    /// the <c>[McpServerToolType]</c> classes in each group's assembly (core: McpFlow.Core), for validating
    /// <c>--tools</c> and <c>--exclude-tools</c> without starting the server.</summary>
    public static IReadOnlyDictionary<string, string> ToolNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in All().Prepend<IToolGroup>(new CoreToolGroup()))
        {
            var tools = group.GetType().Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null)
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
                .Select(m => m.GetCustomAttribute<McpServerToolAttribute>()?.Name)
                .OfType<string>();
            foreach (var tool in tools)
                names[tool] = group.Name;
        }

        return names;
    }
}
