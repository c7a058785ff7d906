using System.Globalization;
using McpFlow.Core.Files;
using McpFlow.Core.Ids;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Runs;

/// <summary>Run records as files in the run's folder (<c>runs/&lt;run id&gt;/manifest.json</c>, …), written through a
/// temporary file and a rename: the single-user store.</summary>
public sealed class FileRunRecords(McpFlowWorkspace workspace) : IRunRecordStore
{
    /// <inheritdoc />
    public IReadOnlyList<string> Ids() =>
        Directory.EnumerateDirectories(workspace.RunsPath).Select(Path.GetFileName).Where(RunIds.IsValid).Select(n => n!)
            .OrderByDescending(n => n, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public bool Contains(string runId) => Directory.Exists(FolderOf(runId));

    /// <inheritdoc />
    public bool Has(string runId, string record) => File.Exists(Path.Combine(FolderOf(runId), record));

    /// <inheritdoc />
    public byte[]? Read(string runId, string record)
    {
        var path = Path.Combine(FolderOf(runId), record);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<(string RunId, string Record), byte[]> ReadMany(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        ArgumentNullException.ThrowIfNull(records);
        var found = new Dictionary<(string, string), byte[]>();
        foreach (var runId in runIds)
        {
            foreach (var record in records)
            {
                if (Read(runId, record) is { } bytes)
                    found[(runId, record)] = bytes;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public void Write(string runId, string record, byte[] bytes)
    {
        var folder = FolderOf(runId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, record);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Suffix of a record's pending copy: written before the audit entry, renamed over the record after it.</summary>
    public const string PendingSuffix = ".pending";

    /// <inheritdoc />
    /// <remarks>Three steps: the bytes go to <c>&lt;record&gt;.pending</c>, the entry is appended, the pending copy is
    /// renamed over the record. A crash before the append leaves the audited record as it was; a crash after it leaves a
    /// pending copy whose hash is the audited one, which <see cref="Complete"/> renames at the next read.</remarks>
    public AuditEntry WriteAudited(string runId, string record, byte[] bytes, AuditEntry entry, IAuditChain audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var folder = FolderOf(runId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, record);
        AtomicFile.WriteAllBytes(path + PendingSuffix, bytes);
        var written = audit.Append(entry);
        File.Move(path + PendingSuffix, path, overwrite: true);
        return written;
    }

    /// <inheritdoc />
    public bool Complete(string runId, string record, Func<string?> auditedHash)
    {
        ArgumentNullException.ThrowIfNull(auditedHash);
        var path = Path.Combine(FolderOf(runId), record);
        var pending = path + PendingSuffix;
        if (!File.Exists(pending) || auditedHash() is not { } audited || ContentHasher.HashBytes(File.ReadAllBytes(pending)) != audited)
            return false;
        File.Move(pending, path, overwrite: true);
        return true;
    }

    /// <inheritdoc />
    public IDisposable Exclusive(string runId) => Nothing.Instance;

    /// <inheritdoc />
    public void Archive(string runId, int attempt)
    {
        var folder = FolderOf(runId);
        var target = Path.Combine(folder, RunRecorder.AttemptsFolder, attempt.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(folder, RunStore.ManifestFile), Path.Combine(target, RunStore.ManifestFile), overwrite: true);
        var review = Path.Combine(folder, RunStore.ReviewFile);
        if (File.Exists(review))
            File.Move(review, Path.Combine(target, RunStore.ReviewFile), overwrite: true);
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }

    private string FolderOf(string runId) => WorkspaceIds.ChildFolder(workspace.RunsPath, IdKind.Run, runId, "run_id");
}
