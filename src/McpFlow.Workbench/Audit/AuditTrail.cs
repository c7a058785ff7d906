using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// The append-only, hash-chained audit trail of the workspace (<c>audit/audit.jsonl</c>), with a checkpoint
/// (<see cref="AuditCheckpoint"/>) and an index of run-record hashes (<see cref="AuditRecordIndex"/>) written with
/// every append, so opening it costs the same for ten entries or ten thousand: only the last entry is checked against
/// the checkpoint, and entries after it (a crash between append and checkpoint) are verified and adopted. A torn final
/// line (an interrupted append) is moved to <c>audit/torn-….jsonl</c> and the move is itself audited; the entries
/// before it are kept. <see cref="Verify"/> re-checks the whole chain. Appends are serialized within the process; one
/// server process per workspace is assumed.
/// </summary>
public sealed partial class AuditTrail(McpFlowWorkspace workspace, TimeProvider time) : IAuditChain
{
    /// <summary>The trail's file name in the audit folder.</summary>
    public const string FileName = "audit.jsonl";

    /// <summary>The record index's file name in the audit folder.</summary>
    public const string IndexFileName = "audit.records.tsv";

    private readonly Lock _lock = new();
    private AuditRecordIndex _index = null!;
    private bool _loaded;
    private string? _brokenProblem;
    private long _lastSeq;
    private string _lastHash = AuditEntry.GenesisHash;
    private long _length;
    private AuditEntry? _pendingQuarantine;
    private string? _folder;
    private bool _rebuilding;

    /// <summary>Full path of the trail.</summary>
    public string FilePath => Path.Combine(Folder, FileName);

    /// <inheritdoc />
    public string Location => FilePath;

    /// <summary>Full path of the checkpoint.</summary>
    public string CheckpointPath => Path.Combine(Folder, AuditCheckpoint.FileName);

    private string Folder => _folder ??= workspace.Folder("audit");

    /// <summary>Opens the trail now (checkpoint check, recovery of a torn last line) instead of at its first use.</summary>
    public void Open()
    {
        lock (_lock)
            EnsureLoaded();
    }

    /// <summary>Appends an entry (seq, time and hashes are filled in) and returns it as written.</summary>
    public AuditEntry Append(AuditEntry entry)
    {
        lock (_lock)
        {
            EnsureLoaded();
            return AppendLocked(entry);
        }
    }

    /// <summary>The latest audited hash of a run record, or null when the trail never saw it. The trail entry that
    /// recorded it is re-checked (its own hash and its fields), so an edited entry or index is refused.</summary>
    public string? RecordHash(string runId, string record)
    {
        lock (_lock)
        {
            EnsureLoaded();
            if (_brokenProblem is not null)
                throw Broken();
            if (!_index.EnsureRead())
            {
                Scan(0); // the index was damaged: rebuild it from the trail, once
                WriteCheckpoint();
            }

            if (_index.Find(runId, record) is not { } audited)
                return null;
            var line = AuditLines.ReadAt(FilePath, audited.Offset);
            var problem = line is null
                ? $"entry {audited.Seq}, which recorded {record} of run {runId}, is missing"
                : AuditChain.CheckSelf(line.Text, audited.Seq, out var node, out _)
                  ?? (Text(node, "seq") != audited.Seq.ToString(CultureInfo.InvariantCulture) || Text(node, "runId") != runId
                      || Text(node, "record") != record || Text(node, "recordHash") != audited.Hash
                          ? $"entry {audited.Seq} no longer records {record} of run {runId} with the hash its index holds (the trail or {IndexFileName} was edited)"
                          : null);
            if (problem is null)
                return audited.Hash;
            MarkBroken(problem);
            throw Broken();
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<(string RunId, string Record), string> RecordHashes(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        ArgumentNullException.ThrowIfNull(records);
        var found = new Dictionary<(string, string), string>();
        foreach (var runId in runIds)
        {
            foreach (var record in records)
            {
                if (RecordHash(runId, record) is { } hash)
                    found[(runId, record)] = hash;
            }
        }

        return found;
    }

    /// <summary>Reads all entries (unparseable lines are skipped; <see cref="Verify"/> reports them).</summary>
    public IReadOnlyList<AuditEntry> ReadAll(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            EnsureLoaded();
            var entries = new List<AuditEntry>();
            if (!File.Exists(FilePath))
                return entries;
            foreach (var line in AuditLines.ReadFrom(FilePath, 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (JsonSerializer.Deserialize<AuditEntry>(line.Text, McpFlowJson.Options) is { } e)
                        entries.Add(e);
                }
                catch (JsonException)
                {
                }
            }

            return entries;
        }
    }

    /// <summary>Checks every entry's hash and its link to the previous entry, and that the trail ends where McpFlow
    /// last wrote; names the first bad line. A broken trail stays reported as broken.</summary>
    public AuditVerification Verify(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            EnsureLoaded();
            var previous = AuditEntry.GenesisHash;
            long line = 0;
            if (File.Exists(FilePath))
            {
                foreach (var text in AuditLines.ReadFrom(FilePath, 0))
                {
                    cancellationToken.ThrowIfCancellationRequested(); // stopping early marks nothing broken
                    line++;
                    var problem = AuditChain.Check(text.Text, line, previous, out var hash);
                    if (problem is not null)
                    {
                        MarkBroken(problem);
                        return new AuditVerification(false, line, line, problem);
                    }

                    previous = hash!;
                }
            }

            if (_brokenProblem is null && (line != _lastSeq || previous != _lastHash))
                MarkBroken($"the trail ends at entry {line}, but the last entry McpFlow wrote is entry {_lastSeq}");
            return _brokenProblem is null
                ? new AuditVerification(true, line, null, null)
                : new AuditVerification(false, line, null, _brokenProblem);
        }
    }

    private AuditEntry AppendLocked(AuditEntry entry)
    {
        var sealedEntry = entry with { SchemaVersion = AuditEntry.CurrentSchemaVersion, User = entry.User ?? CallerScope.Current.Name, Seq = _lastSeq + 1, Time = time.GetUtcNow(), PrevHash = _lastHash, Hash = null };
        var node = JsonSerializer.SerializeToNode(sealedEntry, McpFlowJson.Options)!.AsObject();
        var hash = ContentHasher.HashText(node.ToJsonString());
        node["hash"] = hash;
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString() + "\n");
        long offset;
        using (var stream = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
        {
            offset = stream.Length;
            if (offset != _length)
                MarkBroken($"{FileName} was changed outside McpFlow: it is {offset} bytes long, but McpFlow's last entry ended at byte {_length}");
            stream.Seek(offset, SeekOrigin.Begin);
            stream.Write(bytes);
        }

        _length = offset + bytes.Length;
        _lastSeq = sealedEntry.Seq;
        _lastHash = hash;
        if (entry is { RunId: { } runId, Record: { } record, RecordHash: { } recordHash })
            _index.Add(runId, record, new AuditedRecord(sealedEntry.Seq, offset, recordHash));
        WriteCheckpoint();
        return sealedEntry with { Hash = hash };
    }

    private void MarkBroken(string problem)
    {
        _brokenProblem ??= problem;
        if (_loaded)
            WriteCheckpoint();
    }

    private void WriteCheckpoint() =>
        new AuditCheckpoint { Seq = _lastSeq, LastHash = _lastHash, Length = _length, IndexLength = _index.Length, Broken = _brokenProblem }.Write(CheckpointPath);

    private McpFlowException Broken() =>
        new(ErrorKind.Conflict, $"The audit trail {FilePath} is broken ({_brokenProblem}), so run records cannot be verified.",
            "Call workbench_audit with action=\"verify\" to see the first bad entry. McpFlow cannot repair a trail; to start a new one, " +
            $"stop McpFlow and move the folder {Folder} aside (runs recorded before then are reported as unverifiable, new runs are recorded normally).");

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        } : null;
}
