using System.Globalization;
using System.Numerics;

namespace McpFlow.Data.Storage;

/// <summary>Converts DuckDB values into JSON-friendly values and readable text.</summary>
public static class CellValues
{
    /// <summary>Longest cell text shown in Markdown tables before it is shortened with an ellipsis.</summary>
    public const int MaxCellText = 80;

    /// <summary>A JSON-friendly value: numbers stay numbers, dates become ISO strings, lists become arrays.</summary>
    public static object? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        bool or string or int or long or short or byte or sbyte or uint or ushort => value,
        double d => d,
        float f => (double)f,
        decimal m => (double)m,
        ulong u => u,
        BigInteger b => b >= long.MinValue && b <= long.MaxValue ? (long)b : (double)b,
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan s => s.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        System.Collections.IDictionary dict => dict.Keys.Cast<object>().ToDictionary(k => k.ToString() ?? "", k => ToJson(dict[k])),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(ToJson).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A DuckDB integer result as long: <c>count_if</c> and <c>sum</c> of integers return HUGEINT
    /// (<see cref="BigInteger"/>), which <see cref="Convert.ToInt64(object)"/> cannot take; NULL is 0.</summary>
    public static long ToLong(object? value) => value switch
    {
        null or DBNull => 0,
        BigInteger b => (long)b,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Readable text for a value (invariant culture; NULL as empty).</summary>
    public static string ToText(object? value) => ToJson(value) switch
    {
        null => "",
        double d => FormatNumber(d),
        string s => s,
        bool b => b ? "true" : "false",
        IEnumerable<object?> items => "[" + string.Join(", ", items.Select(ToText)) + "]",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A number with up to 6 significant digits, e.g. 1234.57 or 1.5e-07.</summary>
    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Shortens text for a table cell and escapes pipes and newlines.</summary>
    public static string ForMarkdown(string text)
    {
        var flat = text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length > MaxCellText ? flat[..(MaxCellText - 1)] + "…" : flat;
    }
}
