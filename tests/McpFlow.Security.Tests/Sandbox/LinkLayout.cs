namespace McpFlow.Security.Tests.Sandbox;

/// <summary>The files and links of a sandbox (see <see cref="SandboxFolders"/>).</summary>
internal static class LinkLayout
{
    /// <summary>Data file inside the root.</summary>
    public const string Sales = "sales.csv";

    /// <summary>Output file inside the root for workbench runs.</summary>
    public const string Metrics = "out/metrics.csv";

    /// <summary>Creates everything.</summary>
    public static void Create(SandboxFolders s)
    {
        var secretCsv = $"secret,value\n{s.Canary},1\n";
        // Outside the roots: the canary in every file a reader might pick.
        Write(Path.Combine(s.Outside, "canary.txt"), s.Canary + "\n");
        Write(Path.Combine(s.Outside, "secret.csv"), secretCsv);
        Write(Path.Combine(s.Outside, "deep", "secret.csv"), secretCsv);
        Write(Path.Combine(s.Outside, "deep", "canary.txt"), s.Canary + "\n");
        // The server's working folder: what relative paths resolved against it would read.
        Write(Path.Combine(s.Cwd, ".env"), $"API_TOKEN={s.Canary}\n");
        Write(Path.Combine(s.Cwd, "secret.csv"), secretCsv);
        Write(Path.Combine(s.Cwd, "secret.txt"), s.Canary + "\n");
        Write(Path.Combine(s.Cwd, Sales), secretCsv);
        // Inside the root: real data, and decoys where a textual normaliser would land.
        SalesData.Write(Path.Combine(s.Root, Sales));
        Write(Path.Combine(s.Root, Metrics), "metric,value\nrmse,1.23\n");
        Write(Path.Combine(s.Root, "a", "b", "secret.csv"), "secret,value\ndecoy,0\n");
        Write(Path.Combine(s.Root, "a", "secret.csv"), "secret,value\ndecoy,0\n");
        Write(Path.Combine(s.Root, "globs", "a.csv"), "x,y\n1,2\n");
        Write(Path.Combine(s.Root, "txt", "ok.txt"), "fine\n");
        // Links out of the root.
        Link(Path.Combine(s.Root, "links", "p.txt"), Path.Combine(s.Outside, "canary.txt"));
        Link(Path.Combine(s.Root, "links", "passwd.txt"), "/etc/passwd");
        Link(Path.Combine(s.Root, "links", "secret.csv"), Path.Combine(s.Outside, "secret.csv"));
        Link(Path.Combine(s.Root, "txt", "p.txt"), Path.Combine(s.Outside, "canary.txt"));
        Link(Path.Combine(s.Root, "globs", "b.csv"), Path.Combine(s.Outside, "secret.csv"));
        Link(Path.Combine(s.Root, "a", "b", "link"), Path.Combine(s.Outside, "deep"));
        Link(Path.Combine(s.Root, "outlink"), s.Outside);
        Link(Path.Combine(s.Root, "tmplink"), Path.GetTempPath());
        // Links into the workspace's records (for write attempts).
        Link(Path.Combine(s.Root, "ws-link"), s.Workspace);
        Link(Path.Combine(s.Root, "audit-link.jsonl"), Path.Combine(s.Workspace, "audit", "audit.jsonl"));
        Link(Path.Combine(s.Root, "gates-link.json"), Path.Combine(s.Workspace, "workbench.json"));
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target))
            Directory.CreateSymbolicLink(path, target);
        else
            File.CreateSymbolicLink(path, target);
    }
}
