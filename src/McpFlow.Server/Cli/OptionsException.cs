namespace McpFlow.Server.Cli;

/// <summary>Configuration problems, all reported together.</summary>
internal sealed class OptionsException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
