using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// The append-only, hash-chained audit trail of the workspace (<c>audit/audit.jsonl</c>). It also indexes the
/// latest hash of every run record, so reads can tell whether a record was edited outside McpFlow.
/// Appends are serialized within the process; one server process per workspace is assumed.
/// </summary>
public sealed class AuditTrail(McpFlowWorkspace workspace, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string RunId, string Record), string> _recordHashes = [];
    private bool _loaded;
    private string? _brokenProblem;
    private long _lastSeq;
    private string _lastHash = AuditEntry.GenesisHash;

    /// <summary>Full path of the trail.</summary>
    public string FilePath => Path.Combine(workspace.Folder("audit"), "audit.jsonl");

    /// <summary>Appends an entry (seq, time and hashes are filled in) and returns it as written.</summary>
    public AuditEntry Append(AuditEntry entry)
    {
        lock (_lock)
        {
            EnsureLoaded();
            var sealedEntry = entry with { Seq = _lastSeq + 1, Time = time.GetUtcNow(), PrevHash = _lastHash, Hash = null };
            var node = JsonSerializer.SerializeToNode(sealedEntry, McpFlowJson.Options)!.AsObject();
            var hash = ContentHasher.HashText(node.ToJsonString());
            node["hash"] = hash;
            File.AppendAllText(FilePath, node.ToJsonString() + "\n", Encoding.UTF8);
            _lastSeq = sealedEntry.Seq;
            _lastHash = hash;
            if (entry is { RunId: { } runId, Record: { } record, RecordHash: { } recordHash })
                _recordHashes[(runId, record)] = recordHash;
            return sealedEntry with { Hash = hash };
        }
    }

    /// <summary>The latest audited hash of a run record, or null when the trail never saw it.</summary>
    public string? RecordHash(string runId, string record)
    {
        lock (_lock)
        {
            EnsureLoaded();
            if (_brokenProblem is not null)
                throw new McpFlowException(ErrorKind.Conflict, $"The audit trail {FilePath} is broken ({_brokenProblem}), so run records cannot be verified.",
                    "Restore audit.jsonl from a backup; call workbench_audit with action=\"verify\" to see where it breaks.");
            return _recordHashes.GetValueOrDefault((runId, record));
        }
    }

    /// <summary>Reads all entries (unparseable lines are skipped; <see cref="Verify"/> reports them).</summary>
    public IReadOnlyList<AuditEntry> ReadAll()
    {
        lock (_lock)
        {
            if (!File.Exists(FilePath))
                return [];
            var entries = new List<AuditEntry>();
            foreach (var line in File.ReadLines(FilePath).Where(l => l.Length > 0))
            {
                try
                {
                    if (JsonSerializer.Deserialize<AuditEntry>(line, McpFlowJson.Options) is { } e)
                        entries.Add(e);
                }
                catch (JsonException)
                {
                }
            }

            return entries;
        }
    }

    /// <summary>Checks every entry's hash and its link to the previous entry; names the first bad line.</summary>
    public AuditVerification Verify()
    {
        lock (_lock)
        {
            if (!File.Exists(FilePath))
                return new AuditVerification(true, 0, null, null);
            var previous = AuditEntry.GenesisHash;
            long line = 0;
            foreach (var text in File.ReadLines(FilePath))
            {
                line++;
                var problem = CheckLine(text, line, previous, out var hash);
                if (problem is not null)
                    return new AuditVerification(false, line, line, problem);
                previous = hash!;
            }

            return new AuditVerification(true, line, null, null);
        }
    }

    private static string? CheckLine(string text, long line, string previous, out string? hash)
    {
        hash = null;
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex)
        {
            return $"line {line} is not valid JSON ({ex.Message})";
        }

        if (node is null)
            return $"line {line} is not a JSON object";
        hash = node["hash"]?.GetValue<string>();
        node.Remove("hash");
        if (hash is null)
            return $"entry {line} has no hash";
        if (node["seq"]?.GetValue<long>() != line)
            return $"entry {line} has seq {node["seq"]}; an entry was removed, inserted or reordered";
        if (node["prevHash"]?.GetValue<string>() != previous)
            return $"entry {line} does not link to the previous entry (prevHash differs); an entry before it was changed or removed";
        var actual = ContentHasher.HashText(node.ToJsonString());
        return actual == hash ? null : $"entry {line} was modified after it was written (its content hash is {actual[..12]}…, recorded {hash[..Math.Min(12, hash.Length)]}…)";
    }

    private void EnsureLoaded()
    {
        if (_loaded)
            return;
        if (File.Exists(FilePath))
        {
            var previous = AuditEntry.GenesisHash;
            long number = 0;
            foreach (var line in File.ReadLines(FilePath).Where(l => l.Length > 0))
            {
                // The chain is verified once when the trail is first used, so record hashes are only trusted from an intact trail.
                var problem = CheckLine(line, ++number, previous, out var lineHash);
                _brokenProblem ??= problem;
                previous = lineHash ?? previous;
                AuditEntry? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<AuditEntry>(line, McpFlowJson.Options);
                }
                catch (JsonException ex)
                {
                    throw new McpFlowException(ErrorKind.Conflict, $"The audit trail {FilePath} has a corrupted line ({ex.Message}).",
                        "Call workbench_audit with action=\"verify\" to find it; restore the file from a backup.");
                }

                if (entry is null)
                    continue;
                _lastSeq = entry.Seq;
                _lastHash = entry.Hash ?? _lastHash;
                if (entry is { RunId: { } runId, Record: { } record, RecordHash: { } recordHash })
                    _recordHashes[(runId, record)] = recordHash;
            }
        }

        _loaded = true;
    }
}
