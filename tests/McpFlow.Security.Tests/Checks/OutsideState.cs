namespace McpFlow.Security.Tests.Checks;

/// <summary>
/// What exists outside the allowed roots that an attempt could have written: every file under the sandbox except the
/// root and the workspace (the working folder, the outside folder, the sandbox folder itself) with size and time, and
/// this run's foreign paths in the system temp folder. Two snapshots that differ mean a file was created or changed
/// outside the roots.
/// </summary>
internal sealed class OutsideState
{
    private readonly Dictionary<string, (long Size, DateTime Modified)> _files;

    private OutsideState(Dictionary<string, (long, DateTime)> files) => _files = files;

    /// <summary>Takes a snapshot.</summary>
    public static OutsideState Capture(Sandbox.SandboxFolders sandbox)
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        var pending = new Stack<string>([sandbox.Base]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
            {
                if (entry.FullName == sandbox.Root || entry.FullName == sandbox.Workspace)
                    continue;
                if (entry is DirectoryInfo { LinkTarget: null } directory)
                    pending.Push(directory.FullName);
                else
                    files[entry.FullName] = (entry is FileInfo { LinkTarget: null } file ? file.Length : -1, entry.LastWriteTimeUtc);
            }
        }

        foreach (var stray in Directory.EnumerateFileSystemEntries(Path.GetTempPath(), $"mcpflow-redteam-{sandbox.RunToken}-*"))
            files[stray] = (0, DateTime.MinValue);
        return new OutsideState(files);
    }

    /// <summary>Files created, changed or removed since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangesSince(OutsideState before)
    {
        var changes = _files.Where(f => !before._files.TryGetValue(f.Key, out var old) || old != f.Value)
            .Select(f => (before._files.ContainsKey(f.Key) ? "changed " : "created ") + f.Key).ToList();
        changes.AddRange(before._files.Keys.Where(k => !_files.ContainsKey(k)).Select(k => "removed " + k));
        return changes;
    }
}
