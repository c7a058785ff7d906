namespace McpFlow.Architecture.Tests;

/// <summary>No client text reaches SQL except through SqlQuote, a bound parameter or the SQL guard.</summary>
public sealed class SqlBuildingTests
{
    [Fact]
    public void EveryCommandText_IsBuiltFromConstantsNumbersAndQuotedValues()
    {
        var findings = new SqlSafety(ProductSources.Compilation).Findings().ToList();
        findings.Should().BeEmpty("every value spliced into SQL must go through SqlQuote (or be a number or a constant):\n" + string.Join("\n", findings));
    }
}
