using System.Diagnostics;
using System.Globalization;
using McpFlow.Core.Files;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>
/// Team mode's private DuckDB folder of one process (one <see cref="DuckDbGateway"/>): a fresh folder on the machine's
/// local disk (<c>&lt;temp&gt;/mcpflow-duckdb/&lt;machine&gt;-&lt;pid&gt;-&lt;random&gt;/</c>) holding the process's
/// <c>data.duckdb</c> and the staging copies of snapshots being materialised. Local, not on the shared workspace: DuckDB
/// locks its file and needs reliable file locks and fast random I/O, which network shares do not promise, and the rows
/// are shared through the catalogue's snapshots anyway. Deleted when the process stops; folders of processes that died
/// on this machine are deleted by the next one to start.
/// </summary>
public sealed class LocalDatabaseFolder : IDisposable
{
    private const string ParentName = "mcpflow-duckdb";

    /// <summary>Creates the folder's path (the folder itself is created by <see cref="Ensure"/>).</summary>
    public LocalDatabaseFolder()
    {
        Parent = Path.Combine(PathResolution.Canonicalize(Path.GetTempPath()), ParentName);
        Folder = Path.Combine(Parent, Prefix(Environment.MachineName, Environment.ProcessId) + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>The folder holding every process's folder on this machine.</summary>
    public string Parent { get; }

    /// <summary>This process's folder.</summary>
    public string Folder { get; }

    /// <summary>This process's DuckDB file.</summary>
    public string DatabasePath => Path.Combine(Folder, "data.duckdb");

    /// <summary>Where snapshots are copied (and verified) before DuckDB reads them.</summary>
    public string StagingFolder => Path.Combine(Folder, "staging");

    /// <summary>Creates the folder, first deleting the folders of processes of this machine that no longer run.</summary>
    public void Ensure()
    {
        if (Directory.Exists(StagingFolder))
            return;
        SweepDead();
        Directory.CreateDirectory(StagingFolder);
    }

    /// <inheritdoc />
    public void Dispose() => TryDelete(Folder);

    private void SweepDead()
    {
        if (!Directory.Exists(Parent))
            return;
        var machine = Environment.MachineName + "-";
        foreach (var folder in Directory.EnumerateDirectories(Parent, machine + "*"))
        {
            var parts = Path.GetFileName(folder)[machine.Length..].Split('-');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Runs(pid))
                TryDelete(folder);
        }
    }

    private static string Prefix(string machine, int pid) => $"{machine}-{pid.ToString(CultureInfo.InvariantCulture)}-";

    private static bool Runs(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next process's sweep.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
