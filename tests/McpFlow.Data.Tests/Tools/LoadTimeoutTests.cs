using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Data.Loading;
using McpFlow.Data.Storage;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Loads that never end on their own (an endless SQLite view; a DuckDB view over 10^15 rows) are stopped by the
/// load time limit or the caller's cancellation, inside the engine, and leave no table behind. The limit is lowered to
/// 2 s here; these inputs never finish, so the outcome does not depend on the machine's speed.</summary>
public sealed class LoadTimeoutTests : DataServerTestBase
{
    private const string EndlessView =
        "CREATE VIEW endless AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r;";

    protected override void ConfigureOptions(McpFlowOptions options) => options.Load.TimeoutSeconds = 2;

    [Fact]
    public async Task Load_StopsAnEndlessSqliteView_AtTheTimeout_AndLeavesNothingBehind()
    {
        var path = WriteSqlite("endless.sqlite", EndlessView);
        new FileInfo(path).Length.Should().BeLessThanOrEqualTo(8192, "the issue's reproduction is a 4 KB file");

        var result = await CallAsync("data_load", new { path, table = "endless" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past the 2 s load time limit").And.Contain("--load-timeout").And.Contain("no table was created");
        TablesStartingWith("endless").Should().BeEmpty();
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_StopsADuckDbCopyThatWouldNeverEnd_AtTheTimeout()
    {
        var path = Path.Combine(DataRoot, "huge.duckdb");
        DuckDb("CREATE VIEW huge AS SELECT range AS i FROM range(1000000000000000);", path);

        var result = await CallAsync("data_load", new { path, table = "huge" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ran past the 2 s load time limit");
        TablesStartingWith("huge").Should().BeEmpty();
        using (var connection = Services.GetRequiredService<DataDatabase>().Open())
            DataDatabase.Scalar(connection, "SELECT count(*) FROM duckdb_databases() WHERE starts_with(database_name, 'mcpflow_src_')")
                .Should().Be(0L, "the source file is detached after the interrupted copy");
        await AssertServerStillWorksAsync();
    }

    [Fact]
    public async Task Load_IsCancelledByTheCaller_InsideTheEngine()
    {
        var path = WriteSqlite("endless-cancel.sqlite", EndlessView);
        var loader = Services.GetRequiredService<TableLoader>();
        // Cancelled after 300 ms, before the 2 s limit; whether the load has started by then or not, it must end in a
        // cancellation (the view never ends on its own).
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => loader.Load(path, "cancelled", new LoadOptions(), force: false, cancel.Token);

        act.Should().Throw<OperationCanceledException>().Which.Should().NotBeOfType<McpFlowException>();
        TablesStartingWith("cancelled").Should().BeEmpty();
        await AssertServerStillWorksAsync();
    }
}
