using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking.Rest;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>Contract tests: what a tracking server (or a proxy in front of it) sends back on failure is scrubbed of
/// credentials before it reaches an exception, and an HTML page is reported as such, never echoed.</summary>
public sealed class MlflowErrorScrubbingContractTests : IAsyncLifetime
{
    private const string Token = "s3cret-token-value";
    private FakeMlflowServer _server = null!;
    private readonly List<RestTrackingStore> _stores = []; // disposed with the test

    public async Task InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async Task DisposeAsync()
    {
        _stores.ForEach(s => s.Dispose());
        await _server.DisposeAsync();
    }

    private RestTrackingStore Store(string? token = Token, string? user = null, string? password = null)
    {
        var store = new RestTrackingStore(_server.StoreOptions() with { Token = token, Username = user, Password = password, MaxRetries = 0 },
            new SocketsHttpHandler(), TimeProvider.System);
        _stores.Add(store);
        return store;
    }

    private async Task<McpFlowException> Fail(RestTrackingStore store) =>
        (await FluentActions.Awaiting(() => store.GetExperimentAsync("7", default)).Should().ThrowAsync<McpFlowException>()).Which;

    [Fact]
    public async Task Contract_AnErrorBodyEchoingTheAuthorizationHeader_IsScrubbed()
    {
        _server.RespondNext = ctx => (401, "application/json",
            $$"""{"error_code":"UNAUTHENTICATED","message":"Rejected Authorization: {{ctx.Request.Headers.Authorization}} for https://ana:{{Token}}@proxy/x"}""");

        var error = await Fail(Store());

        error.Kind.Should().Be(ErrorKind.Forbidden);
        error.Message.Should().NotContain(Token).And.Contain("UNAUTHENTICATED").And.Contain("Rejected Authorization: ***");
        error.ToString().Should().NotContain(Token);
    }

    [Fact]
    public async Task Contract_BasicCredentialsEchoedInAPlainTextBody_AreScrubbed()
    {
        _server.RespondNext = ctx => (500, "text/plain", $"proxy failed; request had authorization={ctx.Request.Headers.Authorization} and cookie: sid=abc");

        var error = await Fail(Store(token: null, user: "alice", password: "pw-9f8e7d"));

        var basic = Convert.ToBase64String("alice:pw-9f8e7d"u8.ToArray());
        error.Kind.Should().Be(ErrorKind.Unavailable);
        error.Message.Should().Contain("proxy failed").And.NotContain(basic).And.NotContain("pw-9f8e7d").And.NotContain("sid=abc");
    }

    [Fact]
    public async Task Contract_AnHtmlLoginPage_IsNamedAsSuch_AndNotEchoed()
    {
        _server.RespondNext = _ => (401, "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>csrf=abc123</form></body></html>");

        var error = await Fail(Store());

        error.Kind.Should().Be(ErrorKind.Forbidden);
        error.Message.Should().Contain("answered experiments/get with an HTML page (HTTP 401) instead of MLflow's JSON").And.NotContain("Sign in").And.NotContain("csrf");
        error.Hint.Should().Contain("MLFLOW_TRACKING_TOKEN");
    }

    [Fact]
    public async Task Contract_AnHtmlPageWithStatus200_IsNamedAsSuch_AndNotEchoed()
    {
        // A proxy that redirects to its login page answers 200 with HTML once the redirect is followed.
        _server.RespondNext = _ => (200, "text/html", "<html><body>Welcome, please log in. session=s3ss10n</body></html>");

        var error = await Fail(Store());

        error.Message.Should().Contain("with an HTML page (HTTP 200)").And.NotContain("s3ss10n").And.NotContain("Welcome");
    }

    [Fact]
    public async Task Contract_ALongErrorMessage_IsShortened()
    {
        _server.RespondNext = _ => (400, "application/json", $$"""{"error_code":"INVALID_PARAMETER_VALUE","message":"{{new string('m', 20_000)}}"}""");

        var error = await Fail(Store());

        error.Kind.Should().Be(ErrorKind.InvalidInput);
        error.Message.Length.Should().BeLessThan(MlflowErrorBody.MaxMessageLength + 200);
        error.Message.Should().EndWith(new string('m', 10) + "…");
    }

    [Fact]
    public void FromApi_NamesAnHtmlBody_EvenWithoutAMediaType()
    {
        var error = MlflowErrors.FromApi("http://mlflow", "runs/get", System.Net.HttpStatusCode.BadGateway, "  <html><body>Bad gateway, token=abc</body></html>");

        error.Kind.Should().Be(ErrorKind.Unavailable);
        error.Message.Should().Contain("HTML page (HTTP 502)").And.NotContain("token=abc");
    }
}
