using System.Diagnostics;

namespace McpFlow.Security.Tests.Crash;

/// <summary>Ways to tell that a server is in the middle of some work, from the outside, without waiting a fixed time.</summary>
internal static class ProcessWatch
{
    /// <summary>Completes when <paramref name="process"/> has a file open whose path contains <paramref name="fragment"/>
    /// (read from /proc/&lt;pid&gt;/fd), or when <paramref name="done"/> completes first. Polls once per millisecond-scale
    /// yield; the trial's assertions hold whichever comes first, this only makes "during" the likely case.</summary>
    public static async Task WhenFileOpenAsync(Process process, string fragment, Task done)
    {
        var fds = $"/proc/{process.Id}/fd";
        while (!done.IsCompleted && !process.HasExited)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(fds).Any(fd => new FileInfo(fd).LinkTarget?.Contains(fragment, StringComparison.Ordinal) == true))
                    return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A descriptor closed while it was read; look again.
            }

            await Task.WhenAny(done, Task.Delay(1));
        }
    }

    /// <summary>Sends SIGTERM (kill(1) -TERM) to <paramref name="process"/>.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>True when <paramref name="process"/> exits within <paramref name="grace"/>; otherwise it is killed.</summary>
    public static async Task<bool> ExitsWithinAsync(Process process, TimeSpan grace)
    {
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            return false;
        }
    }
}
