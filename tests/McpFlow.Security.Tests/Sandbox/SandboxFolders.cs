using McpFlow.Testing;

namespace McpFlow.Security.Tests.Sandbox;

/// <summary>
/// The folders of one red-team run, all under a fresh temp folder:
/// <c>root/</c> (the only allowed root), <c>ws/</c> (the workspace), <c>cwd/</c> (the server's working folder, outside
/// the roots) and <c>outside/</c> (outside the roots). Files outside the roots carry a canary that must never reach a
/// client; links inside the root lead out of it (a file link, a folder link followed by '..', a glob match, a link to
/// /etc/passwd, links into the workspace's records).
/// </summary>
internal sealed class SandboxFolders : IDisposable
{
    /// <summary>Creates the folders and files.</summary>
    public SandboxFolders(string prefix)
    {
        Base = TempFolder.Create("rt-" + prefix);
        Canary = "CANARY" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        RunToken = Guid.NewGuid().ToString("N")[..12];
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(Cwd);
        Directory.CreateDirectory(Path.Combine(Outside, "deep"));
        LinkLayout.Create(this);
    }

    /// <summary>The temp folder holding everything.</summary>
    public string Base { get; }

    /// <summary>The allowed root.</summary>
    public string Root => Path.Combine(Base, "root");

    /// <summary>The workspace.</summary>
    public string Workspace => Path.Combine(Base, "ws");

    /// <summary>The server's working folder (outside the roots).</summary>
    public string Cwd => Path.Combine(Base, "cwd");

    /// <summary>A folder outside the roots.</summary>
    public string Outside => Path.Combine(Base, "outside");

    /// <summary>The secret planted in every file outside the roots; seeing it in an answer is a leak.</summary>
    public string Canary { get; }

    /// <summary>A token naming this run's foreign paths (not the canary: an error may legitimately repeat a path).</summary>
    public string RunToken { get; }

    /// <summary>An absolute path outside every root and outside the sandbox (under the system temp folder), unique to
    /// this run, for write attempts; <see cref="Checks.OutsideState"/> checks none of them appears.</summary>
    public string ForeignPath(string name) => Path.Combine(Path.GetTempPath(), $"mcpflow-redteam-{RunToken}-{name}");

    /// <summary>True when <paramref name="text"/> holds the canary or a line of /etc/passwd.</summary>
    public bool Leaks(string text) =>
        text.Contains(Canary, StringComparison.Ordinal) || text.Contains("root:x:0:0:", StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        TempFolder.TryDelete(Base);
        foreach (var stray in Directory.EnumerateFileSystemEntries(Path.GetTempPath(), $"mcpflow-redteam-{RunToken}-*"))
        {
            if (Directory.Exists(stray))
                TempFolder.TryDelete(stray);
            else
                File.Delete(stray);
        }
    }
}
