using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Logging set-up shared by both transports: everything to stderr, so stdout stays protocol-only. No level prints
/// secrets or whole client arguments: the categories that log message bodies at Trace never go below Debug
/// (<see cref="PayloadCategories"/>), and every provider is wrapped by <see cref="RedactingLoggerProvider"/>.
/// </summary>
internal static class Logging
{
    /// <summary>
    /// Categories that log whole payloads at Trace and never below Debug here. The MCP SDK's "…Sensitive" messages are
    /// all Trace and carry complete JSON-RPC requests, responses and messages (tool arguments and results included);
    /// its Debug messages carry only endpoint names, methods and message ids (checked in csharp-sdk 2.3:
    /// McpSessionHandler, TransportBase, StreamServerTransport). ASP.NET Core and HttpClient log headers and bodies
    /// only at Trace as well.
    /// </summary>
    public static readonly IReadOnlyList<string> PayloadCategories = ["ModelContextProtocol", "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>Console logging to stderr at <paramref name="level"/> (<see cref="Core.Configuration.McpFlowOptions.LogLevel"/>,
    /// already validated; an unknown name falls back to Information).</summary>
    public static void Configure(ILoggingBuilder logging, string level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        ApplyPolicy(logging, Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) ? parsed : LogLevel.Information);
    }

    /// <summary>Sets the minimum level, keeps <see cref="PayloadCategories"/> at Debug or above, and wraps every provider
    /// registered so far in a <see cref="RedactingLoggerProvider"/>.</summary>
    public static void ApplyPolicy(ILoggingBuilder logging, LogLevel minimum)
    {
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        var capped = minimum < LogLevel.Debug ? LogLevel.Debug : minimum;
        foreach (var category in PayloadCategories)
            logging.AddFilter(category, capped);
        RedactingLoggerProvider.WrapAll(logging.Services);
    }
}
