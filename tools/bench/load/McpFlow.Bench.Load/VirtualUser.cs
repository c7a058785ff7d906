using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Bench.Load;

/// <summary>One user: their own client and token, calling their role's mix with a think time between calls.</summary>
internal sealed class VirtualUser(string name, UserRole role, McpClient client, int seed, (int Min, int Max) thinkMilliseconds)
{
    private readonly Random _random = new(seed);
    private string? _lastJob;

    /// <summary>The user's name.</summary>
    public string Name => name;

    /// <summary>Jobs this user submitted.</summary>
    public int Submitted { get; private set; }

    /// <summary>Calls until <paramref name="until"/> passes (a call started before it finishes).</summary>
    public async Task RunAsync(LatencyBook book, DateTime until, CancellationToken cancellationToken)
    {
        var mix = CallMix.For(role);
        // Users do not start in lockstep: the first call comes after a random part of one think time.
        await Task.Delay(_random.Next(thinkMilliseconds.Max), cancellationToken);
        while (DateTime.UtcNow < until)
        {
            var operation = CallMix.Pick(mix, _random);
            if (CallMix.Arguments(operation, _random, _lastJob) is { } arguments)
                await CallAsync(book, operation, arguments, cancellationToken);
            await Task.Delay(_random.Next(thinkMilliseconds.Min, thinkMilliseconds.Max + 1), cancellationToken);
        }
    }

    private async Task CallAsync(LatencyBook book, string operation, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await client.CallToolAsync(operation, arguments, cancellationToken: cancellationToken);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (result.IsError == true)
            {
                book.Failure(operation, elapsed, $"{name}: {Text(result)}");
                return;
            }

            book.Success(operation, elapsed);
            if (operation == "pinn_train")
            {
                Submitted++;
                _lastJob = JobId(result) ?? _lastJob;
            }
        }
        catch (Exception ex) when (ex is McpException or HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            book.Failure(operation, clock.Elapsed.TotalMilliseconds, $"{name}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Text(CallToolResult result) =>
        string.Join(' ', result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static string? JobId(CallToolResult result) =>
        result.StructuredContent is { } s && s.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : System.Text.RegularExpressions.Regex.Match(Text(result), @"job-\d{8}-\d{6}-[0-9a-f]{6}") is { Success: true } m ? m.Value : null;
}
