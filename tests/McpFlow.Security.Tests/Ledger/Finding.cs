namespace McpFlow.Security.Tests.Ledger;

/// <summary>One problem found by one attempt.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Attempt">Which attempt (tool, parameter, value), short.</param>
/// <param name="Detail">What the client saw, shortened.</param>
internal sealed record Finding(Problem Problem, string Attempt, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Problem}] {Attempt} → {Detail}";
}
