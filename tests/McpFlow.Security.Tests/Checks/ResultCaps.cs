using McpFlow.Core.Configuration;

namespace McpFlow.Security.Tests.Checks;

/// <summary>The one place the suite takes its character cap from. AGENTS.md (with the error-containment work): results
/// are capped at <c>--sql-max-chars</c> (<see cref="SqlOptions.MaxCharacters"/>, 60,000 by default; the suite's servers
/// run with the default) plus 10,000 characters per part, text and structured content alike: tools fill a page up to
/// the configured cap and add a footer or metadata around it.</summary>
internal static class ResultCaps
{
    /// <summary>Characters a result part may have beyond the page cap (Core's <c>ResultCap.Headroom</c>).</summary>
    public const int Headroom = 10_000;

    /// <summary>Most characters of text, and of structured content, one result may carry: 70,000 by default.</summary>
    public static int MaxCharacters { get; } = new SqlOptions().MaxCharacters + Headroom;

    /// <summary>Most characters of one argument an error may repeat (STYLE.md and issue 11).</summary>
    public const int MaxEchoedCharacters = 200;
}
