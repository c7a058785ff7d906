using System.Text.Json.Nodes;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Tests.Hashing;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_ReplacesSecretValuesAtAnyDepth_AndKeepsTheRest()
    {
        var node = JsonNode.Parse("""{"path":"a.csv","api_key":"k","nested":{"MLFLOW_TRACKING_TOKEN":"t","Password":"p","list":[{"clientSecret":"s","n":1}]}}""");
        SecretRedactor.Redact(node)!.ToJsonString().Should().Be(
            """{"path":"a.csv","api_key":"[redacted]","nested":{"MLFLOW_TRACKING_TOKEN":"[redacted]","Password":"[redacted]","list":[{"clientSecret":"[redacted]","n":1}]}}""");
    }

    [Fact]
    public void Redact_RemovesCredentialsFromUris()
    {
        var node = JsonNode.Parse("""{"tracking_uri":"https://ana:s3cret@mlflow.example.com/api","path":"user@host.csv"}""");
        SecretRedactor.Redact(node)!.ToJsonString().Should().Be("""{"tracking_uri":"https://***@mlflow.example.com/api","path":"user@host.csv"}""");
    }
}
