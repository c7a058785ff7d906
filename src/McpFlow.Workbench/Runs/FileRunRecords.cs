using System.Globalization;
using McpFlow.Core.Files;
using McpFlow.Core.Ids;
using McpFlow.Core.Workspace;
using McpFlow.Workbench.Audit;

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
    public void Write(string runId, string record, byte[] bytes)
    {
        var folder = FolderOf(runId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, record);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <inheritdoc />
    public AuditEntry WriteAudited(string runId, string record, byte[] bytes, AuditEntry entry, IAuditChain audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Write(runId, record, bytes);
        return audit.Append(entry);
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
