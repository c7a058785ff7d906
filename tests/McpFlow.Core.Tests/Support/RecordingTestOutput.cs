using Xunit.Abstractions;

namespace McpFlow.Core.Tests.Support;

/// <summary>An <see cref="ITestOutputHelper"/> that keeps the lines written to it.</summary>
public sealed class RecordingTestOutput : ITestOutputHelper
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    public void WriteLine(string message)
    {
        lock (_lines)
            _lines.Add(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
