using McpFlow.Data.Loading;

namespace McpFlow.Data.Tests.Loading;

public sealed class ParquetSchemaCheckTests
{
    [Fact]
    public void Depth_CountsStructsAndListsOnce_AsJsonWould()
    {
        // Schema of s STRUCT(a STRUCT(b INTEGER[])), t INTEGER in Parquet's depth-first order (as DuckDB writes it):
        // root(2) > s(1 group) > a(1 group) > b(LIST group) > list(REPEATED) > element, then t. As JSON,
        // {"s": {"a": {"b": [1]}}} nests s, a and b: depth 3 (the root and the repeated wrapper add none).
        (long, bool)[] schema = [(2, false), (1, false), (1, false), (1, false), (1, true), (0, false), (0, false)];
        ParquetSchemaCheck.Depth(schema).Should().Be(3);
    }

    [Fact]
    public void Depth_IsZero_ForFlatColumns()
    {
        ParquetSchemaCheck.Depth([(3, false), (0, false), (0, false), (0, false)]).Should().Be(0);
    }
}
