using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>Writes rows read by a .NET reader into a new DuckDB table through DuckDB's appender, with one type
/// per column inferred from the values (booleans, integers, doubles, timestamps, else text).</summary>
internal static class RowTableWriter
{
    /// <summary>The narrowest kind holding every non-null value.</summary>
    public static ColumnKind Infer(IEnumerable<object?> values)
    {
        ColumnKind? kind = null;
        foreach (var value in values)
        {
            var k = KindOf(value);
            if (k is null)
                continue;
            kind = kind is null ? k : Merge(kind.Value, k.Value);
            if (kind == ColumnKind.Text)
                break;
        }

        return kind ?? ColumnKind.Text;
    }

    /// <summary>Creates the table with the given columns.</summary>
    public static void Create(DuckDBConnection connection, string table, IReadOnlyList<string> names, IReadOnlyList<ColumnKind> kinds)
    {
        var columns = names.Select((n, i) => $"{SqlQuote.Id(n)} {SqlType(kinds[i])}");
        DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} ({string.Join(", ", columns)})");
    }

    /// <summary>Appends rows (each as long as the column list).</summary>
    public static long Append(DuckDBConnection connection, string table, IReadOnlyList<ColumnKind> kinds, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        long count = 0;
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            if ((++count & 0xFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var row = appender.CreateRow();
            for (var i = 0; i < kinds.Count; i++)
            {
                var value = i < values.Length ? values[i] : null;
                if (value is null or DBNull)
                {
                    row.AppendNullValue();
                    continue;
                }

                switch (kinds[i])
                {
                    case ColumnKind.Boolean: row.AppendValue((bool?)Convert.ToBoolean(value, CultureInfo.InvariantCulture)); break;
                    case ColumnKind.Integer: row.AppendValue((long?)Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                    case ColumnKind.Double: row.AppendValue((double?)Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
                    case ColumnKind.Timestamp: row.AppendValue((DateTime?)Convert.ToDateTime(value, CultureInfo.InvariantCulture)); break;
                    default: row.AppendValue(CellValues.ToText(value)); break;
                }
            }

            row.EndRow();
        }

        return count;
    }

    /// <summary>Makes column names unique and non-empty (<c>column_3</c>, <c>name_2</c>).</summary>
    public static List<string> UniqueNames(IEnumerable<string?> raw)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var index = 0;
        foreach (var r in raw)
        {
            index++;
            var name = string.IsNullOrWhiteSpace(r) ? $"column_{index}" : r.Trim();
            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++)
                candidate = $"{name}_{n}";
            names.Add(candidate);
        }

        return names;
    }

    private static ColumnKind? KindOf(object? value) => value switch
    {
        null or DBNull => null,
        string s when s.Length == 0 => null,
        bool => ColumnKind.Boolean,
        int or long or short or byte => ColumnKind.Integer,
        double d when Math.Abs(d) < 9e15 && Math.Floor(d) == d => ColumnKind.Integer,
        double or float or decimal => ColumnKind.Double,
        DateTime => ColumnKind.Timestamp,
        _ => ColumnKind.Text,
    };

    private static ColumnKind Merge(ColumnKind a, ColumnKind b) => (a, b) switch
    {
        _ when a == b => a,
        (ColumnKind.Integer, ColumnKind.Double) or (ColumnKind.Double, ColumnKind.Integer) => ColumnKind.Double,
        _ => ColumnKind.Text,
    };

    private static string SqlType(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Timestamp => "TIMESTAMP",
        _ => "VARCHAR",
    };
}
