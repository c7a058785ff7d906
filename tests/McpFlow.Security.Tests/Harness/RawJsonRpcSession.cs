using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace McpFlow.Security.Tests.Harness;

/// <summary>
/// A client that writes JSON-RPC lines by hand, for what the SDK's client cannot send: arguments nested 10,000 deep
/// (its writer stops at 1,000) and malformed messages. It answers nothing the server asks.
/// </summary>
internal sealed class RawJsonRpcSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Task _reader;
    private long _nextId = 1;

    private RawJsonRpcSession(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>True while the process runs.</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>Starts a server and completes initialize by hand.</summary>
    public static async Task<RawJsonRpcSession> StartAsync(ServerLaunch launch)
    {
        var session = new RawJsonRpcSession(Process.Start(launch.StartInfo())!);
        var init = await session.RequestAsync("initialize",
            """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"mcpflow-redteam-raw","version":"1"}}""", Deadlines.Start);
        if (init is null)
            throw new InvalidOperationException("The server did not answer initialize.");
        await session.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return session;
    }

    /// <summary>Sends a request whose params are the given raw JSON text; returns the response, or null when none came
    /// within <paramref name="deadline"/> or the process ended.</summary>
    public async Task<JsonElement?> RequestAsync(string method, string rawParams, TimeSpan deadline)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{rawParams}}}""");
        var finished = await Task.WhenAny(completion.Task, Task.Delay(deadline), _process.WaitForExitAsync());
        _pending.TryRemove(id, out _);
        return finished == completion.Task ? completion.Task.Result : null;
    }

    /// <summary>Writes one line as is (for malformed messages).</summary>
    public Task WriteLineAsync(string line) => WriteBytesAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Writes raw bytes (for invalid UTF-8).</summary>
    public async Task WriteBytesAsync(byte[] bytes)
    {
        await _process.StandardInput.BaseStream.WriteAsync(bytes);
        await _process.StandardInput.BaseStream.FlushAsync();
    }

    /// <summary>A request answered as a <see cref="CallOutcome"/>: a JSON-RPC error, a tool result, or (no answer) a hang
    /// or a crash.</summary>
    public async Task<CallOutcome> OutcomeAsync(string method, string rawParams, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        var response = await RequestAsync(method, rawParams, deadline);
        if (response is not { } message)
            return new CallOutcome(IsAlive ? OutcomeKind.Hang : OutcomeKind.Crash, true, "", "", watch.Elapsed,
                IsAlive ? $"no answer within {deadline.TotalSeconds:0} s" : $"exit code {_process.ExitCode}");
        if (message.TryGetProperty("error", out var error))
            return new CallOutcome(OutcomeKind.ProtocolError, true, error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : error.GetRawText(), "", watch.Elapsed);
        var result = message.GetProperty("result");
        var text = result.TryGetProperty("content", out var content)
            ? string.Join("\n", content.EnumerateArray().Where(c => c.TryGetProperty("text", out _)).Select(c => c.GetProperty("text").GetString()))
            : result.GetRawText();
        var structured = result.TryGetProperty("structuredContent", out var s) ? s.GetRawText() : "";
        var isError = result.TryGetProperty("isError", out var e) && e.ValueKind == JsonValueKind.True;
        return new CallOutcome(OutcomeKind.Answered, isError, text, structured, watch.Elapsed);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        using var wait = new CancellationTokenSource(Deadlines.ExitOnEof);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        await _reader;
        _process.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonElement message;
            try
            {
                message = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 }).RootElement;
            }
            catch (JsonException)
            {
                continue; // Not ours to judge here: stdout must carry MCP only, which the fuzz checks separately.
            }

            if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
                && _pending.TryGetValue(id.GetInt64(), out var completion) && !message.TryGetProperty("method", out _))
                completion.TrySetResult(message);
        }
    }
}
