using McpFlow.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// Applies the caller's role (<see cref="ToolAccess"/>): a call to a tool the role cannot call is refused with a
/// Forbidden error naming the role it needs, and every allowed call runs with its caller made current
/// (<see cref="CallerScope"/>), so what it records names the user. tools/list leaves out what the role cannot call.
/// The caller comes from the request's principal (<see cref="CallerClaims.From"/>): stdio and HTTP without identities
/// are the local user, who may call everything, and see tools/list unchanged. A refused call is recorded
/// (<see cref="IRefusalAudit"/>: user, tool and reason, never the arguments).
/// </summary>
public static class RoleFilter
{
    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var caller = CallerClaims.From(context.User);
            if (!caller.IsLocal && context.Server.ServerOptions.ToolCollection is { } tools
                && tools.TryGetPrimitive(context.Params?.Name ?? "", out var tool))
            {
                var name = tool.ProtocolTool.Name;
                var required = Required(tool.ProtocolTool);
                if (!caller.Has(required))
                    (context.Services ?? context.Server.Services)?.GetService<IRefusalAudit>()
                        ?.Refused(caller.Name, name, $"role {caller.Role.Name()}; {name} needs the role {required.Name()}");
                ToolAccess.EnsureAllowed(caller, name, ReadOnly(tool.ProtocolTool));
            }

            using (CallerScope.Enter(caller))
                return await next(context, cancellationToken);
        };

    /// <summary>The role <paramref name="tool"/> needs (<see cref="ToolAccess.Required"/> with its effective read-only hint).</summary>
    public static UserRole Required(Tool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return ToolAccess.Required(tool.Name, ReadOnly(tool));
    }

    private static bool ReadOnly(Tool tool) => ToolHints.Effective(tool.Annotations).ReadOnly;

    /// <summary>Wraps a list-tools handler: removes the tools the caller's role cannot call.</summary>
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> WrapList(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            var caller = CallerClaims.From(context.User);
            if (!caller.IsLocal)
                result.Tools = result.Tools.Where(t => caller.Has(Required(t))).ToList();
            return result;
        };
}
