using McpFlow.Core.Configuration;

namespace McpFlow.Security.Tests.Checks;

/// <summary>The one place the suite takes its character cap from: the documented default of <c>--sql-max-chars</c>
/// (README's configuration table, <see cref="SqlOptions.MaxCharacters"/>: 60,000). The suite's servers run with the
/// default, and issue 11 requires the cap for text and structured content alike.</summary>
internal static class ResultCaps
{
    /// <summary>Most characters of text, and of structured content, one result may carry.</summary>
    public static int MaxCharacters { get; } = new SqlOptions().MaxCharacters;

    /// <summary>Most characters of one argument an error may repeat (STYLE.md and issue 11).</summary>
    public const int MaxEchoedCharacters = 200;
}
