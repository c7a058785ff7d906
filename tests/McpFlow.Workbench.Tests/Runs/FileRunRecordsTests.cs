using McpFlow.Core.Errors;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Tests.Runs;

/// <summary>The file store's audited writes (pending copy, audit entry, rename): a crash at either step leaves the run
/// trusted, and only the audited pending copy is ever adopted.</summary>
public sealed class FileRunRecordsTests : IDisposable
{
    private readonly WorkbenchFixture _wb = new();

    [Fact]
    public async Task ACrashBeforeTheAuditEntry_LeavesTheRecordAsItWas()
    {
        var run = await _wb.RecordAsync();
        var manifest = ManifestPath(run.RunId);
        var before = await File.ReadAllBytesAsync(manifest);

        var decide = () => Decisions(crashAt: 1, crashAfterAppend: false).Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");

        decide.Should().Throw<IOException>().WithMessage("simulated crash*");
        (await File.ReadAllBytesAsync(manifest)).Should().Equal(before);
        _wb.Restart();
        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Reviewed, "the unaudited pending copy is not adopted");
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool").State.Should().Be(RunState.Approved);
        File.Exists(manifest + FileRunRecords.PendingSuffix).Should().BeFalse();
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public async Task ACrashAfterTheAuditEntry_IsFinishedAtTheNextRead()
    {
        var run = await _wb.RecordAsync();
        var manifest = ManifestPath(run.RunId);

        var decide = () => Decisions(crashAt: 2, crashAfterAppend: true).Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");

        decide.Should().Throw<IOException>().WithMessage("simulated crash*");
        var pending = await File.ReadAllBytesAsync(manifest + FileRunRecords.PendingSuffix);
        _wb.Restart();
        // Expected: the approval's manifest, as audited. Without the pending copy the audited hash and the file would
        // differ and the run would be reported as edited outside McpFlow.
        _wb.Store.Load(run.RunId).State.Should().Be(RunState.Approved);
        (await File.ReadAllBytesAsync(manifest)).Should().Equal(pending);
        File.Exists(manifest + FileRunRecords.PendingSuffix).Should().BeFalse();
        _wb.Audit.Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public async Task AnOlderVersionPutBack_OrAPendingCopyThatWasNeverAudited_IsStillReported()
    {
        var run = await _wb.RecordAsync();
        var manifest = ManifestPath(run.RunId);
        var reviewed = await File.ReadAllBytesAsync(manifest);
        _wb.Decisions.Decide(run.RunId, Decision.Approve, null, null, "ana", "tool");
        var approved = await File.ReadAllBytesAsync(manifest);

        await File.WriteAllBytesAsync(manifest, reviewed); // rolled back by hand
        await File.WriteAllBytesAsync(manifest + FileRunRecords.PendingSuffix, reviewed);
        var load = () => _wb.Store.Load(run.RunId);

        // Expected hashes computed here over the bytes on disk.
        load.Should().Throw<McpFlowException>().Which.Message.Should().Be(
            $"Run {run.RunId} cannot be trusted: manifest.json: its SHA-256 {ContentHasher.HashBytes(reviewed)[..12]}… differs from the one the " +
            $"audit trail recorded ({ContentHasher.HashBytes(approved)[..12]}…), so it was edited outside McpFlow.");
        File.Exists(manifest + FileRunRecords.PendingSuffix).Should().BeTrue("a copy that is not the audited one is never adopted");
    }

    // A decision writes approval.json, then manifest.json: crashAt 1 dies at the first record's entry, 2 at the manifest's.
    private RunDecisions Decisions(int crashAt, bool crashAfterAppend) =>
        new(new RunStore(_wb.Workspace, new FileRunRecords(_wb.Workspace), new CrashingChain(_wb.Audit, crashAt, crashAfterAppend), new ContentHasher(), _wb.Time));

    private string ManifestPath(string runId) => Path.Combine(_wb.Workspace.RunsPath, runId, RunStore.ManifestFile);

    public void Dispose() => _wb.Dispose();

    // The real trail, whose append number crashAt dies before or after writing its entry, as a killed process would.
    private sealed class CrashingChain(IAuditChain inner, int crashAt, bool afterAppend) : IAuditChain
    {
        private int _appends;

        public string Location => inner.Location;

        public void Open() => inner.Open();

        public AuditEntry Append(AuditEntry entry)
        {
            if (++_appends < crashAt)
                return inner.Append(entry);
            if (afterAppend)
                inner.Append(entry);
            throw new IOException("simulated crash " + (afterAppend ? "after" : "before") + " the audit entry");
        }

        public string? RecordHash(string runId, string record) => inner.RecordHash(runId, record);

        public IReadOnlyDictionary<(string RunId, string Record), string> RecordHashes(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records) =>
            inner.RecordHashes(runIds, records);

        public IReadOnlyList<AuditEntry> ReadAll(CancellationToken cancellationToken = default) => inner.ReadAll(cancellationToken);

        public AuditVerification Verify(CancellationToken cancellationToken = default) => inner.Verify(cancellationToken);
    }
}
