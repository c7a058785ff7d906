using System.Text;
using System.Text.Json.Nodes;
using McpFlow.Core.Security;

namespace McpFlow.Core.Tests.Security;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("pwd")]
    [InlineData("PWD")]
    [InlineData("db_pwd")]
    [InlineData("passwd")]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("dbPassword")]
    [InlineData("db_pass")]
    [InlineData("passphrase")]
    [InlineData("auth")]
    [InlineData("auth_header")]
    [InlineData("authToken")]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("oauth")]
    [InlineData("token")]
    [InlineData("MLFLOW_TRACKING_TOKEN")]
    [InlineData("accessToken")]
    [InlineData("x-csrf-token")]
    [InlineData("refresh_tokens")]
    [InlineData("secret")]
    [InlineData("clientSecret")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("key")]
    [InlineData("api_key")]
    [InlineData("apikey")]
    [InlineData("apiKey")]
    [InlineData("x-api-key")]
    [InlineData("private_key")]
    [InlineData("privateKey")]
    [InlineData("ssh_key")]
    [InlineData("signingKey")]
    [InlineData("encryption-key")]
    [InlineData("keys")]
    [InlineData("keyfile")]
    [InlineData("credential")]
    [InlineData("credentials")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS")]
    [InlineData("cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("session")]
    [InlineData("session_id")]
    [InlineData("sessionToken")]
    [InlineData("bearer")]
    [InlineData("sig")]
    [InlineData("dsn")]
    public void IsSecretName_IsTrue_ForTheUsualVariants(string name) => SecretRedactor.IsSecretName(name).Should().BeTrue();

    [Theory]
    [InlineData("path")]
    [InlineData("table")]
    [InlineData("author")]
    [InlineData("authority")]
    [InlineData("key_column")]
    [InlineData("keyColumns")]
    [InlineData("sort_key")]
    [InlineData("metric_key")]
    [InlineData("primary_key")]
    [InlineData("keyword")]
    [InlineData("tokenizer")]
    [InlineData("max_tokens")]
    [InlineData("max_new_tokens")]
    [InlineData("n_passes")]
    [InlineData("pin_memory")]
    [InlineData("experiment")]
    public void IsSecretName_IsFalse_ForNamesThatOnlyLookLikeSecrets(string name) => SecretRedactor.IsSecretName(name).Should().BeFalse();

    [Fact]
    public void Redact_ReplacesSecretValuesAtAnyDepth_AndKeepsTheRest()
    {
        var node = JsonNode.Parse("""{"path":"a.csv","api_key":"k","nested":{"MLFLOW_TRACKING_TOKEN":"t","Password":"p","list":[{"clientSecret":"s","n":1}]},"session":{"id":"x"}}""");
        SecretRedactor.Redact(node)!.ToJsonString().Should().Be(
            """{"path":"a.csv","api_key":"[redacted]","nested":{"MLFLOW_TRACKING_TOKEN":"[redacted]","Password":"[redacted]","list":[{"clientSecret":"[redacted]","n":1}]},"session":"[redacted]"}""");
    }

    [Fact]
    public void Redact_RemovesThePasswordOfUrlsInAnyValue_AndKeepsTheUser()
    {
        var node = JsonNode.Parse("""{"tracking_uri":"https://ana:s3cret@mlflow.example.com/api","note":"copy from postgres://etl:p%40ss@db:5432/x then","path":"user@host.csv"}""");
        SecretRedactor.Redact(node)!.ToJsonString().Should().Be(
            """{"tracking_uri":"https://ana:***@mlflow.example.com/api","note":"copy from postgres://etl:***@db:5432/x then","path":"user@host.csv"}""");
    }

    [Theory]
    // The expected texts are the inputs with the secret part replaced by hand.
    [InlineData("https://user:PASS@host/x", "https://user:***@host/x")]
    [InlineData("git clone https://user:p@ss@github.com/o/r", "git clone https://user:***@github.com/o/r")]
    [InlineData("https://ghp_0123456789abcdefghijABCDEFGHIJ@github.com/o/r", "https://***@github.com/o/r")]
    [InlineData("Authorization: Bearer abc.def.ghi", "Authorization: ***")]
    [InlineData("{\"headers\": {\"Authorization\": \"Basic YWxpY2U6cHc=\", \"Accept\": \"json\"}}", "{\"headers\": {\"Authorization\": \"***\", \"Accept\": \"json\"}}")]
    [InlineData("sent with bearer s3cr3t-t0ken-value today", "sent with bearer *** today")]
    [InlineData("header Basic YWxpY2U6cHc= was refused", "header Basic *** was refused")]
    [InlineData("Basic statistics of the table", "Basic statistics of the table")]
    [InlineData("Host=db;Username=etl;Password=hunter2;Database=x", "Host=db;Username=etl;Password=***;Database=x")]
    [InlineData("GET /api?api_key=XYZ123&page=2", "GET /api?api_key=***&page=2")]
    [InlineData("{\"pwd\": \"hunter2\", \"rows\": 3}", "{\"pwd\": \"***\", \"rows\": 3}")]
    [InlineData("auth_header='Token abc'", "auth_header='***'")]
    [InlineData("Cookie: session=abc; theme=dark", "Cookie: ***")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl", "token ***")]
    [InlineData("use sk-ant-0123456789abcdefghijklmn now", "use *** now")]
    [InlineData("id AKIAIOSFODNN7EXAMPLE", "id ***")]
    [InlineData("rmse: 1.5, key_column: id, max_tokens=512", "rmse: 1.5, key_column: id, max_tokens=512")]
    [InlineData("refused: password=hunter2 and api_key: k1", "refused: password=*** and api_key: ***")]
    [InlineData("job_id 'token=abc' is not a job id", "job_id 'token=***' is not a job id")]
    [InlineData("secret=\"unterminated value\nnext line", "secret=***\nnext line")]
    public void RedactText_MasksCredentialShapedParts(string text, string expected) => SecretRedactor.RedactText(text).Should().Be(expected);

    [Fact]
    public void RedactText_MasksPemPrivateKeys()
    {
        var pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----";
        SecretRedactor.RedactText("key follows\n" + pem + "\nend").Should().Be("key follows\n[redacted private key]\nend");
    }

    [Fact]
    public void RedactText_ScansAMegabyteOfHostileTextInLinearTime()
    {
        // One long run of name characters (the worst case for the name=value pattern) and one of '@'-free URL noise.
        var text = new string('a', 1 << 20) + " " + string.Concat(Enumerable.Repeat("https://u:", 50_000)) + " password=p";
        var redacted = SecretRedactor.RedactText(text);
        redacted.Should().EndWith("password=***");
        redacted.Length.Should().Be(text.Length + 2); // "p" became "***"
    }

    [Fact]
    public void Redact_RedactsPropertyNamesThatHoldCredentials()
    {
        var node = new JsonObject { ["https://u:s3cr3t@h/x"] = 1 };
        SecretRedactor.Redact(node)!.ToJsonString().Should().Be("""{"https://u:***@h/x":1}""");
    }

    [Fact]
    public void RedactText_LeavesOrdinaryTextAlone()
    {
        var text = new StringBuilder().Append("Loaded 1,234 rows from data/customers.csv; RMSE 1.5 (lower is better). ")
            .Append("Contact ana@example.com, see https://example.com/docs?page=2#top at 10:30.").ToString();
        SecretRedactor.RedactText(text).Should().Be(text);
    }
}
