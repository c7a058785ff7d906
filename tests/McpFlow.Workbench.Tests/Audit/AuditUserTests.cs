using System.Text.Json.Nodes;
using McpFlow.Core.Identity;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Tests.Audit;

/// <summary>Every entry names its user (schema 3); entries written before (schema 2, no user) stay readable and verify.</summary>
public sealed class AuditUserTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    [Fact]
    public void Append_NamesTheCurrentCaller_AndTheLocalUserOutsideACall()
    {
        _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "a", Outcome = "ok" });
        using (CallerScope.Enter(new Caller("ana", UserRole.Analyst, MaySelfApprove: false)))
            _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "b", Outcome = "ok" });

        var entries = _wb.Audit.ReadAll();
        entries.Select(e => e.User).Should().Equal("local", "ana");
        entries.Should().OnlyContain(e => e.SchemaVersion == 3);
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public void ASchema2Entry_WithoutUser_IsReadAndVerified_BeforeNewEntries()
    {
        // An entry as McpFlow wrote it before users existed: schema 2, no "user"; its hash is the SHA-256 of the line
        // without "hash", the rule AuditChain checks.
        var old = new JsonObject
        {
            ["schemaVersion"] = 2, ["seq"] = 1, ["time"] = "2026-11-23T10:15:00+00:00", ["kind"] = "tool_call", ["tool"] = "data_load",
            ["outcome"] = "ok", ["prevHash"] = AuditEntry.GenesisHash,
        };
        var hash = ContentHasher.HashText(old.ToJsonString());
        old["hash"] = hash;
        Directory.CreateDirectory(Path.GetDirectoryName(_wb.Audit.FilePath)!);
        File.WriteAllText(_wb.Audit.FilePath, old.ToJsonString() + "\n");
        _wb.Restart();

        _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "b", Outcome = "ok" });

        _wb.Audit.Verify().Should().Be(new AuditVerification(true, 2, null, null));
        var entries = _wb.Audit.ReadAll();
        entries[0].User.Should().BeNull();
        entries[0].Tool.Should().Be("data_load");
        entries[1].PrevHash.Should().Be(hash);
        entries[1].User.Should().Be("local");
    }

    public void Dispose() => _wb.Dispose();
}
