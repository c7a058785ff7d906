using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Testing.Postgres;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Team;
using McpFlow.Workbench.Tests.Fixtures;

namespace McpFlow.Workbench.Tests.Team;

/// <summary>The audit chain in the team database: appends from several processes form one chain, every entry names
/// its user, and an edited, deleted or truncated row is reported.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditChainTests(PostgresServer postgres) : TeamDatabaseTestBase(postgres)
{
    private static readonly Caller Ana = new("ana", UserRole.Analyst, MaySelfApprove: false);
    private static readonly Caller Bea = new("bea", UserRole.Approver, MaySelfApprove: false);

    private PostgresAuditChain Chain() => new(Process(), Time);

    private static AuditEntry Entry(string outcome = "ok") => new() { Kind = "tool_call", Tool = "workbench_record_run", Outcome = outcome };

    [Fact]
    public async Task ConcurrentAppendsFromTwoProcesses_FormOneUnbrokenChain_NamingEachUser()
    {
        const int PerProcess = 40;
        var (a, b) = (Chain(), Chain());
        a.Open();
        b.Open();
        using var bothReady = new Barrier(2);
        Task Append(PostgresAuditChain chain, Caller user) => Task.Run(() =>
        {
            using var scope = CallerScope.Enter(user);
            bothReady.SignalAndWait();
            for (var i = 0; i < PerProcess; i++)
                chain.Append(Entry());
        });

        await Task.WhenAll(Append(a, Ana), Append(b, Bea));

        var verified = Chain().Verify();
        verified.Should().Be(new AuditVerification(true, 2 * PerProcess, null, null));
        var entries = a.ReadAll();
        entries.Select(e => e.Seq).Should().Equal(Enumerable.Range(1, 2 * PerProcess).Select(i => (long)i));
        entries.Count(e => e.User == "ana").Should().Be(PerProcess);
        entries.Count(e => e.User == "bea").Should().Be(PerProcess);
        for (var i = 1; i < entries.Count; i++)
            entries[i].PrevHash.Should().Be(entries[i - 1].Hash, "each entry links to the one before, whichever process wrote it");
    }

    [Fact]
    public async Task AnEntry_IsStoredAsItsHashedJson_WithTheCallerAndTheFakeClock()
    {
        var chain = Chain();
        AuditEntry written;
        using (CallerScope.Enter(Ana))
            written = chain.Append(Entry());

        written.User.Should().Be("ana");
        written.Time.Should().Be(FakeTime.Start);
        // Expected hash computed here: SHA-256 of the stored JSON without its "hash" property.
        var stored = JsonNode.Parse((string)(await ScalarAsync("SELECT entry FROM mcpflow_audit WHERE seq = 1"))!)!.AsObject();
        var hash = stored["hash"]!.GetValue<string>();
        stored.Remove("hash");
        hash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored.ToJsonString()))));
        written.Hash.Should().Be(hash);
        (await ScalarAsync("SELECT user_name FROM mcpflow_audit WHERE seq = 1")).Should().Be("ana");
        (await ScalarAsync("SELECT hash FROM mcpflow_audit_head WHERE id = 1")).Should().Be(hash);
    }

    [Fact]
    public async Task AnEditedEntry_IsReported_AndTheChainStaysBroken()
    {
        var chain = Chain();
        for (var i = 0; i < 3; i++)
            chain.Append(Entry());
        await TamperAsync("UPDATE mcpflow_audit SET entry = replace(entry, '\"outcome\":\"ok\"', '\"outcome\":\"fine\"') WHERE seq = 2");

        var verified = Chain().Verify();

        verified.Valid.Should().BeFalse();
        verified.FirstBadSeq.Should().Be(2);
        verified.Problem.Should().StartWith("entry 2 was modified after it was written (its content hash is ");
        var lookup = () => Chain().RecordHash("run-20261123-101500-ab12cd", "manifest.json");
        lookup.Should().Throw<McpFlowException>().Which.Message.Should().StartWith("The team audit chain is broken (entry 2 was modified");
        Chain().Verify().Valid.Should().BeFalse("the head row keeps the chain reported broken");
    }

    [Fact]
    public async Task ADeletedEntry_IsReportedWhereTheGapIs()
    {
        var chain = Chain();
        for (var i = 0; i < 3; i++)
            chain.Append(Entry());
        await TamperAsync("DELETE FROM mcpflow_audit WHERE seq = 2");

        Chain().Verify().Should().Be(new AuditVerification(false, 2, 2, "entry 2 has seq 3; an entry was removed, inserted or reordered"));
    }

    [Fact]
    public async Task TheLastEntryDeleted_IsReportedAgainstTheHead()
    {
        var chain = Chain();
        for (var i = 0; i < 3; i++)
            chain.Append(Entry());
        await TamperAsync("DELETE FROM mcpflow_audit WHERE seq = 3");

        Chain().Verify().Should().Be(new AuditVerification(false, 2, null,
            "the chain ends at entry 2, but the last entry McpFlow wrote is entry 3; entries were removed from its end"));
    }

    [Fact]
    public async Task AnEditedColumn_IsReported_EvenWhenTheEntryJsonIsIntact()
    {
        var chain = Chain();
        using (CallerScope.Enter(Ana))
            chain.Append(Entry());
        await TamperAsync("UPDATE mcpflow_audit SET user_name = 'mallory' WHERE seq = 1");

        Chain().Verify().Should().Be(new AuditVerification(false, 1, 1,
            "entry 1's row in mcpflow_audit differs from the entry it holds (seq, hash, user, run, record or record hash column edited)"));
    }
}
