using System.Text.Json;
using McpFlow.Core.Errors;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)

/// <summary>
/// The one place where failures become what the model sees. Only <see cref="McpFlowException"/> text (and the
/// SDK's own <see cref="McpException"/> text) reaches the client; cancellation says so; anything else is logged in
/// full under a short log id and reported as "&lt;tool&gt; failed: &lt;ExceptionType&gt; (log id &lt;id&gt;)", never with its
/// message, which can echo data. No error text repeats more than <see cref="ArgumentEcho.MaxEcho"/> characters of
/// any argument of the call.
/// </summary>
public static class ToolErrorFilter
{
    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var name = context.Params?.Name ?? "";
            var tool = ArgumentEcho.Show(name);
            var arguments = context.Params?.Arguments;
            if (context.Server.ServerOptions.ToolCollection is { } tools && !tools.TryGetPrimitive(name, out _))
                throw new McpProtocolException(UnknownTool(tool, tools.Select(t => t.ProtocolTool.Name)), McpErrorCode.InvalidParams);
            try
            {
                var result = await next(context, cancellationToken);
                return result.IsError == true ? ShortenEchoes(result, arguments) : result;
            }
            catch (McpFlowException ex)
            {
                Logger(context)?.LogInformation("Tool {Tool} refused: {Kind} {Message}", tool, ex.Kind, ArgumentEcho.Show(ex.Message, 500));
                return Error(Shorten($"{tool}: {ex.ToClientMessage()}", arguments));
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
            catch (McpProtocolException ex)
            {
                // A protocol-level answer (e.g. URL elicitation required) keeps its code; only its text is bounded.
                var message = Shorten(ex.Message, arguments);
                if (ReferenceEquals(message, ex.Message))
                    throw;
                throw new McpProtocolException(message, ex, ex.ErrorCode);
            }
            catch (McpException ex)
            {
                Logger(context)?.LogInformation("Tool {Tool} answered an MCP error: {Message}", tool, ArgumentEcho.Show(ex.Message, 500));
                return Error(Shorten($"{tool}: {ex.Message}", arguments));
            }
#pragma warning disable CA1031 // Boundary: any tool failure becomes an error result and the server stays up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var id = ErrorReport.LogId(ex);
                Logger(context)?.LogError(ex, "Tool {Tool} failed (log id {LogId})", tool, id);
                return Error($"{ErrorReport.ForClient(ex, tool)}. The server is still running; check the arguments, and report the log id " +
                    "to the operator if it happens again.");
            }
        };

    /// <summary>
    /// Wraps any other request handler (resources, prompts): a <see cref="McpFlowException"/> becomes an
    /// <see cref="McpProtocolException"/> whose message reaches the client as the JSON-RPC error message; anything
    /// unforeseen is logged under a log id and reported by its type only.
    /// </summary>
    public static McpRequestHandler<TParams, TResult> WrapRequest<TParams, TResult>(McpRequestHandler<TParams, TResult> next) =>
        async (context, cancellationToken) =>
        {
            var (what, texts) = Describe(context.Params);
            try
            {
                return await next(context, cancellationToken);
            }
            catch (McpFlowException ex)
            {
                var code = ex.Kind is ErrorKind.Unavailable or ErrorKind.Timeout ? McpErrorCode.InternalError : McpErrorCode.InvalidParams;
                throw new McpProtocolException(ArgumentEcho.Shorten(ex.ToClientMessage(), texts), ex, code);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (McpProtocolException ex)
            {
                var message = ArgumentEcho.Shorten(ex.Message, texts);
                if (ReferenceEquals(message, ex.Message))
                    throw;
                throw new McpProtocolException(message, ex, ex.ErrorCode);
            }
            catch (McpException ex)
            {
                throw new McpProtocolException(ArgumentEcho.Shorten(ex.Message, texts), ex, McpErrorCode.InternalError);
            }
            catch (Exception ex)
            {
                var id = ErrorReport.LogId(ex);
                var logger = (context.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("McpFlow.Requests");
                logger?.LogError(ex, "{What} failed (log id {LogId})", what, id);
                throw new McpProtocolException(ErrorReport.ForClient(ex, what) + ". The server is still running.", McpErrorCode.InternalError);
            }
        };

    /// <summary>An error result the model can act on.</summary>
    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    private static string Shorten(string message, IDictionary<string, JsonElement>? arguments) =>
        ArgumentEcho.Shorten(message, ArgumentEcho.Texts(arguments));

    private static CallToolResult ShortenEchoes(CallToolResult result, IDictionary<string, JsonElement>? arguments)
    {
        var texts = ArgumentEcho.Texts(arguments);
        if (texts.Count == 0)
            return result;
        foreach (var block in result.Content.OfType<TextContentBlock>())
            block.Text = ArgumentEcho.Shorten(block.Text, texts);
        return result;
    }

    private static (string What, IReadOnlyList<string> Texts) Describe<TParams>(TParams parameters) => parameters switch
    {
        ReadResourceRequestParams r => ($"Reading resource {ArgumentEcho.Show(r.Uri ?? "")}", r.Uri is { Length: > ArgumentEcho.MaxEcho } uri ? [uri] : []),
        GetPromptRequestParams p => ($"Prompt {ArgumentEcho.Show(p.Name ?? "")}",
            [.. ArgumentEcho.Texts(p.Arguments), .. p.Name is { Length: > ArgumentEcho.MaxEcho } name ? [name] : Array.Empty<string>()]),
        _ => ("The request", []),
    };

    private static string UnknownTool(string tool, IEnumerable<string> known)
    {
        var nearest = NameSuggestions.Nearest(tool, known);
        return $"Unknown tool '{tool}'." + (nearest is null ? "" : $" Did you mean '{nearest}'?") +
               " Call tools/list to see the tools this server offers (some groups may be disabled, or hidden in read-only mode).";
    }

    private static ILogger? Logger(RequestContext<CallToolRequestParams> context) =>
        (context.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("McpFlow.Tools");
}
