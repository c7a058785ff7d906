using McpFlow.Core.Errors;
using McpFlow.Experiments.Registry;

namespace McpFlow.Experiments.Tests.Registry;

public sealed class ModelQueryTests
{
    [Theory]
    [InlineData(null, null, null, null, null)]
    [InlineData("churn", "churn", null, null, null)]
    [InlineData("%ch_rn%", null, "name LIKE '%ch_rn%'", null, null)]
    [InlineData("%decision%", null, "name LIKE '%decision%'", null, null)]
    [InlineData("churn/3", "churn", null, 3, null)]
    [InlineData("models:/churn@champion", "churn", null, null, "champion")]
    public void Parse_TellsAListAModelAndAVersionApart(string? text, string? name, string? filter, int? version, string? alias) =>
        ModelQuery.Parse(text).Should().Be(new ModelQuery(name, filter, version, alias));

    [Theory]
    [InlineData("%' OR 1=1 --")]
    [InlineData("../x")]
    [InlineData("%2E%2E%2F%2E%2E%2Foutside")]
    [InlineData("churn/Production")]
    [InlineData("churn@latest")]
    public void Parse_RefusesQuotesClimbsStagesAndReservedAliases(string text) =>
        ((Action)(() => ModelQuery.Parse(text))).Should().Throw<McpFlowException>().Which.Kind.Should().Be(ErrorKind.InvalidInput);
}
