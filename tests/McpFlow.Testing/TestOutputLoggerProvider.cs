using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace McpFlow.Testing;

/// <summary>
/// Writes the server's log to xunit's test output, so that a failing test shows what the server logged (xunit prints
/// a test's output with its failure). Lines written after the test ended (a job still stopping) are dropped: xunit
/// refuses them.
/// </summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
