using McpFlow.Data.Loading;

namespace McpFlow.Data.Tests.Loading;

public sealed class ViewTextTests
{
    [Theory]
    [InlineData("CREATE VIEW v AS SELECT 1;", "SELECT 1")]
    [InlineData("CREATE OR REPLACE TEMPORARY VIEW IF NOT EXISTS main.v AS SELECT a FROM t;", "SELECT a FROM t")]
    [InlineData("CREATE VIEW \"x AS SELECT 2\" AS SELECT 1;", "SELECT 1")]
    [InlineData("CREATE VIEW db.\"s\"\"q\".v (a, \"b) AS (\") AS SELECT 1, 2;", "SELECT 1, 2")]
    [InlineData("CREATE VIEW v WITH (DEFER_BINDING) AS SELECT 3;", "SELECT 3")]
    public void QueryOf_ReturnsTheQuery_AfterTheNameAndAliases(string sql, string query)
    {
        ViewText.QueryOf(sql).Should().Be(query);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CREATE TABLE t AS SELECT 1;")]
    [InlineData("CREATE VIEW \"unterminated AS SELECT 1;")]
    [InlineData("CREATE VIEW v AS ;")]
    public void QueryOf_ReturnsNull_ForAnythingElse(string? sql)
    {
        ViewText.QueryOf(sql).Should().BeNull();
    }
}
