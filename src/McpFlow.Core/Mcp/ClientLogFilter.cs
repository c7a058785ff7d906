using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

#pragma warning disable RS0030 // MCP SDK filters are static delegates that receive only the request's IServiceProvider: no constructor to inject into. (BannedSymbols.txt)
#pragma warning disable MCP9005 // Logging is deprecated only from the 2026-07-28 revision (SEP-2577); the 2025-11-25 sessions McpFlow serves declare it.

/// <summary>
/// Log notifications (<c>notifications/message</c>, logger <see cref="Logger"/>) for the client's log view, honouring the
/// level the client set with <c>logging/setLevel</c> (<see cref="DefaultLevel"/> until it sets one): a failed tool call
/// at <c>warning</c> with the error the model sees (already free of secrets and long argument echoes), every call's
/// duration at <c>debug</c>. A notification that cannot be sent never fails the call.
/// </summary>
public static class ClientLogFilter
{
    /// <summary>Logger name in the notifications.</summary>
    public const string Logger = "mcpflow";

    /// <summary>Lowest level sent before the client sets one: info (a failure is sent, a call's duration is not).</summary>
    public const LoggingLevel DefaultLevel = LoggingLevel.Info;

    /// <summary>Most characters of an error's text in a notification.</summary>
    public const int MaxText = 500;

    /// <summary>Wraps a call-tool handler.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(
        McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var time = (context.Services ?? context.Server.Services)?.GetService<TimeProvider>() ?? TimeProvider.System;
            var started = time.GetTimestamp();
            var result = await next(context, cancellationToken);
            var tool = Errors.ArgumentEcho.Show(context.Params?.Name ?? "", 60);
            var elapsed = time.GetElapsedTime(started);
            if (result.IsError == true)
            {
                var text = string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
                await SendAsync(context.Server, LoggingLevel.Warning,
                    $"{tool} failed after {elapsed.TotalMilliseconds:0} ms: {(text.Length > MaxText ? text[..MaxText] + "…" : text)}", cancellationToken);
            }
            else
            {
                await SendAsync(context.Server, LoggingLevel.Debug, $"{tool} finished in {elapsed.TotalMilliseconds:0} ms.", cancellationToken);
            }

            return result;
        };

    /// <summary>Sends <paramref name="message"/> when <paramref name="level"/> reaches the session's level.</summary>
    public static async Task SendAsync(McpServer server, LoggingLevel level, string message, CancellationToken cancellationToken)
    {
        if (level < (server.LoggingLevel ?? DefaultLevel))
            return;
        try
        {
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams { Level = level, Logger = Logger, Data = JsonSerializer.SerializeToElement(message, McpJsonUtilities.DefaultOptions) },
                McpJsonUtilities.DefaultOptions, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone or the call was cancelled: the log line has no reader.
        }
    }
}
