using System.Security.Cryptography;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Tests.Audit;

public sealed class AuditTrailRecoveryTests : IDisposable
{
    private readonly FakeTime _time = new();
    private readonly WorkbenchFixture _wb;

    public AuditTrailRecoveryTests() => _wb = new WorkbenchFixture(_time);

    private string AuditFolder => Path.GetDirectoryName(_wb.Audit.FilePath)!;

    private void AppendThree()
    {
        for (var i = 1; i <= 3; i++)
            _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "t" + i, Outcome = "ok" });
    }

    private static void AppendBytes(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Append);
        stream.Write(bytes);
    }

    [Fact]
    public void Open_QuarantinesATornLastLine_AuditsTheMove_AndKeepsTheEntriesBeforeIt()
    {
        AppendThree();
        var torn = Encoding.UTF8.GetBytes("""{"schemaVersion":2,"seq":4,"time":"2026-11-23T10:15:00+00:00","kind":"tool_c""");
        AppendBytes(_wb.Audit.FilePath, torn);
        _time.Advance(TimeSpan.FromMinutes(5));

        _wb.Restart();
        _wb.Audit.Open();

        // The file is named after the fake clock (10:20:00) and the last entry kept (3).
        var quarantined = Path.Combine(AuditFolder, "torn-20261123-102000-after-entry-3.jsonl");
        File.ReadAllBytes(quarantined).Should().Equal(torn);
        var entries = _wb.Audit.ReadAll();
        entries.Select(e => e.Kind).Should().Equal("tool_call", "tool_call", "tool_call", "quarantine");
        entries[3].Seq.Should().Be(4);
        entries[3].Record.Should().Be("torn-20261123-102000-after-entry-3.jsonl");
        entries[3].RecordHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(torn)));
        entries[3].Outcome.Should().Contain($"({torn.Length} bytes, left by an interrupted append) was moved to audit/torn-20261123-102000-after-entry-3.jsonl; entries 1-3 are kept");
        _wb.Audit.Verify().Should().Be(new AuditVerification(true, 4, null, null));
    }

    [Fact]
    public async Task StateChangingSteps_KeepWorking_AfterATornLineIsQuarantined()
    {
        var run = await _wb.RecordAsync();
        AppendBytes(_wb.Audit.FilePath, "{\"schemaVersion\":2,\"se"u8.ToArray());

        _wb.Restart();
        var decided = _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        var second = await _wb.RecordAsync("second");

        decided.State.Should().Be(RunState.Approved);
        _wb.Store.Load(second.RunId).State.Should().Be(RunState.Reviewed);
        _wb.Audit.Verify().Valid.Should().BeTrue();
        _wb.Audit.ReadAll().Count(e => e.Kind == "quarantine").Should().Be(1);
    }

    [Fact]
    public void Open_QuarantinesAGarbageLastLine_EvenWithItsNewline()
    {
        AppendThree();
        AppendBytes(_wb.Audit.FilePath, [0, 0, 0, (byte)'\n']); // what a file system can leave after a crash

        _wb.Restart();
        _wb.Audit.Open();

        _wb.Audit.ReadAll().Select(e => e.Kind).Should().Equal("tool_call", "tool_call", "tool_call", "quarantine");
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public void Open_CompletesALastEntryThatOnlyLacksItsNewline_InsteadOfQuarantiningIt()
    {
        AppendThree();
        var text = File.ReadAllText(_wb.Audit.FilePath);
        File.WriteAllText(_wb.Audit.FilePath, text[..^1]); // the append stopped just before "\n"
        File.Delete(_wb.Audit.CheckpointPath);

        _wb.Restart();
        _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "t4", Outcome = "ok" });

        File.ReadAllText(_wb.Audit.FilePath).Should().StartWith(text);
        _wb.Audit.ReadAll().Select(e => e.Tool).Should().Equal("t1", "t2", "t3", "t4");
        _wb.Audit.Verify().Valid.Should().BeTrue();
        Directory.EnumerateFiles(AuditFolder, "torn-*").Should().BeEmpty();
    }

    [Fact]
    public async Task Open_AdoptsEntriesWrittenAfterTheLastCheckpoint_AsACrashBetweenTheTwoLeavesThem()
    {
        var first = await _wb.RecordAsync("first");
        var checkpoint = File.ReadAllBytes(_wb.Audit.CheckpointPath);
        var index = File.ReadAllBytes(Path.Combine(AuditFolder, AuditTrail.IndexFileName));
        var second = await _wb.RecordAsync("second");
        File.WriteAllBytes(_wb.Audit.CheckpointPath, checkpoint); // as if the process died before these checkpoints
        File.WriteAllBytes(Path.Combine(AuditFolder, AuditTrail.IndexFileName), [.. index, .. "garbage\t"u8.ToArray()]);

        _wb.Restart();

        _wb.Store.Load(first.RunId).State.Should().Be(RunState.Reviewed);
        _wb.Store.Load(second.RunId).State.Should().Be(RunState.Reviewed);
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public async Task Open_ReadsOnlyTheCheckpointAndTheLastEntry_SoAnEditedOldEntryIsFoundByVerify()
    {
        // Opening must not re-read the trail: an entry edited in the middle (same length) goes unnoticed at start,
        // records of untouched runs are served, and a full verification names the edited entry.
        var run = await _wb.RecordAsync();
        _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "later", Outcome = "ok" });
        var lines = File.ReadAllLines(_wb.Audit.FilePath);
        lines[0] = lines[0].Replace("\"state\":\"STALE\"", "\"state\":\"STAL3\"", StringComparison.Ordinal);
        File.WriteAllLines(_wb.Audit.FilePath, lines);

        _wb.Restart();
        _wb.Audit.Open();
        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Reviewed);

        var verification = _wb.Audit.Verify();
        verification.Valid.Should().BeFalse();
        verification.FirstBadSeq.Should().Be(1);
        FluentActions.Invoking(() => _wb.Store.Load(run.RunId)).Should().Throw<McpFlowException>().WithMessage("The audit trail * is broken (entry 1 was modified*");
    }

    [Fact]
    public void Open_ReportsATrailShorterThanItsCheckpoint_AsBroken_WithAHintThatNamesNoBackup()
    {
        AppendThree();
        var lines = File.ReadAllLines(_wb.Audit.FilePath);
        File.WriteAllLines(_wb.Audit.FilePath, lines[..2]); // the last entry removed: the chain itself still verifies

        _wb.Restart();
        var act = () => _wb.Audit.RecordHash("run-20261123-101500-ab12cd", "manifest.json");

        var error = act.Should().Throw<McpFlowException>().Which;
        error.Message.Should().Contain("shorter than the").And.Contain("entries were removed from its end");
        error.Hint.Should().Contain("workbench_audit").And.Contain("move the folder").And.NotContainEquivalentOf("backup");
        var verification = _wb.Audit.Verify();
        verification.Valid.Should().BeFalse();
        verification.FirstBadSeq.Should().BeNull();
        verification.Problem.Should().Contain("entries were removed from its end");
    }

    [Fact]
    public void BrokenTrail_StaysBroken_AcrossRestarts_EvenAfterNewAppends()
    {
        AppendThree();
        File.WriteAllLines(_wb.Audit.FilePath, File.ReadAllLines(_wb.Audit.FilePath)[..2]);
        _wb.Restart();
        _wb.Audit.Append(new AuditEntry { Kind = "tool_call", Tool = "after", Outcome = "ok" });

        _wb.Restart();

        _wb.Audit.Verify().Problem.Should().Contain("entries were removed from its end");
    }

    [Fact]
    public async Task RecordHash_RefusesARecordWhoseIndexLineWasEdited()
    {
        var run = await _wb.RecordAsync();
        var indexPath = Path.Combine(AuditFolder, AuditTrail.IndexFileName);
        var lines = File.ReadAllLines(indexPath);
        var last = Array.FindLastIndex(lines, l => l.Contains("\tmanifest.json\t", StringComparison.Ordinal));
        lines[last] = string.Join('\t', lines[last].Split('\t')[..4]) + "\t" + new string('0', 64); // same length, another hash
        File.WriteAllText(indexPath, string.Join('\n', lines) + "\n");

        _wb.Restart();
        var act = () => _wb.Store.Load(run.RunId);

        act.Should().Throw<McpFlowException>().WithMessage("*no longer records manifest.json of run*with the hash its index holds*");
    }

    [Fact]
    public async Task Open_RebuildsCheckpointAndIndexFromTheTrail_WhenTheyAreMissing()
    {
        var run = await _wb.RecordAsync();
        File.Delete(_wb.Audit.CheckpointPath);
        File.Delete(Path.Combine(AuditFolder, AuditTrail.IndexFileName));

        _wb.Restart();

        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Reviewed);
        File.Exists(_wb.Audit.CheckpointPath).Should().BeTrue();
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public async Task RecordHash_RebuildsADamagedIndexFromTheTrail_AtItsFirstLookup()
    {
        var run = await _wb.RecordAsync();
        var indexPath = Path.Combine(AuditFolder, AuditTrail.IndexFileName);
        File.WriteAllText(indexPath, new string('#', (int)new FileInfo(indexPath).Length)); // same length, no valid line

        _wb.Restart();
        _wb.Audit.Open();

        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Reviewed);
        File.ReadAllText(indexPath).Should().Contain($"\t{run.RunId}\tmanifest.json\t");
    }

    public void Dispose() => _wb.Dispose();
}
