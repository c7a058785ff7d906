using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Ledger;
using McpFlow.Security.Tests.Sandbox;
using McpFlow.Testing.Postgres;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Secrets;

/// <summary>
/// Database sources over the real server (stdio) against a real PostgreSQL: a source's password, given apart
/// (MCPFLOW_SOURCE_PASSWORD__PG) or inside the connection string (MCPFLOW_SOURCE__BAD, a wrong one), never reaches an
/// answer or the Trace log, whatever the model sends (hostile table names, refused functions, writes, failing SQL,
/// a failed sign-in); the refused calls refuse, and nothing in the database changes.
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
            var wrong = "Wrong-" + Guid.NewGuid().ToString("N");
            using var sandbox = new SandboxFolders("secret-sources");
            await using var server = new GuardedServer(new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
            {
                Environment = new Dictionary<string, string>
                {
                    ["MCPFLOW_LOG_LEVEL"] = "Trace",
                    ["MCPFLOW_SOURCE__PG"] = "postgresql:" + postgres.ReaderConnectionString,
                    ["MCPFLOW_SOURCE_PASSWORD__PG"] = postgres.ReaderPassword,
                    ["MCPFLOW_SOURCE__BAD"] = "postgresql:" + postgres.ReaderConnectionString + ";Password=" + wrong,
                },
            });
            var log = SecurityLedger.Begin("secrets.database-sources");
            var calls = new (string Tool, JsonObject Arguments, bool MustRefuse)[]
            {
                ("data_list_sources", new(), false),
                ("data_list_sources", new() { ["source"] = "pg" }, false),
                ("data_load_source", new() { ["source"] = "pg", ["source_table"] = "guarded", ["table"] = "guarded" }, false),
                ("data_load_source", new() { ["source"] = "pg", ["source_table"] = "guarded; DROP TABLE guarded", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "pg", ["query"] = "SELECT pg_read_file('/etc/passwd')", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "pg", ["query"] = "COPY guarded TO PROGRAM 'id'", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "pg", ["query"] = "SELECT 1; DROP TABLE guarded", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "pg", ["query"] = "WITH d AS (DELETE FROM guarded RETURNING *) SELECT * FROM d", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "pg", ["query"] = "SELECT 1/0", ["table"] = "x" }, true),
                ("data_load_source", new() { ["source"] = "bad", ["source_table"] = "guarded", ["table"] = "x" }, true),
                ("data_list_sources", new() { ["source"] = "bad" }, true),
                ("data_load_source", new() { ["source"] = "nosuch", ["source_table"] = "guarded", ["table"] = "x" }, true),
            };
            foreach (var (tool, arguments, mustRefuse) in calls)
            {
                var outcome = await server.CallToolAsync(tool, arguments, Deadlines.Call);
                var findings = new List<Finding>();
                foreach (var secret in new[] { postgres.ReaderPassword, wrong })
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
            if (instance.StdErrTail.Contains(postgres.ReaderPassword, StringComparison.Ordinal) || instance.StdErrTail.Contains(wrong, StringComparison.Ordinal))
                tail.Add(new Finding(Problem.Leak, "", "a source password is in the server's Trace log"));
            // The superuser counts the rows outside McpFlow: two, as inserted.
            if (!Equals(await postgres.AdminScalarAsync("SELECT count(*) FROM guarded"), 2L))
                tail.Add(new Finding(Problem.Overwritten, "", "the source table changed"));
            log.Add("trace log and source table", false, tail, TimeSpan.Zero);
            log.AssertClean(output);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }
}
