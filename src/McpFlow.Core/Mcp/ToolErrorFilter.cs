using McpFlow.Core.Errors;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>
/// The one place where failures become what the model sees: <see cref="McpFlowException"/> keeps its
/// actionable message; cancellation says so; anything unforeseen is logged in full and reported with its type
/// and message (never a stack trace, never a bare "an error occurred").
/// </summary>
public static class ToolErrorFilter
{
    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var tool = context.Params?.Name ?? "(unnamed)";
            try
            {
                return await next(context, cancellationToken);
            }
            catch (McpFlowException ex)
            {
                Logger(context)?.LogInformation("Tool {Tool} refused: {Kind} {Message}", tool, ex.Kind, ex.Message);
                return Error($"{tool}: {ex.ToClientMessage()}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // The client cancelled; the SDK answers nothing for a cancelled request.
            }
            catch (OperationCanceledException ex)
            {
                Logger(context)?.LogWarning(ex, "Tool {Tool} timed out", tool);
                return Error($"{tool}: the operation was cancelled or timed out before it finished. Try a smaller input or a longer timeout.");
            }
            catch (McpException)
            {
                throw; // Already phrased for the client (the SDK turns it into an error result).
            }
            catch (Exception ex)
            {
                Logger(context)?.LogError(ex, "Tool {Tool} failed unexpectedly", tool);
                return Error($"{tool} failed unexpectedly ({ex.GetType().Name}: {ex.Message}). The server is still running; " +
                    "check the arguments, and report this if it happens again.");
            }
        };

    /// <summary>
    /// Wraps any other request handler (resources, prompts): a <see cref="McpFlowException"/> becomes an
    /// <see cref="McpException"/> whose message reaches the client as the JSON-RPC error message.
    /// </summary>
    public static McpRequestHandler<TParams, TResult> WrapRequest<TParams, TResult>(McpRequestHandler<TParams, TResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (McpFlowException ex)
            {
                throw new McpException(ex.ToClientMessage(), ex);
            }
        };

    /// <summary>An error result the model can act on.</summary>
    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    private static ILogger? Logger(RequestContext<CallToolRequestParams> context) =>
        (context.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("McpFlow.Tools");
}
