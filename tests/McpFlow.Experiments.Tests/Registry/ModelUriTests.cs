using McpFlow.Core.Errors;
using McpFlow.Experiments.Registry;

namespace McpFlow.Experiments.Tests.Registry;

public sealed class ModelUriTests
{
    [Theory]
    [InlineData("models:/churn/3", "churn", 3, null, null)]
    [InlineData("models:/churn@champion", "churn", null, "champion", null)]
    [InlineData("models:/churn/production", "churn", null, null, "Production")]
    [InlineData("models:/churn/latest", "churn", null, null, "latest")]
    public void Parse_ReadsMlflowsModelUriForms(string text, string name, int? version, string? alias, string? stage) =>
        ModelUri.Parse(text, "model_id").Should().Be(new ModelUri(name, version, alias, stage));

    [Theory]
    [InlineData("models:/../x/1")]
    [InlineData("models:/churn/1/extra")]
    [InlineData("models:/churn@v2")]
    [InlineData("models:/churn/Shipping")]
    [InlineData("runs:/abc/model")]
    [InlineData("models:/churn/0")]
    public void Parse_RefusesAnythingElse(string text) =>
        ((Action)(() => ModelUri.Parse(text, "model_id"))).Should().Throw<McpFlowException>().Which.Kind.Should().Be(ErrorKind.InvalidInput);
}
