using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>One escape attempt: a tool call or a resource read, what it targets, and what counts as held.</summary>
/// <param name="Target">The parameter attacked, as <c>tool.parameter</c> or the resource template (for coverage).</param>
/// <param name="Label">What the attempt does, short.</param>
/// <param name="Tool">The tool called, or null for a resource read.</param>
/// <param name="Arguments">The tool's arguments.</param>
/// <param name="Resource">The resource URI read, when <paramref name="Tool"/> is null.</param>
internal sealed record EscapeAttempt(string Target, string Label, string? Tool, JsonObject? Arguments, string? Resource = null)
{
    /// <summary>Whether an answer that is not an error counts as the attempt carried out. Default true.</summary>
    public bool MustRefuse { get; init; } = true;

    /// <summary>An extra verdict on the answer: a problem description, or null when it held.</summary>
    public Func<CallOutcome, string?>? Verdict { get; init; }

    /// <summary>A tool call attempt.</summary>
    public static EscapeAttempt Call(string tool, string parameter, string label, JsonObject arguments) =>
        new($"{tool}.{parameter}", label, tool, arguments);

    /// <summary>A resource read attempt.</summary>
    public static EscapeAttempt Read(string template, string label, string uri) => new(template, label, null, null, uri);

    /// <inheritdoc />
    public override string ToString() => $"{Target}: {Label}";
}
