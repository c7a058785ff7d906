using McpFlow.Core.Errors;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tests.Search;

/// <summary>Expected parses follow MLflow's SearchUtils._parse_order_by_string (backticks to double quotes, then
/// shlex.split, then a split at the first period).</summary>
public sealed class OrderClauseTests
{
    [Theory]
    [InlineData("params.`batch size` ASC", "params", "batch size", false)]
    [InlineData("metrics.`val.acc` DESC", "metrics", "val.acc", true)]
    [InlineData("tags.\"team name\"", "tags", "team name", false)]
    [InlineData("metric.accuracy desc", "metrics", "accuracy", true)]
    [InlineData("start_time DESC", "attributes", "start_time", true)]
    [InlineData("attributes.created", "attributes", "start_time", false)]
    [InlineData("  params.lr   ASC ", "params", "lr", false)]
    public void Parse_ReadsEntityKeyAndDirection_AsMlflowDoes(string text, string entity, string key, bool descending)
    {
        OrderClause.Parse(text).Should().Be(new OrderClause(entity, key, descending));
    }

    [Theory]
    [InlineData("params.`batch size ASC", "write e.g.")]
    [InlineData("params.lr UP", "write e.g.")]
    [InlineData("params.lr ASC extra", "write e.g.")]
    [InlineData("things.lr", "unknown entity 'things'")]
    public void Parse_RefusesWhatMlflowRefuses(string text, string reason)
    {
        FluentActions.Invoking(() => OrderClause.Parse(text)).Should().Throw<McpFlowException>().WithMessage($"*{reason}*");
    }
}
