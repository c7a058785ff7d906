using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>Ends the process at once after flushing the logs: no shutdown handlers and no native destructors run,
/// since a thread blocked in native code may hold what they would wait for. The OS releases the process's file locks
/// (DuckDB's lock on the workspace database among them).</summary>
internal static partial class HardExit
{
    /// <summary>Flushes <paramref name="loggers"/> (disposing a console logger writes out its queue) and exits with <paramref name="code"/>.</summary>
    public static void Run(int code, IEnumerable<ILoggerProvider> loggers)
    {
        foreach (var logger in loggers)
        {
            try
            {
                logger.Dispose();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // Already disposed by the host.
            }
        }

        Console.Error.Flush();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                Exit(code);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // No libc under that name: fall back to the runtime's exit below.
            }
        }

        Environment.Exit(code);
    }

    // POSIX _exit(2): terminates the process without running atexit handlers.
    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);
}
