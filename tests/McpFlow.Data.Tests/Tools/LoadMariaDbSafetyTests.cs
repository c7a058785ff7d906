using McpFlow.Core.Configuration;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing.MariaDb;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Tools;

/// <summary>Hostile arguments to the source tools against a real MariaDB whose reader holds the FILE privilege: nothing is
/// written, no server file is read or written, no lock is taken, no secret is shown.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class LoadMariaDbSafetyTests(MariaDbServer mariaDb) : MariaDbServerTestBase(mariaDb)
{
    private const string WrongPassword = "WrongSecret-5d1e8b";

    /// <inheritdoc />
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        base.ConfigureOptions(options);
        options.Sources["mariabad"] = "mariadb:" + MariaDb.ReaderConnectionString;
        options.SourcePasswords["mariabad"] = WrongPassword;
    }

    [Theory]
    [InlineData("victim; DROP TABLE victim")]
    [InlineData("mcpflow_test.victim`; DROP TABLE victim; --")]
    [InlineData("a.b.c")]
    [InlineData("victim' OR '1'='1")]
    public async Task LoadSource_RefusesTableNames_ThatAreNotIdentifiers(string name)
    {
        await Victim();

        Failed(await CallAsync("data_load_source", new { source = Source, source_table = name, table = "x" })).Should().Contain("is not a table name");
        await VictimIntact();
    }

    [Fact]
    public async Task LoadSource_ReportsNotFound_WhenTableIsUnknownOrNotGranted()
    {
        await MariaDb.AdminExecuteAsync("CREATE DATABASE IF NOT EXISTS vault; CREATE TABLE IF NOT EXISTS vault.keys (k TEXT);");

        Failed(await CallAsync("data_load_source", new { source = Source, source_table = "nosuch" })).Should().Contain("'nosuch' is not a table or view this source's user can read");
        Failed(await CallAsync("data_load_source", new { source = Source, source_table = "vault.keys" })).Should().Contain("is not a table or view");
        Failed(await CallAsync("data_load_source", new { source = Source, source_table = "mysql.user" })).Should().Contain("is not a table or view");
    }

    [Theory]
    [InlineData("INSERT INTO victim VALUES (99)", "must be a read-only SELECT")]
    [InlineData("SELECT 1; DROP TABLE victim", "must be one statement")]
    [InlineData("HANDLER victim OPEN", "must be a read-only SELECT")]
    [InlineData("LOAD DATA INFILE '/etc/passwd' INTO TABLE victim", "must be a read-only SELECT")]
    [InlineData("SET STATEMENT max_statement_time = 0 FOR SELECT 1", "must be a read-only SELECT")]
    [InlineData("SELECT LOAD_FILE('/etc/passwd')", "uses 'load_file'")]
    [InlineData("SELECT `load_file`('/etc/passwd')", "uses 'load_file'")]
    [InlineData("SELECT * FROM victim UNION SELECT id FROM victim LOCK IN SHARE MODE", "a locking read")]
    [InlineData("SELECT * FROM victim FOR UPDATE", "a locking read")]
    [InlineData("SELECT @a := 1", "':=' (user-variable assignment)")]
    [InlineData("SELECT GET_LOCK('mcpflow', 10)", "uses 'get_lock'")]
    [InlineData("SELECT RELEASE_LOCK('mcpflow')", "uses 'release_lock'")]
    [InlineData("SELECT SLEEP(60)", "uses 'sleep'")]
    [InlineData("SELECT BENCHMARK(1000000000, MD5('x'))", "uses 'benchmark'")]
    [InlineData("SELECT sys_exec('id')", "uses 'sys_exec'")]
    [InlineData("SELECT CAST('a' AS CHAR CHARACTER SET latin1)", "uses 'set'")]
    [InlineData("SELECT * FROM victim PROCEDURE ANALYSE()", "uses 'procedure'")]
    [InlineData("SELECT NEXT VALUE FOR s", "NEXT VALUE FOR")]
    [InlineData("SELECT 1 /*!50000 , LOAD_FILE('/etc/passwd') */", "an executable comment")]
    [InlineData("SELECT 1 /*M!100000 , 2 */", "an executable comment")]
    public async Task LoadSource_RefusesMySqlQueries_ThatWriteLockStallOrReachTheServer(string query, string expected)
    {
        await Victim();

        Failed(await CallAsync("data_load_source", new { source = Source, query, table = "x" })).Should().Contain(expected);
        await VictimIntact();
    }

    [Theory]
    [InlineData("SELECT * FROM victim INTO OUTFILE '{0}'")]
    [InlineData("SELECT 'x' INTO DUMPFILE '{0}'")]
    [InlineData("SELECT 'x' /*!INTO DUMPFILE '{0}' */")]
    public async Task LoadSource_WritesNoServerFile_WhenAQueryAsksTheServerToWriteOne(string template)
    {
        await Victim();
        var target = Path.Combine(MariaDb.FilesFolder, "out-" + Guid.NewGuid().ToString("N")[..8] + ".txt");

        Failed(await CallAsync("data_load_source", new { source = Source, query = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, target), table = "x" }))
            .Should().MatchRegex("uses 'into'|executable comment");

        // The server may write there (secure_file_priv) and the reader holds FILE: only McpFlow stood in the way.
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public async Task LoadSource_IsStoppedByTheReadOnlyTransaction_WhenAFunctionThatPassesTheCheckWrites()
    {
        await Victim();
        // A stored function that inserts, callable by the reader (it runs with its definer's rights): the text check cannot
        // know what bump() does; START TRANSACTION READ ONLY refuses the insert (ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION).
        await MariaDb.AdminExecuteAsync("DROP FUNCTION IF EXISTS bump; CREATE FUNCTION bump() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO victim VALUES (99); RETURN 1; END; " +
            "GRANT EXECUTE ON FUNCTION mcpflow_test.bump TO 'mcpflow_reader'@'127.0.0.1';");

        var result = await CallUntilFinishedOrFailedAsync(new { source = Source, query = "SELECT bump() AS b", table = "x" });

        Failed(result, MariaDb.ReaderPassword).Should().Contain("READ ONLY transaction");
        await VictimIntact();
    }

    [Fact]
    public async Task LoadSource_NeverShowsThePassword_WhenSignInFails()
    {
        var result = await CallUntilFinishedOrFailedAsync(new { source = "mariabad", source_table = "victim", table = "x" });

        Failed(result).Should().Contain("Could not sign in to source 'mariabad'").And.Contain("authentication failed");
    }

    private async Task Victim() =>
        await MariaDb.AdminExecuteAsync("CREATE TABLE IF NOT EXISTS victim (id INT); TRUNCATE victim; INSERT INTO victim VALUES (1), (2), (3);");

    // Three rows, as Victim() left them (the admin counts them, outside McpFlow).
    private async Task VictimIntact() => (await MariaDb.AdminScalarAsync("SELECT COUNT(*) FROM victim")).Should().Be(3L);

    // The answer's text and structured content, after asserting it is an error that shows no password.
    private string Failed(CallToolResult result) => Failed(result, MariaDb.ReaderPassword, WrongPassword);
}
