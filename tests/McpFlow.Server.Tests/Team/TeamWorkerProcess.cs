using System.Collections.Concurrent;
using System.Diagnostics;
using McpFlow.Server.Tests.Support;

namespace McpFlow.Server.Tests.Team;

/// <summary>
/// The built server started as a team-mode job worker (<c>--worker</c>) in its own process, its log (stderr) kept for
/// failure messages. Disposing kills it if it still runs.
/// </summary>
internal sealed class TeamWorkerProcess : IAsyncDisposable
{
    /// <summary>The line the worker logs (at Information) once its Hangfire server is started (JobWorker.StartAsync).</summary>
    public const string ReadyLine = "McpFlow worker serving queues";

    // Start-up of a real process on a loaded 2-core machine; the loop ends as soon as the worker says it serves.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TeamWorkerProcess(Process process)
    {
        Process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            _log.Enqueue(e.Data);
            if (e.Data.Contains(ReadyLine, StringComparison.Ordinal))
                _ready.TrySetResult();
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue("stdout: " + e.Data);
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Process Process { get; }

    /// <summary>The worker's log so far.</summary>
    public string Log => string.Join("\n", _log);

    /// <summary>Starts a worker with <paramref name="args"/> after <c>--worker</c> and waits until it serves its queues.</summary>
    public static async Task<TeamWorkerProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment) { ["MCPFLOW_LOG_LEVEL"] = "Information" };
        var worker = new TeamWorkerProcess(ServerProcess.Start(["--worker", .. args], variables));
        var exited = worker.Process.WaitForExitAsync();
        var first = await Task.WhenAny(worker._ready.Task, exited, Task.Delay(StartLimit));
        if (first != worker._ready.Task)
        {
            var why = first == exited ? $"exited with code {worker.Process.ExitCode}" : $"did not log '{ReadyLine}' within {StartLimit.TotalSeconds:0} s";
            var log = worker.Log;
            await worker.DisposeAsync();
            throw new InvalidOperationException($"The worker {why}. Its log:\n{log}");
        }

        return worker;
    }

    /// <summary>Kills the worker at once (no shutdown: as a crashed machine would) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
            await KillAsync();
        Process.Dispose();
    }
}
