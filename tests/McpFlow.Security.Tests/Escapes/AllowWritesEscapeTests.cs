using System.Text.Json.Nodes;
using McpFlow.Security.Tests.Ledger;
using Xunit.Abstractions;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>The server started with --sql-allow-writes: client SQL may change workspace tables, and nothing else.</summary>
[Collection(SecurityCollection.Name)]
[TestCaseOrderer(DeclarationOrderer.TypeName, DeclarationOrderer.AssemblyName)]
public sealed class AllowWritesEscapeTests(AllowWritesFixture fixture, ITestOutputHelper output) : IClassFixture<AllowWritesFixture>
{
    [Fact]
    public async Task WritesOutsideTheWorkspaceTables_AreRefused_AndSmuggledReadsLeakNothing()
    {
        var s = fixture.Sandbox;
        var attempts = WriteModeEscapes.Refused(s).Select(SqlEscapes.Query)
            .Concat(WriteModeEscapes.Refused(s).Where(q => q.StartsWith("COPY", StringComparison.Ordinal)).Select((q, i) => SqlEscapes.Export(q, i)))
            .Concat(WriteModeEscapes.FollowUps().Select(q => SqlEscapes.Query(q) with { MustRefuse = false }))
            .Append(LockdownProbes.Probe("after the writes"))
            .Append(new EscapeAttempt("data_query.sql", "a permitted write still works", "data_query",
                new JsonObject { ["sql"] = "CREATE TABLE permitted AS SELECT 1 AS x" })
            { MustRefuse = false, Verdict = o => o.Refused ? "a permitted CREATE TABLE … AS was refused: " + o.Excerpt() : null });
        var log = SecurityLedger.Begin("sql.allow-writes");
        await new EscapeRunner(fixture.Server, s, fixture.Protect).RunAsync(attempts, log);
        log.AssertClean(output);
    }
}
