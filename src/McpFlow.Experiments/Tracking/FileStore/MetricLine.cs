using System.Globalization;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>One line of an MLflow metric file: <c>timestamp value step</c> (files written by MLflow before
/// 1.0 omit the step, which then reads as 0). Values are written as Python writes a float (<c>1.0</c>, <c>1e-05</c>,
/// <c>nan</c>, <c>inf</c>), so a line is byte for byte the one MLflow's file store appends.</summary>
internal static class MetricLine
{
    public static string Format(double value, long step, long timestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"{timestamp} {FormatValue(value)} {step}");

    /// <summary>The value as MLflow writes it: Python's <c>str(float)</c> (<see cref="PythonFloat"/>).</summary>
    public static string FormatValue(double value) => PythonFloat.Repr(value);

    public static MlflowMetric? Parse(string key, string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
            return null;
        if (!long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            return null;
        var value = parts[1].ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            var s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null,
        };
        if (value is null)
            return null;
        long step = 0;
        if (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
            return null;
        return new MlflowMetric(key, value.Value, step, timestamp);
    }
}
