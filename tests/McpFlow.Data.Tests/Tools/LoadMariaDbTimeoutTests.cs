using McpFlow.Core.Configuration;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.MariaDb;

namespace McpFlow.Data.Tests.Tools;

/// <summary>A MariaDB read that outlasts the load time limit is stopped (max_statement_time in the server, the load's own
/// limit in McpFlow) and leaves no table.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class LoadMariaDbTimeoutTests(MariaDbServer mariaDb) : MariaDbServerTestBase(mariaDb)
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
        // 10^10 products over MariaDB's sequence tables take far longer than a second (SLEEP itself is refused).
        var result = await CallUntilFinishedOrFailedAsync(new
        {
            source = Source,
            query = "SELECT SUM(a.seq * b.seq) AS s FROM seq_1_to_100000 a JOIN seq_1_to_100000 b",
            table = "slow",
        });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past the 1 s").And.Contain("no table was created");
        TablesStartingWith("mcpflow_staging_").Should().BeEmpty();
        TablesStartingWith("slow").Should().BeEmpty();
    }
}
