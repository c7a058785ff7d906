using McpFlow.Core.Configuration;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;

namespace McpFlow.Data.Tests.Tools;

/// <summary>A source read that outlasts the load time limit is stopped in the server (statement timeout) and leaves no table.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadSourceTimeoutTests(PostgresServer postgres) : PostgresServerTestBase(postgres)
{
    /// <inheritdoc />
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        base.ConfigureOptions(options);
        options.Load.TimeoutSeconds = 1;
    }

    [Fact]
    public async Task LoadSource_StopsTheQuery_WhenItRunsPastTheLoadTimeLimit()
    {
        // pg_sleep(60) would hold the call for a minute; the 1 s statement timeout (or the load's own 1 s limit) stops it.
        var result = await CallUntilFinishedOrFailedAsync(new { source = Source, query = "SELECT pg_sleep(60)", table = "slow" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past the 1 s").And.Contain("no table was created");
        TablesStartingWith("mcpflow_staging_").Should().BeEmpty();
        TablesStartingWith("slow").Should().BeEmpty();
    }
}
