using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>The logger of <see cref="RedactingLoggerProvider"/>: the inner logger receives only the redacted message
/// (as its state and its formatter's result) and a stand-in for the exception whose text is redacted.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(RedactingLoggerProvider.Clean(state.ToString() ?? "", RedactingLoggerProvider.MaxMessageLength));

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
            return;
        var message = RedactingLoggerProvider.Clean(formatter(state, exception), RedactingLoggerProvider.MaxMessageLength);
        inner.Log(logLevel, eventId, new RedactedLogState(message), exception is null ? null : new RedactedException(exception),
            static (s, _) => s.Message);
    }
}
