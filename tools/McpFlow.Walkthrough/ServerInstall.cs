using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace McpFlow.Walkthrough;

/// <summary>
/// The installed server that <c>mcp.json</c> launches: the server published once (framework-dependent, ReadyToRun)
/// into <see cref="Folder"/> of the repository, from the build the walkthrough was built with. Launching it costs no
/// msbuild check (unlike <c>dotnet run</c>) and ReadyToRun code starts without JIT-compiling the host.
/// </summary>
public static class ServerInstall
{
    /// <summary>Where the server is installed, relative to the repository (inside the default workspace, which is
    /// git-ignored and takes no writes from clients outside <c>exports/</c>).</summary>
    public const string Folder = ".mcpflow/server";

    /// <summary>The installed entry point, relative to the repository: run it with <c>dotnet</c>.</summary>
    public const string EntryPoint = Folder + "/McpFlow.Server.dll";

    // Written last by a successful install: the hash of the build it was published from. A different build (or an
    // interrupted install, which leaves no stamp) installs again.
    private const string StampFile = ".build-stamp";

    /// <summary>
    /// Publishes the server built at <paramref name="build"/> into <see cref="Folder"/> unless it is installed from that
    /// build already; returns the installed entry point. Throws when publishing fails, with dotnet's output.
    /// </summary>
    public static string Ensure(string repository, string configuration, string build, TextWriter log)
    {
        var target = Path.Combine(repository, Folder);
        var entry = Path.Combine(repository, EntryPoint);
        var stampPath = Path.Combine(target, StampFile);
        var stamp = Stamp(build);
        if (File.Exists(entry) && File.Exists(stampPath) && File.ReadAllText(stampPath) == stamp)
            return entry;

        log.WriteLine($"Installing the server into {Folder} (dotnet publish, ReadyToRun; once per build)...");
        if (configuration != "Release")
            log.WriteLine($"Note: this is a {configuration} build (unoptimized code, a slower start); README's command uses -c Release.");
        var watch = Stopwatch.StartNew();
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repository,
        };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine("src", "McpFlow.Server", "McpFlow.Server.csproj"), "-c", configuration,
                     "--no-build", "-o", target, "-nologo", "-v", "q",
                     // Native engine libraries (libtorch, DuckDB, SkiaSharp: about 600 MB) are hard-linked, not copied.
                     "-p:CreateHardLinksForPublishFilesIfPossible=true",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(entry))
            throw new InvalidOperationException($"dotnet publish failed (exit code {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        File.WriteAllText(stampPath, stamp);
        log.WriteLine($"Installed in {watch.Elapsed.TotalSeconds:F1} s: mcp.json launches `dotnet {EntryPoint}`.");
        return entry;
    }

    // McpFlow's own assemblies identify the build (package assemblies change only with them: a version change
    // rebuilds the projects that reference the package).
    private static string Stamp(string build)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(build, "McpFlow.*").Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetFileName(file)).Append(' ')
                .Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }

        return text.ToString();
    }
}
