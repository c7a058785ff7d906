namespace McpFlow.Server.Hosting;

/// <summary>Stands in for a logged exception: its message and its full text (<see cref="ToString"/>, what console
/// formatters print: type, message, stack, inner exceptions) are the original's, redacted and bounded.</summary>
internal sealed class RedactedException(Exception original)
    : Exception(RedactingLoggerProvider.Clean(original.Message, RedactingLoggerProvider.MaxMessageLength))
{
    private readonly string _text = RedactingLoggerProvider.Clean(original.ToString(), RedactingLoggerProvider.MaxExceptionLength);

    /// <summary>The original exception's type name.</summary>
    public string OriginalType => original.GetType().FullName ?? original.GetType().Name;

    /// <inheritdoc />
    public override string ToString() => _text;
}
