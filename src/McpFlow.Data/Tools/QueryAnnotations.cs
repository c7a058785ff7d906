using McpFlow.Core.Configuration;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>
/// data_query's annotations follow the configuration: read-only and idempotent by default, but with
/// <c>--sql-allow-writes</c> it runs INSERT, UPDATE, DELETE and DROP, so it is then neither read-only nor idempotent,
/// and destructive (and absent in <c>--read-only</c> mode, which keeps only read-only tools).
/// </summary>
internal static class QueryAnnotations
{
    /// <summary>Marks data_query as writing when the options allow SQL writes.</summary>
    public static void Apply(McpServerOptions server, McpFlowOptions options)
    {
        if (!options.Sql.AllowWrites || server.ToolCollection is not { } tools || !tools.TryGetPrimitive("data_query", out var query))
            return;
        query.ProtocolTool.Annotations ??= new();
        query.ProtocolTool.Annotations.ReadOnlyHint = false;
        query.ProtocolTool.Annotations.IdempotentHint = false;
        query.ProtocolTool.Annotations.DestructiveHint = true;
    }
}
