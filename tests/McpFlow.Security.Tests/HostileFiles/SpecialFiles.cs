using System.Diagnostics;
using System.Net.Sockets;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Files that are not regular files: issue 11's FIFO named as a data file (hung data_load, analyze_dataframe,
/// data_export and workbench_record_run for 90 s each), a socket, a folder, a link loop, a dangling link, links to
/// devices and to the server's own stdin, and a glob whose matches include a FIFO. Handed to every file-taking tool.</summary>
internal static class SpecialFiles
{
    private const HostileUse Everything = HostileUse.Loaders | HostileUse.Pipeline | HostileUse.Record | HostileUse.Export | HostileUse.Artifact;

    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        new("special", "a FIFO named as a CSV file", "fifo.csv", Fifo, Everything),
        new("special", "a FIFO named as a JSON file", "fifo.json", Fifo, HostileUse.Loaders | HostileUse.Record),
        new("special", "a FIFO named as a Parquet file", "fifo.parquet", Fifo, HostileUse.Loaders | HostileUse.Pipeline),
        new("special", "a FIFO named as an Excel file", "fifo.xlsx", Fifo, HostileUse.Loaders),
        new("special", "a FIFO named as a SQLite file", "fifo.sqlite", Fifo, HostileUse.Loaders),
        new("special", "a FIFO named as a DuckDB file", "fifo.duckdb", Fifo, HostileUse.Loaders),
        new("special", "a Unix socket named as a CSV file", "socket.csv", Socket, Everything),
        new("special", "a folder named as a CSV file", "folder.csv", p => Directory.CreateDirectory(p), Everything),
        new("special", "a link loop", "loop.csv", p => { File.CreateSymbolicLink(p, p + ".2"); File.CreateSymbolicLink(p + ".2", p); }, Everything),
        new("special", "a dangling link", "dangling.csv", p => File.CreateSymbolicLink(p, p + ".gone"), Everything),
        new("special", "a link to /dev/zero", "zero.csv", p => File.CreateSymbolicLink(p, "/dev/zero"), Everything),
        new("special", "a link to /dev/urandom", "urandom.parquet", p => File.CreateSymbolicLink(p, "/dev/urandom"), HostileUse.Loaders),
        new("special", "a link to the server's own stdin", "stdin.csv", p => File.CreateSymbolicLink(p, "/proc/self/fd/0"), Everything),
        new("special", "a glob whose matches include a FIFO", "fifos", p =>
        {
            Directory.CreateDirectory(p);
            File.WriteAllText(Path.Combine(p, "a.csv"), "x\n1\n");
            Fifo(Path.Combine(p, "b.csv"));
        }, HostileUse.Loaders) { Argument = "fifos/*.csv" },
    ];

    /// <summary>Makes a FIFO (mkfifo(1), as the Core tests do).</summary>
    public static void Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
            throw new InvalidOperationException("mkfifo failed for " + path);
    }

    private static void Socket(string path)
    {
        // Binding creates the socket's file, which stays after the socket closes.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
    }
}
