using System.Text.Json;
using McpFlow.Core.Errors;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// An incoming-message filter, the outermost layer of every request: a request that still fails with something
/// other than an <see cref="McpException"/> would reach the client as the SDK's bare "An error occurred.". Here
/// params that cannot be read (a JSON type the method does not take, e.g. tool arguments that are not an object)
/// become an invalid-params error saying where and what shape is expected; anything else is logged under a log id
/// and reported by its type. Error texts never repeat more than <see cref="ArgumentEcho.MaxEcho"/> characters of
/// the request's params.
/// </summary>
public static class ProtocolErrorFilter
{
    /// <summary>Wraps the incoming-message handler.</summary>
    public static McpMessageHandler Wrap(McpMessageHandler next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                await next(context, cancellationToken);
            }
            catch (Exception ex) when (context.JsonRpcMessage is JsonRpcRequest request && ex is not OperationCanceledException)
            {
                var method = ArgumentEcho.Show(request.Method ?? "", 60);
                var texts = ArgumentEcho.Texts(request.Params).Append(request.Method ?? "").ToList();
                switch (ex)
                {
                    case McpProtocolException protocol:
                        var message = ArgumentEcho.Shorten(protocol.Message, texts);
                        if (ReferenceEquals(message, protocol.Message))
                            throw;
                        throw new McpProtocolException(message, protocol, protocol.ErrorCode);
                    case McpException mcp:
                        throw new McpProtocolException(ArgumentEcho.Shorten(mcp.Message, texts), mcp, McpErrorCode.InternalError);
                    case JsonException json:
                        throw new McpProtocolException(Malformed(method, json), json, McpErrorCode.InvalidParams);
                    default:
                        var id = ErrorReport.LogId(ex);
                        var logger = (context.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("McpFlow.Requests");
                        logger?.LogError(ex, "Request {Method} failed (log id {LogId})", method, id);
                        throw new McpProtocolException($"{ErrorReport.ForClient(ex, method)}. The server is still running.", McpErrorCode.InternalError);
                }
            }
        };

    private static string Malformed(string method, JsonException error)
    {
        var where = string.IsNullOrEmpty(error.Path) ? "" : $" (at {ArgumentEcho.Show(error.Path, 80)})";
        var shape = method == RequestMethods.ToolsCall
            ? "send {\"name\": \"<tool>\", \"arguments\": {\"<parameter>\": <value>, …}}, with arguments a JSON object (tools/list shows each tool's parameters)"
            : $"check them against the MCP specification of {method}";
        return $"The params of {method} could not be read{where}: {shape}.";
    }
}
