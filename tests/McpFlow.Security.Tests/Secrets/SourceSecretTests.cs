using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using McpFlow.Testing.MariaDb;
using McpFlow.Testing.Postgres;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Secrets;

/// <summary>
/// Database sources over the real server (stdio) against a real PostgreSQL and a real MariaDB: a source's password, given
/// apart (MCPFLOW_SOURCE_PASSWORD__SRC) or inside the connection string (MCPFLOW_SOURCE__BAD, a wrong one), never reaches
/// an answer or the Trace log, whatever the model sends (hostile table names, refused functions, server-file reads and
/// writes, writes, failing SQL, a failed sign-in); the refused calls refuse, and nothing in the database changes.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class SourceSecretTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SourcePasswords_NeverReachAnswersOrTheTraceLog_AndHostileReadsAreRefused()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            await postgres.AdminExecuteAsync("CREATE TABLE guarded (id int); INSERT INTO guarded VALUES (1), (2);");
            await AttackAsync("postgresql:" + postgres.ReaderConnectionString, postgres.ReaderPassword,
            [
                ("SELECT pg_read_file('/etc/passwd')", true),
                ("COPY guarded TO PROGRAM 'id'", true),
                ("SELECT 1; DROP TABLE guarded", true),
                ("WITH d AS (DELETE FROM guarded RETURNING *) SELECT * FROM d", true),
                ("SELECT 1/0", true),
            ], async () => Equals(await postgres.AdminScalarAsync("SELECT count(*) FROM guarded"), 2L));
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task MariaDbSourcePasswords_NeverReachAnswersOrTheTraceLog_AndHostileReadsAreRefused()
    {
        var mariaDb = new MariaDbServer();
        await mariaDb.InitializeAsync();
        try
        {
            await mariaDb.AdminExecuteAsync("CREATE TABLE guarded (id INT); INSERT INTO guarded VALUES (1), (2);");
            var outfile = Path.Combine(mariaDb.FilesFolder, "leak.txt");
            await AttackAsync("mariadb:" + mariaDb.ReaderConnectionString, mariaDb.ReaderPassword,
            [
                ("SELECT LOAD_FILE('/etc/passwd')", true),
                ($"SELECT * FROM guarded INTO OUTFILE '{outfile}'", true),
                ("SELECT 1 /*!, LOAD_FILE('/etc/passwd') */", true),
                ("SELECT 1; DROP TABLE guarded", true),
                ("SELECT @p := 1", true),
                ("SELECT nosuch FROM guarded", true),
            ], async () => Equals(await mariaDb.AdminScalarAsync("SELECT COUNT(*) FROM guarded"), 2L) && !File.Exists(outfile));
        }
        finally
        {
            await mariaDb.DisposeAsync();
        }
    }

    // Lists, loads and attacks source 'src' (and 'bad', the same with a wrong password inside its connection string),
    // searching every answer and the Trace log for both passwords; then asks the database whether anything changed.
    private async Task AttackAsync(string spec, string password, IReadOnlyList<(string Query, bool MustRefuse)> queries, Func<Task<bool>> unchanged)
    {
        var wrong = "Wrong-" + Guid.NewGuid().ToString("N");
        using var sandbox = new SandboxFolders("secret-sources");
        await using var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
        {
            Environment = new Dictionary<string, string>
            {
                ["MCPFLOW_LOG_LEVEL"] = "Trace",
                ["MCPFLOW_SOURCE__SRC"] = spec,
                ["MCPFLOW_SOURCE_PASSWORD__SRC"] = password,
                ["MCPFLOW_SOURCE__BAD"] = spec + ";Password=" + wrong,
            },
        });
        var log = SecurityLedger.Begin("secrets.database-sources");
        var calls = new List<(string Tool, JsonObject Arguments, bool MustRefuse)>
        {
            ("data_list_sources", new(), false),
            ("data_list_sources", new() { ["source"] = "src" }, false),
            ("data_load_source", new() { ["source"] = "src", ["source_table"] = "guarded", ["table"] = "guarded" }, false),
            ("data_load_source", new() { ["source"] = "src", ["source_table"] = "guarded; DROP TABLE guarded", ["table"] = "x" }, true),
        };
        calls.AddRange(queries.Select(q => ("data_load_source", new JsonObject { ["source"] = "src", ["query"] = q.Query, ["table"] = "x" }, q.MustRefuse)));
        calls.Add(("data_load_source", new() { ["source"] = "bad", ["source_table"] = "guarded", ["table"] = "x" }, true));
        calls.Add(("data_list_sources", new() { ["source"] = "bad" }, true));
        calls.Add(("data_load_source", new() { ["source"] = "nosuch", ["source_table"] = "guarded", ["table"] = "x" }, true));
        foreach (var (tool, arguments, mustRefuse) in calls)
        {
            var outcome = await server.CallToolAsync(tool, arguments, Deadlines.Call);
            var findings = new List<Finding>();
            foreach (var secret in new[] { password, wrong })
            {
                if (outcome.Everything.Contains(secret, StringComparison.Ordinal))
                    findings.Add(new Finding(Problem.Leak, "", "a source password is in the answer: " + outcome.Excerpt()));
            }

            if (outcome.Refused != mustRefuse)
                findings.Add(new Finding(Problem.NotRefused, "", (mustRefuse ? "not refused: " : "refused: ") + outcome.Excerpt()));
            log.Add($"{tool} {arguments.ToJsonString()}", outcome.Refused, findings, outcome.Elapsed);
        }

        var instance = await server.InstanceAsync();
        var tail = new List<Finding>();
        if (instance.StdErrTail.Contains(password, StringComparison.Ordinal) || instance.StdErrTail.Contains(wrong, StringComparison.Ordinal))
            tail.Add(new Finding(Problem.Leak, "", "a source password is in the server's Trace log"));
        // The database's own admin checks, outside McpFlow, that the table (and the server's file folder) did not change.
        if (!await unchanged())
            tail.Add(new Finding(Problem.Overwritten, "", "the source table or the server's files changed"));
        log.Add("trace log and source table", false, tail, TimeSpan.Zero);
        log.AssertClean(output);
    }
}
