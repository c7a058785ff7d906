using McpFlow.Core.Configuration;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing.Postgres;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Hostile arguments to the source tools against a real PostgreSQL: nothing is written, no server file is read,
/// no secret is shown.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadSourceSafetyTests(PostgresServer postgres) : PostgresServerTestBase(postgres)
{
    private const string WrongPassword = "WrongSecret-7f3a9c";

    /// <inheritdoc />
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        base.ConfigureOptions(options);
        options.Sources["pgbad"] = "postgresql:" + Postgres.ReaderConnectionString;
        options.SourcePasswords["pgbad"] = WrongPassword;
    }

    [Fact]
    public async Task LoadSource_ReportsConfiguredSources_WhenSourceIsUnknown()
    {
        var result = await CallAsync("data_load_source", new { source = "prod", source_table = "t" });

        Failed(result).Should().Contain("'prod' is not a configured source; configured: pg, pgbad");
    }

    [Theory]
    [InlineData("victim; DROP TABLE victim")]
    [InlineData("public.victim\"; DROP TABLE victim; --")]
    [InlineData("a.b.c")]
    [InlineData("victim' OR '1'='1")]
    public async Task LoadSource_RefusesTableNames_ThatAreNotIdentifiers(string name)
    {
        await Victim();

        var result = await CallAsync("data_load_source", new { source = Source, source_table = name, table = "x" });

        Failed(result).Should().Contain("is not a table name");
        await VictimIntact();
    }

    [Fact]
    public async Task LoadSource_ReportsNotFound_WhenTableIsUnknownOrNotGranted()
    {
        await Postgres.AdminExecuteAsync("CREATE SCHEMA IF NOT EXISTS secret; CREATE TABLE IF NOT EXISTS secret.keys (k text);");

        Failed(await CallAsync("data_load_source", new { source = Source, source_table = "nosuch" })).Should().Contain("'nosuch' is not a table or view this source's role can read");
        Failed(await CallAsync("data_load_source", new { source = Source, source_table = "secret.keys" })).Should().Contain("is not a table or view");
    }

    [Theory]
    [InlineData("INSERT INTO victim VALUES (99)", "must be a read-only SELECT")]
    [InlineData("UPDATE victim SET id = 0", "must be a read-only SELECT")]
    [InlineData("CREATE TABLE evil (x int)", "must be a read-only SELECT")]
    [InlineData("SELECT 1; DROP TABLE victim", "must be one statement")]
    [InlineData("COPY (SELECT 1) TO PROGRAM 'id'", "must be a read-only SELECT")]
    [InlineData("SELECT * FROM victim UNION SELECT 1 FROM (SELECT 1) x WHERE 1=0 AND 'COPY' = 'x'", "uses 'copy'")]
    [InlineData("SELECT pg_read_file('/etc/passwd')", "uses 'pg_read_file'")]
    [InlineData("SELECT \"pg_read_file\"('/etc/passwd')", "uses 'pg_read_file'")]
    [InlineData("SELECT * FROM pg_ls_dir('.')", "uses 'pg_ls_dir'")]
    [InlineData("SELECT U&\"\\0070g_read_file\"('/etc/passwd')", "U& Unicode-escape")]
    [InlineData("SELECT query_to_xml('DELETE FROM victim', true, true, '')", "uses 'query_to_xml'")]
    [InlineData("SELECT set_config('default_transaction_read_only', 'off', false)", "uses 'set_config'")]
    [InlineData("SELECT lo_import('/etc/passwd')", "uses 'lo_import'")]
    [InlineData("SELECT lo_creat(-1)", "uses 'lo_creat'")]
    [InlineData("SELECT pg_catalog.pg_read_binary_file('/etc/passwd')", "uses 'pg_read_binary_file'")]
    public async Task LoadSource_RefusesQueries_ThatWriteOrReachTheServer(string query, string expected)
    {
        await Victim();

        var result = await CallAsync("data_load_source", new { source = Source, query, table = "x" });

        Failed(result).Should().Contain(expected);
        await VictimIntact();
    }

    [Theory]
    // Past the text check, the subquery wrapper and the READ ONLY transaction stop these in the server itself.
    [InlineData("WITH d AS (DELETE FROM victim RETURNING *) SELECT * FROM d")]
    [InlineData("SELECT * FROM victim FOR SHARE")]
    [InlineData("SELECT * FROM victim FOR UPDATE")]
    public async Task LoadSource_IsStoppedByTheServer_WhenAQueryPassesTheCheckButWrites(string query)
    {
        await Victim();

        var result = await CallUntilFinishedOrFailedAsync(new { source = Source, query, table = "x" });

        Failed(result).Should().MatchRegex("READ ONLY transaction|refused the (query|read)");
        await VictimIntact();
    }

    [Fact]
    public async Task LoadSource_NeverShowsThePassword_WhenSignInFails()
    {
        var result = await CallUntilFinishedOrFailedAsync(new { source = "pgbad", source_table = "victim", table = "x" });

        var text = Failed(result);
        text.Should().Contain("Could not sign in to source 'pgbad'").And.Contain("authentication failed");
        text.Should().NotContain(WrongPassword).And.NotContain(Postgres.ReaderPassword);
    }

    private async Task Victim() =>
        await Postgres.AdminExecuteAsync("CREATE TABLE IF NOT EXISTS victim (id int); TRUNCATE victim; INSERT INTO victim VALUES (1), (2), (3);");

    // Three rows, as Victim() left them (the superuser counts them, outside McpFlow).
    private async Task VictimIntact() => (await Postgres.AdminScalarAsync("SELECT count(*) FROM victim")).Should().Be(3L);

    // The answer's text and structured content, after asserting it is an error that shows no password.
    private string Failed(CallToolResult result) => Failed(result, Postgres.ReaderPassword, WrongPassword);
}
