using System.Collections.Concurrent;

namespace McpFlow.Bench.Load;

/// <summary>Latencies and failures of every call, by operation; thread-safe.</summary>
internal sealed class LatencyBook
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errorSamples = new();

    /// <summary>Operations seen, in name order.</summary>
    public IEnumerable<string> Operations => _latencies.Keys.Union(_errors.Keys).Order(StringComparer.Ordinal);

    /// <summary>Records a call that succeeded.</summary>
    public void Success(string operation, double milliseconds) =>
        _latencies.GetOrAdd(operation, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);

    /// <summary>Records a call that failed (an error result, a protocol error or an exception); keeps the first 20 messages.</summary>
    public void Failure(string operation, double milliseconds, string message)
    {
        _errors.AddOrUpdate(operation, 1, (_, n) => n + 1);
        _latencies.GetOrAdd(operation, _ => new ConcurrentQueue<double>()).Enqueue(milliseconds);
        if (_errorSamples.Count < 20)
            _errorSamples.Enqueue($"{operation}: {(message.Length > 300 ? message[..300] + "…" : message)}");
    }

    /// <summary>Latencies of one operation (all when null), sorted.</summary>
    public double[] Sorted(string? operation = null) =>
        (operation is null ? _latencies.Values.SelectMany(q => q) : _latencies.GetValueOrDefault(operation) ?? new ConcurrentQueue<double>())
        .Order().ToArray();

    /// <summary>Failures of one operation (all when null).</summary>
    public int Errors(string? operation = null) => operation is null ? _errors.Values.Sum() : _errors.GetValueOrDefault(operation);

    /// <summary>The first failure messages.</summary>
    public IReadOnlyList<string> ErrorSamples => _errorSamples.ToList();

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0-100) of sorted values; NaN when empty.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
