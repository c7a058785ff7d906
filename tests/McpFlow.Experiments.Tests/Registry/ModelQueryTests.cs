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
    // MLflow takes any name without '/' or '%'; letters of every script are accepted here (a registry MLflow wrote with
    // "réverse-model" read back in tools/mlflow-check), and so are Python-\w aliases such as "élu".
    [InlineData("réverse-model@élu", "réverse-model", null, null, "élu")]
    [InlineData("%réverse%", null, "name LIKE '%réverse%'", null, null)]
    [InlineData("模型/2", "模型", null, 2, null)]
    public void Parse_TellsAListAModelAndAVersionApart(string? text, string? name, string? filter, int? version, string? alias) =>
        ModelQuery.Parse(text).Should().Be(new ModelQuery(name, filter, version, alias));

    [Theory]
    [InlineData("%' OR 1=1 --")]
    [InlineData("../x")]
    [InlineData("%2E%2E%2F%2E%2E%2Foutside")]
    [InlineData("churn/Production")]
    [InlineData("churn@latest")]
    [InlineData("churn\u202E")]
    [InlineData("%churn\u2215%")]
    public void Parse_RefusesQuotesClimbsStagesAndReservedAliases(string text) =>
        ((Action)(() => ModelQuery.Parse(text))).Should().Throw<McpFlowException>().Which.Kind.Should().Be(ErrorKind.InvalidInput);
}
