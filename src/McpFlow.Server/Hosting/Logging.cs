using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>Logging set-up shared by both transports: everything to stderr, so stdout stays protocol-only.</summary>
internal static class Logging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var level = Environment.GetEnvironmentVariable("MCPFLOW_LOG_LEVEL");
        logging.SetMinimumLevel(Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) ? parsed : LogLevel.Information);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
    }
}
