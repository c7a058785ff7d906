using McpFlow.Experiments.Tests.Tracking.Rest;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.Rest;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>A tracking server whose error echoes the request's credentials: the tool result and every log line, at
/// every level down to Trace, stay free of them.</summary>
public sealed class MlflowSecretsInResultsAndLogsTests : ExperimentsToolTestBase
{
    private const string Token = "s3cret-token-for-logs";
    private readonly CapturingLoggerProvider _logs = new();
    private FakeMlflowServer _server = null!;

    public override async Task InitializeAsync()
    {
        _server = await FakeMlflowServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        // Created by the container, which disposes it with the server.
        services.AddSingleton(_ => new RestTrackingStore(_server.StoreOptions() with { Token = Token, MaxRetries = 0 }, new SocketsHttpHandler(), TimeProvider.System));
        services.AddSingleton<ITrackingStore>(sp => sp.GetRequiredService<RestTrackingStore>());
        services.AddSingleton<ITrackingReader>(sp => sp.GetRequiredService<RestTrackingStore>());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
    }

    [Fact]
    public async Task AnErrorEchoingTheBearerToken_ReachesNeitherTheResultNorTheLog()
    {
        _server.RespondNext = ctx => (403, "application/json",
            $$"""{"error_code":"PERMISSION_DENIED","message":"headers were {'Authorization': '{{ctx.Request.Headers.Authorization}}'}"}""");

        var result = await CallAsync("mlflow_get_run", new { run_id = "0123456789abcdef0123456789abcdef" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("PERMISSION_DENIED").And.Contain("'Authorization': '***'").And.NotContain(Token);
        _logs.Lines.Should().NotBeEmpty().And.OnlyContain(line => !line.Contains(Token, StringComparison.Ordinal));
    }
}
