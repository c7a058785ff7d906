namespace McpFlow.Data.Tests.Profiling;

/// <summary>Reaches the internal Cramér's V helper.</summary>
internal static class CorrelationPassAccessor
{
    public static double? CramersV(IReadOnlyList<(string Row, string Col, long Count)> cells) => McpFlow.Data.Profiling.CorrelationPass.CramersV(cells);
}
