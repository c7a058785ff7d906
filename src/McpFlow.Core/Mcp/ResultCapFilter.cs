using McpFlow.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// The backstop for result size, outermost around every tool: a result's text (all text blocks together) and its
/// structured content (serialized) each stay within <see cref="ResultCap.For"/>: the configured page cap
/// (<see cref="SqlOptions.MaxCharacters"/>, default 60 000 characters, about 15k tokens) plus
/// <see cref="ResultCap.Headroom"/> for a page's footer and metadata, even when a tool forgets to page. Oversize text is cut with a note; oversize
/// structured content is replaced by a summary object (<see cref="ResultCap.Summary"/>) saying it was cut and how to
/// ask for less. The tool is logged. Images are not counted.
/// </summary>
public static class ResultCapFilter
{
    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            var services = context.Services ?? context.Server.Services;
            var cap = ResultCap.For(services?.GetService<McpFlowOptions>()?.Sql ?? new SqlOptions());
            var tool = Errors.ArgumentEcho.Show(context.Params?.Name ?? "", 60);
            var (text, structured) = ResultCap.Apply(result, tool, cap);
            if (text is not null || structured is not null)
            {
                services?.GetService<ILoggerFactory>()?.CreateLogger("McpFlow.Tools").LogWarning(
                    "Tool {Tool} returned an oversize result (text {Text} characters, structured content {Structured} characters; cap {Cap}); it was cut",
                    tool, text, structured, cap);
            }

            return result;
        };
}
