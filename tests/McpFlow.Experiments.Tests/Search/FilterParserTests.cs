using McpFlow.Core.Errors;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tests.Search;

public sealed class FilterParserTests
{
    [Fact]
    public void Parse_ReadsAllFourEntityTypes()
    {
        var clauses = FilterParser.Parse("metrics.accuracy > 0.9 and params.lr = '0.01' AND tags.k = \"v\" and attributes.status = 'FINISHED'");

        clauses.Should().BeEquivalentTo(new[]
        {
            new FilterClause("metrics", "accuracy", ">", ["0.9"], true),
            new FilterClause("params", "lr", "=", ["0.01"], false),
            new FilterClause("tags", "k", "=", ["v"], false),
            new FilterClause("attributes", "status", "=", ["FINISHED"], false),
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Parse_TakesNotInForRunIds_AsMlflowDoes()
    {
        var clauses = FilterParser.Parse("attributes.run_id NOT IN ('a1', 'b2') and attributes.user_id = 'alice'");

        clauses.Select(c => (c.Key, c.Comparator)).Should().Equal(("run_id", "NOT IN"), ("user_id", "="));
    }

    [Fact]
    public void Parse_ReadsBacktickKeysLikeAndIn()
    {
        var clauses = FilterParser.Parse("metrics.`val acc` >= 1e-3 and tags.name ILIKE '%Res%' and attributes.run_id IN ('a', 'b')");

        clauses[0].Key.Should().Be("val acc");
        clauses[1].Comparator.Should().Be("ILIKE");
        clauses[2].Values.Should().Equal("a", "b");
    }

    [Theory]
    [InlineData("metrics.acc > 0.9 or params.lr = '1'", "OR is not supported")]
    [InlineData("params.lr = 0.01", "must be quoted")]
    [InlineData("metrics.acc > '0.9'", "compared with a number")]
    [InlineData("metrics.acc LIKE 0.9", "metrics support")]
    [InlineData("foo.bar = '1'", "unknown entity")]
    [InlineData("params.lr = '0.1", "never closed")]
    // MLflow 2.12's SearchUtils.parse_search_filter refuses these too (tools/mlflow-check, reverse part):
    [InlineData("attributes.status IN ('FAILED', 'RUNNING')", "only the 'run_id' attribute supports comparison with a list")]
    [InlineData("attributes.run_name NOT IN ('a')", "only the 'run_id' attribute supports comparison with a list")]
    [InlineData("attributes.lifecycle_stage = 'active'", "unknown attribute 'lifecycle_stage'")]
    public void Parse_RejectsWhatMlflowRejects(string filter, string reason)
    {
        var act = () => FilterParser.Parse(filter);

        act.Should().Throw<McpFlowException>().Where(e => e.Message.Contains(reason) && e.Kind == ErrorKind.InvalidInput);
    }
}
