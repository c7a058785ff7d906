using McpFlow.Workbench.Audit;

namespace McpFlow.Workbench.Tests.Audit;

public sealed class AuditTrailTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    private void AppendThree()
    {
        for (var i = 1; i <= 3; i++)
            _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "t" + i, Outcome = "ok" });
    }

    [Fact]
    public void Verify_AcceptsAnIntactChain_WhoseEntriesLinkToTheirPredecessor()
    {
        AppendThree();
        _wb.Audit.Verify().Should().Be(new AuditVerification(true, 3, null, null));
        var entries = _wb.Audit.ReadAll();
        entries.Select(e => e.Seq).Should().Equal(1, 2, 3);
        entries[0].PrevHash.Should().Be(AuditEntry.GenesisHash);
        entries[1].PrevHash.Should().Be(entries[0].Hash);
        entries[2].PrevHash.Should().Be(entries[1].Hash);
    }

    [Fact]
    public void VerifyAndReadAll_StopWhenCancelled_AndMarkNothingBroken()
    {
        AppendThree();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        ((Action)(() => _wb.Audit.Verify(cancelled.Token))).Should().Throw<OperationCanceledException>();
        ((Action)(() => _wb.Audit.ReadAll(cancelled.Token))).Should().Throw<OperationCanceledException>();
        _wb.Audit.Verify().Should().Be(new AuditVerification(true, 3, null, null));
    }

    [Fact]
    public void Verify_NamesTheFirstEditedEntry()
    {
        AppendThree();
        var lines = File.ReadAllLines(_wb.Audit.FilePath);
        lines[1] = lines[1].Replace("\"outcome\":\"ok\"", "\"outcome\":\"error\"", StringComparison.Ordinal);
        File.WriteAllLines(_wb.Audit.FilePath, lines);
        var result = _wb.Audit.Verify();
        result.Valid.Should().BeFalse();
        result.FirstBadSeq.Should().Be(2);
        result.Problem.Should().StartWith("entry 2 was modified after it was written");
    }

    [Fact]
    public void Verify_DetectsARemovedEntry()
    {
        AppendThree();
        var lines = File.ReadAllLines(_wb.Audit.FilePath).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(_wb.Audit.FilePath, lines);
        _wb.Audit.Verify().Should().Match<AuditVerification>(v => !v.Valid && v.FirstBadSeq == 2 && v.Problem!.Contains("has seq 3"));
    }

    [Fact]
    public void Verify_DetectsAnEntryRewrittenWithARecomputedHash_ByTheBrokenLinkOfTheNextOne()
    {
        AppendThree();
        var lines = File.ReadAllLines(_wb.Audit.FilePath);
        var node = System.Text.Json.Nodes.JsonNode.Parse(lines[0])!.AsObject();
        node.Remove("hash");
        node["outcome"] = "forged";
        node["hash"] = McpFlow.Workbench.Hashing.ContentHasher.HashText(node.ToJsonString());
        lines[0] = node.ToJsonString();
        File.WriteAllLines(_wb.Audit.FilePath, lines);
        _wb.Audit.Verify().Should().Match<AuditVerification>(v => !v.Valid && v.FirstBadSeq == 2 && v.Problem!.Contains("does not link"));
    }

    [Fact]
    public async Task RecordHash_IsNotTrustedAfterARestart_WhenTheRecordAndItsAuditEntryWereBothEdited()
    {
        var run = await _wb.RecordAsync();
        var manifestPath = Path.Combine(run.Folder, "manifest.json");
        var forged = File.ReadAllText(manifestPath).Replace("\"REVIEWED\"", "\"APPROVED\"", StringComparison.Ordinal);
        File.WriteAllText(manifestPath, forged);
        var forgedHash = McpFlow.Workbench.Hashing.ContentHasher.HashText(forged);
        var lines = File.ReadAllLines(_wb.Audit.FilePath);
        var last = Array.FindLastIndex(lines, l => l.Contains("\"record\":\"manifest.json\"", StringComparison.Ordinal));
        var node = System.Text.Json.Nodes.JsonNode.Parse(lines[last])!.AsObject();
        node["recordHash"] = forgedHash;
        lines[last] = node.ToJsonString();
        File.WriteAllLines(_wb.Audit.FilePath, lines);

        var restarted = new McpFlow.Workbench.Runs.RunStore(_wb.Workspace, new AuditTrail(_wb.Workspace, TimeProvider.System),
            new McpFlow.Workbench.Hashing.ContentHasher(), TimeProvider.System);
        var act = () => restarted.Load(run.RunId);
        act.Should().Throw<McpFlow.Core.Errors.McpFlowException>().WithMessage($"The audit trail * is broken (entry {last + 1} was modified after it was written*");
    }

    public void Dispose() => _wb.Dispose();
}
