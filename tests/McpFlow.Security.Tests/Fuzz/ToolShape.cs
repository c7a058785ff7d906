using McpFlow.Security.Tests.Harness;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>A tool as a real server lists it.</summary>
internal sealed record ToolShape(string Name, IReadOnlyList<ToolParameter> Parameters)
{
    /// <summary>Every tool the server lists (tools/list), with its parameters.</summary>
    public static async Task<IReadOnlyList<ToolShape>> ListAsync(GuardedServer server)
    {
        var instance = await server.InstanceAsync();
        using var deadline = new CancellationTokenSource(Deadlines.Call);
        var tools = await instance.Client.ListToolsAsync(cancellationToken: deadline.Token);
        return tools.Select(t =>
        {
            var schema = t.ProtocolTool.InputSchema;
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var parameters = schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => ToolParameter.From(p.Name, p.Value, required.Contains(p.Name))).ToList()
                : [];
            return new ToolShape(t.Name, parameters);
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
