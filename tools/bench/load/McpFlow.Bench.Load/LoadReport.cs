using System.Globalization;
using System.Text;

namespace McpFlow.Bench.Load;

/// <summary>The load test's markdown: per-operation latency under load against the one-user-per-role baseline, errors,
/// throughput and the server's memory.</summary>
internal static class LoadReport
{
    /// <summary>Everything the report states.</summary>
    public sealed record Inputs(
        int Users, int Seconds, int BaselineSeconds, (int Min, int Max) ThinkMilliseconds, string LoadAverage, string Shape,
        LatencyBook Baseline, LatencyBook Load, double BaselineCallsPerSecond, double LoadCallsPerSecond, int JobsSubmitted,
        IReadOnlyList<Memory> Processes);

    /// <summary>One process's resident memory, bytes: after setup, peak in the baseline, peak under load (sampled each
    /// second), the kernel's high-water mark, and at the end.</summary>
    public sealed record Memory(string Name, long AfterSetup, long BaselinePeak, long LoadPeak, long HighWaterMark, long Final);

    public static string Markdown(Inputs i)
    {
        var text = new StringBuilder();
        Line(text, $"{i.Users} users for {i.Seconds} s (think time {i.ThinkMilliseconds.Min}-{i.ThinkMilliseconds.Max} ms) on {i.Shape}, after a {i.BaselineSeconds} s baseline with one user per role (per server); load average at start {i.LoadAverage}.");
        Line(text, "");
        Line(text, "| call | calls | errors | p50 ms | p95 ms | p99 ms | max ms | baseline p50 ms | p50 ratio |");
        Line(text, "|---|---|---|---|---|---|---|---|---|");
        foreach (var operation in i.Load.Operations.Append(null))
        {
            var load = i.Load.Sorted(operation);
            var baseline = i.Baseline.Sorted(operation);
            var p50 = LatencyBook.Percentile(load, 50);
            var b50 = LatencyBook.Percentile(baseline, 50);
            Line(text, $"| {operation ?? "**all**"} | {load.Length} | {i.Load.Errors(operation)} | {F(p50)} | {F(LatencyBook.Percentile(load, 95))} | " +
                       $"{F(LatencyBook.Percentile(load, 99))} | {F(load.Length == 0 ? double.NaN : load[^1])} | {F(b50)} | {Ratio(p50, b50)} |");
        }

        Line(text, "");
        Line(text, $"- Throughput: {i.LoadCallsPerSecond:F1} calls/s under load ({i.BaselineCallsPerSecond:F1} in the baseline); {i.JobsSubmitted} training jobs submitted.");
        Line(text, $"- Errors under load: {i.Load.Errors()} of {i.Load.Sorted().Length} calls.");
        foreach (var m in i.Processes)
        {
            Line(text, $"- Memory of the {m.Name} (resident): {Mb(m.AfterSetup)} after loading the tables and the warm-up, peak {Mb(m.BaselinePeak)} in the baseline, " +
                       $"peak {Mb(m.LoadPeak)} under load (sampled each second; kernel high-water mark {Mb(m.HighWaterMark)}), {Mb(m.Final)} at the end.");
        }

        foreach (var sample in i.Load.ErrorSamples)
            Line(text, $"  - error: {sample}");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString(v < 100 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? "–" : (a / b).ToString("F2", CultureInfo.InvariantCulture) + "×";

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture) + " MB";
}
