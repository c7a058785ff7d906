using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Runs;

/// <summary>
/// Run folders and their records. Writes are atomic (temporary file, then rename) and each record's SHA-256 is
/// appended to the audit trail; reads compare every record with its audited hash and every output with its
/// recorded hash (edits outside McpFlow are reported, never trusted), then re-hash the file inputs and mark the
/// run STALE when one changed.
/// </summary>
public sealed class RunStore(McpFlowWorkspace workspace, IRunRecordStore records, IAuditChain audit, ContentHasher hasher, TimeProvider time)
{
    /// <summary>A store of record files in the workspace's run folders (the single-user default).</summary>
    public RunStore(McpFlowWorkspace workspace, IAuditChain audit, ContentHasher hasher, TimeProvider time)
        : this(workspace, new FileRunRecords(workspace), audit, hasher, time)
    {
    }

    /// <summary>The manifest record's file name.</summary>
    public const string ManifestFile = "manifest.json";
    /// <summary>The review record's file name.</summary>
    public const string ReviewFile = "review.json";
    /// <summary>The approval record's file name.</summary>
    public const string ApprovalFile = "approval.json";
    /// <summary>Sub-folder of a run folder holding its outputs.</summary>
    public const string OutputsFolder = "outputs";

    private readonly Lock _lock = new();

    /// <summary>The lock that serializes state changes (held by callers that read, decide and write).</summary>
    public Lock Sync => _lock;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>The folder of a run (not created): a direct child of the workspace's runs folder, after the id's shape is checked.</summary>
    public string FolderOf(string runId) => WorkspaceIds.ChildFolder(workspace.RunsPath, IdKind.Run, runId, "run_id");

    /// <summary>Ids of all runs, newest first.</summary>
    public IReadOnlyList<string> Ids() => records.Ids();

    /// <summary>True when the run has a manifest.</summary>
    public bool Exists(string runId) => RunIds.IsValid(runId) && records.Has(runId, ManifestFile);

    /// <summary>Runs read per page in <see cref="LoadEach"/>: one round trip for the records and one for their audited
    /// hashes of this many runs, in place of several per run (team database).</summary>
    public const int LoadPageSize = 50;

    private static readonly string[] RecordFiles = [ManifestFile, ReviewFile, ApprovalFile];

    /// <summary>Reads a run, verifying its records and outputs and updating its staleness.</summary>
    public RunSnapshot Load(string runId) => Load(runId, null);

    /// <summary>Reads runs in order, each verified as by <see cref="Load(string)"/>, fetching the records and audited hashes
    /// of <see cref="LoadPageSize"/> runs at a time. Runs whose records cannot be trusted come back with the problem; a
    /// run whose prefetched record and hash disagree (written in between) is read again afresh. Lazy: stop enumerating
    /// to stop reading.</summary>
    public IEnumerable<RunRead> LoadEach(IEnumerable<string> runIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        foreach (var page in runIds.Chunk(LoadPageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prefetch = Fetch(page.Where(RunIds.IsValid).ToList());
            foreach (var runId in page)
            {
                cancellationToken.ThrowIfCancellationRequested(); // each run's outputs and inputs are re-hashed
                RunRead read;
                try
                {
                    read = new RunRead(runId, Load(runId, prefetch), null);
                }
                catch (McpFlowException ex) when (ex.Kind == ErrorKind.Conflict)
                {
                    read = new RunRead(runId, null, ex);
                }

                yield return read;
            }
        }
    }

    // A page's records and hashes; null when the chain cannot vouch for them (broken), so each run's own read reports it.
    private Prefetch? Fetch(IReadOnlyCollection<string> runIds)
    {
        try
        {
            return new Prefetch(records.ReadMany(runIds, RecordFiles), audit.RecordHashes(runIds, RecordFiles));
        }
        catch (McpFlowException ex) when (ex.Kind == ErrorKind.Conflict)
        {
            return null;
        }
    }

    private RunSnapshot Load(string runId, Prefetch? prefetch)
    {
        lock (_lock)
        {
            var folder = FolderOf(runId);
            if (!(prefetch?.Bytes.ContainsKey((runId, ManifestFile)) ?? false) && !records.Contains(runId))
                throw McpFlowException.NotFound($"Run {runId} does not exist.", "Call workbench_list_runs to see the run ids.");
            var manifest = Read<RunManifest>(runId, ManifestFile, prefetch)
                ?? throw Corrupted(runId, ManifestFile, "the manifest is missing");
            var review = Read<ReviewRecord>(runId, ReviewFile, prefetch);
            var approval = Read<ApprovalRecord>(runId, ApprovalFile, prefetch);
            var snapshot = new RunSnapshot(folder, manifest, review?.Attempt == manifest.Attempt ? review : null, approval);
            CheckOutputs(snapshot);
            return CheckStale(CompleteDecision(snapshot));
        }
    }

    /// <summary>Writes a record atomically and appends its hash to the audit trail (in team mode in one transaction).</summary>
    public void Write<T>(string runId, string file, T record, string state, string outcome, string? decision = null)
    {
        lock (_lock)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(record, McpFlowJson.Indented);
            records.WriteAudited(runId, file, bytes, new AuditEntry
            {
                Kind = "record", RunId = runId, Record = file, RecordHash = ContentHasher.HashBytes(bytes),
                State = state, Outcome = outcome, Decision = decision,
            }, audit);
        }
    }

    /// <summary>The manifest moved to <paramref name="to"/> (checked against the state machine) with a history entry; not yet written.</summary>
    public RunManifest Transition(RunManifest manifest, RunState to, string reason)
    {
        RunStateMachine.Ensure(manifest.RunId, manifest.State, to);
        return manifest with { State = to, History = [.. manifest.History, new StateChange(to, time.GetUtcNow(), reason)] };
    }

    /// <summary>Writes the manifest, auditing the state and reason.</summary>
    public void WriteManifest(RunManifest manifest, string outcome) =>
        Write(manifest.RunId, ManifestFile, manifest, manifest.State.Name(), outcome);

    /// <summary>Holds the run against other processes sharing the records (team mode) until disposed; take it before
    /// <see cref="Sync"/> for a read-decide-write.</summary>
    public IDisposable Exclusive(string runId) => records.Exclusive(runId);

    /// <summary>Keeps the run's current manifest and review as attempt <paramref name="attempt"/> (before a re-execution).</summary>
    public void ArchiveRecords(string runId, int attempt)
    {
        lock (_lock)
            records.Archive(runId, attempt);
    }

    /// <summary>Records the inputs' current hashes.</summary>
    public IReadOnlyList<InputRecord> HashInputs(IEnumerable<Core.Runs.RunInput> inputs) =>
        inputs.Select(i => i.Path is { } path
            ? File.Exists(path)
                ? new InputRecord(i.Name, path, hasher.HashFile(path), new FileInfo(path).Length)
                : throw McpFlowException.NotFound($"Input file '{path}' of the run does not exist.")
            : new InputRecord(i.Name, null, i.ContentHash, null)).ToList();

    /// <summary>Records outputs with sizes and hashes (paths inside the run folder become relative).</summary>
    public IReadOnlyList<OutputRecord> HashOutputs(string runFolder, IEnumerable<string> files) =>
        files.Select(f =>
        {
            var full = Path.GetFullPath(f);
            var relative = full.StartsWith(runFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetRelativePath(runFolder, full) : full;
            return File.Exists(full)
                ? new OutputRecord(Path.GetFileName(full), relative, new FileInfo(full).Length, hasher.HashFile(full))
                : new OutputRecord(Path.GetFileName(full), relative, 0, null);
        }).ToList();

    private T? Read<T>(string runId, string file, Prefetch? prefetch)
    {
        // Prefetched bytes are used only when they match the prefetched audited hash, and a record neither written nor
        // audited when the run's page was fetched is absent (one consistent view per run); anything else is read afresh.
        if (prefetch is not null && prefetch.Bytes.ContainsKey((runId, ManifestFile)))
        {
            var hasBytes = prefetch.Bytes.TryGetValue((runId, file), out var fetched);
            var hasHash = prefetch.Hashes.TryGetValue((runId, file), out var fetchedHash);
            if (hasBytes && hasHash && ContentHasher.HashBytes(fetched) == fetchedHash)
                return Parse<T>(runId, file, fetched!);
            if (!hasBytes && !hasHash)
                return default;
        }

        var bytes = records.Read(runId, file);
        if (bytes is null && records.Complete(runId, file, () => audit.RecordHash(runId, file)))
            bytes = records.Read(runId, file); // a first write interrupted between its audit entry and its rename, finished now
        if (bytes is null)
            return default;
        var expected = audit.RecordHash(runId, file);
        if (expected is not null && ContentHasher.HashBytes(bytes) != expected && records.Complete(runId, file, () => expected))
            bytes = records.Read(runId, file)!; // a rewrite interrupted between its audit entry and its rename, finished now
        var actual = ContentHasher.HashBytes(bytes);
        if (expected is null)
            throw Corrupted(runId, file, "the audit trail has no record of it being written by McpFlow");
        if (expected != actual)
            throw Corrupted(runId, file, $"its SHA-256 {actual[..12]}… differs from the one the audit trail recorded ({expected[..12]}…), so it was edited outside McpFlow");
        return Parse<T>(runId, file, bytes);
    }

    // An audited record's JSON.
    private static T? Parse<T>(string runId, string file, byte[] bytes)
    {
        try
        {
            var node = JsonDocument.Parse(bytes);
            if (node.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var version) && version > 1)
                throw Corrupted(runId, file, $"it has schemaVersion {version}, newer than this McpFlow understands (1)");
            return JsonSerializer.Deserialize<T>(bytes, McpFlowJson.Options);
        }
        catch (JsonException ex)
        {
            throw Corrupted(runId, file, $"it is not valid JSON ({ex.Message})");
        }
    }

    private void CheckOutputs(RunSnapshot run)
    {
        foreach (var output in run.Manifest.Outputs.Where(o => o.Sha256 is not null))
        {
            var path = run.OutputPath(output);
            if (!File.Exists(path))
                throw Corrupted(run.RunId, output.Path, "this output was deleted after it was recorded");
            if (hasher.HashFile(path) != output.Sha256)
                throw Corrupted(run.RunId, output.Path, "this output was changed after it was recorded (its SHA-256 differs from the manifest)");
        }
    }

    // A decision writes approval.json, then the manifest (RunDecisions.Decide). A crash in between leaves a REVIEWED
    // manifest beside a decision on its own attempt, which no other path produces (a re-execution starts a new attempt):
    // the decision was taken and audited, so the manifest is moved on as the decision said, with the history saying so.
    private RunSnapshot CompleteDecision(RunSnapshot run)
    {
        if (run.State != RunState.Reviewed || run.CurrentDecision is not { } decision)
            return run;
        var target = decision.Decision.Outcome();
        var manifest = Transition(run.Manifest, target,
            $"{decision.Decision.Name()} by {decision.Reviewer} via {decision.Channel} (the decision of {decision.DecidedAt:u} was recorded, the manifest completed at the next read)");
        WriteManifest(manifest, decision.Decision.OutcomeWord() + ": completed an interrupted decision");
        return run with { Manifest = manifest };
    }

    private RunSnapshot CheckStale(RunSnapshot run)
    {
        if (run.State == RunState.Stale)
            return run;
        foreach (var input in run.Manifest.Inputs.Where(i => i.Path is not null))
        {
            var reason = !File.Exists(input.Path)
                ? $"input {input.Name} no longer exists"
                : hasher.HashFile(input.Path!) != input.Sha256 ? $"input {input.Name} changed (its SHA-256 differs from the manifest)" : null;
            if (reason is null)
                continue;
            var manifest = Transition(run.Manifest, RunState.Stale, reason);
            WriteManifest(manifest, "stale: " + reason);
            return run with { Manifest = manifest };
        }

        return run;
    }

    // Records and audited hashes of a page of runs, fetched at once.
    private sealed record Prefetch(IReadOnlyDictionary<(string RunId, string Record), byte[]> Bytes, IReadOnlyDictionary<(string RunId, string Record), string> Hashes);

    private static McpFlowException Corrupted(string runId, string file, string problem) =>
        McpFlowException.Conflict($"Run {runId} cannot be trusted: {file}: {problem}.",
            "Restore the original file (the audit trail holds its hash), or record the step again as a new run. " +
            "Call workbench_audit with action=\"verify\" to check the trail itself.");
}
