using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Security.Tests.Harness;

/// <summary>
/// A server that outlives what its calls do to it: every call runs against a deadline (in the server's CPU time,
/// <see cref="HangWatch"/>) and against the process's exit; a
/// hang kills the process (releasing the workspace) and a crash is noticed; either way the next call starts a fresh
/// process on the same workspace, so one hostile input cannot hide the next one's result.
/// </summary>
internal sealed class GuardedServer(ServerLaunch launch) : IAsyncDisposable
{
    private ServerInstance? _instance;

    /// <summary>How the server is started.</summary>
    public ServerLaunch Launch => launch;

    /// <summary>Processes started so far (1 + restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>The running instance, started if needed.</summary>
    public async Task<ServerInstance> InstanceAsync()
    {
        if (_instance is { IsAlive: true })
            return _instance;
        if (_instance is not null)
            await _instance.DisposeAsync();
        _instance = await ServerInstance.StartAsync(launch);
        Starts++;
        return _instance;
    }

    /// <summary>Calls a tool with exactly these JSON arguments (null: no arguments at all).</summary>
    public async Task<CallOutcome> CallToolAsync(string tool, JsonObject? arguments, TimeSpan deadline)
    {
        var request = new CallToolRequestParams
        {
            Name = tool,
            Arguments = arguments?.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
        };
        return await RunAsync(async (instance, token) => FromResult(await instance.Client.CallToolAsync(request, token)), deadline);
    }

    /// <summary>Reads a resource.</summary>
    public Task<CallOutcome> ReadResourceAsync(string uri, TimeSpan deadline) =>
        RunAsync(async (instance, token) =>
        {
            var result = await instance.Client.ReadResourceAsync(uri, cancellationToken: token);
            var text = string.Join("\n", result.Contents.Select(c => c switch
            {
                TextResourceContents t => t.Text,
                BlobResourceContents b => System.Text.Encoding.UTF8.GetString(b.DecodedData.Span),
                _ => "",
            }));
            return new CallOutcome(OutcomeKind.Answered, false, text, "", TimeSpan.Zero);
        }, deadline);

    /// <summary>Checks the server still serves: server_info (without probing engines) answered within
    /// <see cref="Deadlines.Ping"/>, or a hang or crash (a dead or hung server is restarted by the next call). Not the
    /// protocol's ping: the revision the SDK negotiates with McpFlow (2026-07-28) has no ping method.</summary>
    public Task<CallOutcome> PingAsync() =>
        CallToolAsync("server_info", new JsonObject { ["probe_engines"] = false }, Deadlines.Ping);

    /// <summary>kill -9 of the running process (the next call starts a new one on the same workspace).</summary>
    public async Task KillHardAsync()
    {
        if (_instance is not null)
            await _instance.KillHardAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_instance is not null)
            await _instance.DisposeAsync();
        _instance = null;
    }

    private async Task<CallOutcome> RunAsync(Func<ServerInstance, CancellationToken, Task<CallOutcome>> call, TimeSpan deadline)
    {
        var instance = await InstanceAsync();
        using var hang = HangWatch.Start(instance.Process, deadline);
        var watch = Stopwatch.StartNew();
        var work = call(instance, hang.Token);
        var exited = instance.Process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAny(work, exited);
        CallOutcome outcome;
        try
        {
            outcome = work.IsCompleted ? (await work) with { Elapsed = watch.Elapsed } : Died(instance, watch);
        }
        catch (McpProtocolException ex)
        {
            outcome = new CallOutcome(OutcomeKind.ProtocolError, true, ex.Message, "", watch.Elapsed);
        }
        catch (OperationCanceledException) when (hang.Token.IsCancellationRequested)
        {
            await instance.KillHardAsync();
            outcome = new CallOutcome(OutcomeKind.Hang, true, "", "", watch.Elapsed,
                $"no answer after {hang.CpuUsed.TotalSeconds:0.0} s of server CPU time (deadline {deadline.TotalSeconds:0} s of CPU, "
                + $"or {HangWatch.WallFactor}x that in wall time; {watch.Elapsed.TotalSeconds:0} s passed); killed. stderr: {Tail(instance.StdErrTail)}");
        }
        catch (Exception) when (!hang.Token.IsCancellationRequested)
        {
            // A transport failure is a crash when the process is gone or goes within a few seconds (its exit status can
            // lag the closed pipe); any other client-side failure is a harness bug and propagates.
            if (!await ExitsSoonAsync(instance))
                throw;
            outcome = Died(instance, watch);
        }

        // An answer followed by the process dying (a crash in the work the call left behind) is a crash too.
        if (outcome.Survived && !instance.IsAlive)
            outcome = Died(instance, watch);
        return outcome;
    }

    /// <summary>True when the process ends within a few seconds.</summary>
    private static async Task<bool> ExitsSoonAsync(ServerInstance instance)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await instance.Process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static CallOutcome Died(ServerInstance instance, Stopwatch watch)
    {
        instance.Process.WaitForExit();
        return new CallOutcome(OutcomeKind.Crash, true, "", "", watch.Elapsed,
            $"exit code {instance.Process.ExitCode}; stderr: {Tail(instance.StdErrTail)}");
    }

    private static CallOutcome FromResult(CallToolResult result)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        var structured = result.StructuredContent is { } s ? s.GetRawText() : "";
        return new CallOutcome(OutcomeKind.Answered, result.IsError == true, text, structured, TimeSpan.Zero);
    }

    private static string Tail(string text) => text.Length <= 600 ? text : text[^600..];
}
