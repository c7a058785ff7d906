using System.Text.Json.Nodes;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>One fuzzed call.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Label">What was changed, e.g. <c>limit=-1</c>.</param>
/// <param name="Arguments">The exact arguments (null: none at all).</param>
/// <param name="MustName">When not empty, the call must be refused with an error naming one of these parameters.</param>
internal sealed record FuzzAttempt(string Tool, string Label, JsonObject? Arguments, IReadOnlyList<string> MustName)
{
    /// <summary>A one-line name for findings.</summary>
    public override string ToString() => $"{Tool}({Label})";
}
