using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace McpFlow.Testing;

/// <summary>One category's logger of <see cref="TestOutputLoggerProvider"/>: level, category, message and exception.</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var line = $"[server {logLevel}] {category}: {formatter(state, exception)}";
        if (exception is not null)
            line += Environment.NewLine + exception;
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // "There is no currently active test": the test has ended.
        }
    }
}
