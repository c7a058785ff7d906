using System.Security.Cryptography;
using McpFlow.Core.Identity;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using McpFlow.Testing.Team;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace McpFlow.Data.Tests.Integration;

/// <summary>
/// Team mode's table catalogue: two McpFlow processes (two in-memory servers, each with its own local DuckDB file) over
/// one shared workspace folder and one team database on the real PostgreSQL fixture. A table loaded or changed through
/// one is read through the other; concurrent writers of one name queue up; a tampered snapshot is refused; a
/// suggestion made through one is applied through the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamCatalogueTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly Caller Ana = new("ana", UserRole.Analyst, MaySelfApprove: false);
    private static readonly Caller Ben = new("ben", UserRole.Analyst, MaySelfApprove: false);

    // amount: 1..9 and 1000 (skewed), one missing; id 1..11. Sum of present amounts = 45 + 1000 = 1045.
    private const string SalesCsv = "id,region,amount\n1,north,1\n2,south,2\n3,north,3\n4,south,4\n5,north,5\n6,south,6\n7,north,7\n8,south,8\n9,north,9\n10,south,1000\n11,north,\n";

    private readonly string _root = TempFolder.Create("mcpflow-teamdata");
    private readonly string _name = "team_" + Guid.NewGuid().ToString("N")[..10];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private string _connectionString = "";
    private TeamHost _a = null!;
    private TeamHost _b = null!;

    private string Workspace => Path.Combine(_root, "workspace");

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        _connectionString = await postgres.CreateTeamDatabaseAsync(_name);
#pragma warning disable CA2000 // The hosts are fields, disposed in DisposeAsync.
        var started = await Task.WhenAll(
            TeamHost.StartAsync(Workspace, Data, _connectionString, Ana, _time, [new DataToolGroup()], o => o.Sql.AllowWrites = true),
            TeamHost.StartAsync(Workspace, Data, _connectionString, Ben, _time, [new DataToolGroup()], o => o.Sql.AllowWrites = true));
#pragma warning restore CA2000
        (_a, _b) = (started[0], started[1]);
        await File.WriteAllTextAsync(Path.Combine(Data, "sales.csv"), SalesCsv);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        TempFolder.TryDelete(_root);
    }

    [Fact]
    public async Task ATableLoadedThroughA_IsQueriedDescribedAndProfiledThroughB()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });

        var query = (await _b.CallOkAsync("data_query", new { sql = "SELECT count(*) AS n, sum(amount) AS total FROM sales" })).Structured();
        var row = query.GetProperty("rows")[0];
        row[0].GetInt64().Should().Be(11);     // 11 data lines in SalesCsv
        row[1].GetDouble().Should().Be(1045);  // 1 + … + 9 + 1000
        var described = (await _b.CallOkAsync("data_describe_table", new { table = "sales" })).Structured();
        described.GetProperty("rows").GetInt64().Should().Be(11);
        described.GetProperty("source").GetProperty("path").GetString().Should().EndWith("sales.csv", "the recorded source travels with the version");
        var profile = (await _b.CallOkAsync("analyze_dataframe", new { table = "sales" })).Structured();
        profile.GetProperty("rows").GetInt64().Should().Be(11);
        (await _b.CallOkAsync("data_list_tables")).Text().Should().Contain("sales");

        var entry = await CatalogueRowAsync("sales");
        entry.Version.Should().Be(1);
        entry.ChangedBy.Should().Be("ana");
        entry.Operation.Should().Be("data_load");
        entry.Rows.Should().Be(11);
        var snapshot = SnapshotPath(entry.Sha);
        // Content-addressed: the file's own SHA-256, computed here, is its name.
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(snapshot))).Should().Be(entry.Sha);
        Directory.GetFiles(Path.GetDirectoryName(snapshot)!).Should().ContainSingle("temporary files are renamed into place");
    }

    [Fact]
    public async Task ATransformationThroughB_IsSeenThroughA_AsTheNextVersion()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        await _a.CallOkAsync("data_describe_table", new { table = "sales" });

        await _b.CallOkAsync("data_apply_transformation", new { table = "sales", operation = "log1p", column = "amount", new_column = "amount_log" });

        var query = (await _a.CallOkAsync("data_query", new { sql = "SELECT amount_log FROM sales WHERE id = 10" })).Structured();
        query.GetProperty("rows")[0][0].GetDouble().Should().BeApproximately(Math.Log(1001), 1e-12); // log1p(1000)
        var described = (await _a.CallOkAsync("data_describe_table", new { table = "sales" })).Structured();
        described.GetProperty("lineage").EnumerateArray().Select(e => e.GetProperty("operation").GetString()).Should().Equal("log1p");
        var entry = await CatalogueRowAsync("sales");
        (entry.Version, entry.ChangedBy, entry.Operation).Should().Be((2L, "ben", "apply_transformation"));
    }

    [Fact]
    public async Task TwoServersTransformingOneTableAtOnce_LoseNeitherChange()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        await _b.CallOkAsync("data_describe_table", new { table = "sales" });

        // Both start from version 1; without the table lock each would publish version 1 plus its own column.
        await Task.WhenAll(
            _a.CallOkAsync("data_apply_transformation", new { table = "sales", operation = "log1p", column = "amount", new_column = "a_log" }),
            _b.CallOkAsync("data_apply_transformation", new { table = "sales", operation = "sqrt", column = "amount", new_column = "b_sqrt" }));

        foreach (var host in new[] { _a, _b })
        {
            var columns = (await host.CallOkAsync("data_describe_table", new { table = "sales" })).Structured().GetProperty("columns")
                .EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            columns.Take(3).Should().Equal("id", "region", "amount");
            columns.Skip(3).Should().BeEquivalentTo(["a_log", "b_sqrt"], "each writer added its column to the other's version (in the order the lock gave them)");
        }

        (await CatalogueRowAsync("sales")).Version.Should().Be(3, "load, then each transformation once");
    }

    [Fact]
    public async Task ASnapshotChangedOnTheSharedFolder_IsRefusedWithTheFix_AndAReloadRepairsIt()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        var entry = await CatalogueRowAsync("sales");
        await File.AppendAllTextAsync(SnapshotPath(entry.Sha), "x");

        var refused = await _b.CallAsync("data_describe_table", new { table = "sales" });

        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("Table 'sales' version 1 was refused: its snapshot team/tables/")
            .And.Contain("so it was changed outside McpFlow").And.Contain("Load the table again (data_load)");
        (await _b.CallAsync("data_query", new { sql = "SELECT count(*) FROM sales" })).IsError.Should().BeTrue("the stale copy is not served");

        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales", force = true });
        (await _b.CallOkAsync("data_describe_table", new { table = "sales" })).Structured().GetProperty("rows").GetInt64().Should().Be(11);
        (await CatalogueRowAsync("sales")).Version.Should().Be(2);
    }

    [Fact]
    public async Task ASuggestionMadeThroughA_IsAppliedThroughB()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        var suggested = (await _a.CallOkAsync("suggest_transformations", new { table = "sales" })).Structured();
        var first = suggested.GetProperty("suggestions")[0];
        var id = first.GetProperty("id").GetString()!;

        var applied = await _b.CallOkAsync("data_apply_transformation", new { table = "sales", suggestion_id = id });

        var result = applied.Structured();
        result.GetProperty("spec").GetProperty("operation").GetString().Should().Be(first.GetProperty("spec").GetProperty("operation").GetString());
        // A column operation publishes sales again, a table operation a new versioned table; either way B published it.
        var target = result.GetProperty("table").GetString()!;
        (await CatalogueRowAsync(target.ToLowerInvariant())).ChangedBy.Should().Be("ben");
        (await _a.CallOkAsync("data_describe_table", new { table = target })).Structured().GetProperty("name").GetString().Should().Be(target);
    }

    [Fact]
    public async Task SqlWritesThroughA_ArePublished_AndADropIsSeenThroughB()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        await _b.CallOkAsync("data_describe_table", new { table = "sales" });

        await _a.CallOkAsync("data_query", new { sql = "INSERT INTO sales SELECT 12, 'east', 12" });
        await _a.CallOkAsync("data_query", new { sql = "CREATE TABLE big AS SELECT * FROM sales WHERE amount > 5" });

        var row = (await _b.CallOkAsync("data_query", new { sql = "SELECT (SELECT count(*) FROM sales), (SELECT count(*) FROM big)" })).Structured().GetProperty("rows")[0];
        (row[0].GetInt64(), row[1].GetInt64()).Should().Be((12L, 6L)); // 11 + 1 inserted; amounts above 5: 6, 7, 8, 9, 1000 and the inserted 12
        await _b.CallOkAsync("data_query", new { sql = "DROP TABLE big" });
        var gone = await _a.CallAsync("data_describe_table", new { table = "big" });
        gone.IsError.Should().BeTrue();
        gone.Text().Should().Contain("No table named 'big' in the workspace.");
        (await CatalogueRowAsync("sales")).Version.Should().Be(2);
    }

    [Fact]
    public async Task AWorkerMakesATableLocal_ThroughEnsureLocal()
    {
        await _a.CallOkAsync("data_load", new { path = Path.Combine(Data, "sales.csv"), table = "sales" });
        var gateway = (Core.Storage.DuckDbGateway)_b.Services.GetService(typeof(Core.Storage.DuckDbGateway))!;

        using var connection = gateway.Open();
        var entry = gateway.Catalogue!.EnsureLocal(connection, "SALES");

        entry!.Version.Should().Be(1);
        var missing = () => gateway.Catalogue.EnsureLocal(connection, "nope");
        missing.Should().Throw<Core.Errors.McpFlowException>().WithMessage("No table named 'nope' in the team catalogue.");
        gateway.DatabasePath.Should().NotStartWith(Workspace, "each process has its own local DuckDB file");
    }

    private string SnapshotPath(string sha) => Path.Combine(Workspace, TableSnapshots.Folder, sha + ".parquet");

    private async Task<(long Version, string ChangedBy, string Operation, long Rows, string Sha)> CatalogueRowAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version, changed_by, operation, row_count, sha256 FROM mcpflow_tables WHERE name_key = @key", connection);
        command.Parameters.AddWithValue("key", name);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue($"the catalogue lists {name}");
        return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4));
    }
}
