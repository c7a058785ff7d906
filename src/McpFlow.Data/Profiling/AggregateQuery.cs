using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>Collects many named aggregates and evaluates them in one scan of a table.</summary>
internal sealed class AggregateQuery(string table)
{
    private readonly List<(string Alias, string Sql)> _items = [];

    /// <summary>Adds an aggregate expression; returns its alias.</summary>
    public string Add(string alias, string sql)
    {
        _items.Add((alias, sql));
        return alias;
    }

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>Runs the scan; values by alias (DBNull as null).</summary>
    public Dictionary<string, object?> Run(DuckDBConnection connection, string? from = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (_items.Count == 0)
            return values;
        var select = string.Join(",\n  ", _items.Select(i => $"{i.Sql} AS {SqlQuote.Id(i.Alias)}"));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT\n  {select}\nFROM {from ?? SqlQuote.Id(table)}";
        using var reader = command.ExecuteReader();
        reader.Read();
        for (var i = 0; i < reader.FieldCount; i++)
            values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return values;
    }

    /// <summary>A value as double (null stays null).</summary>
    public static double? Double(Dictionary<string, object?> values, string alias) =>
        values.GetValueOrDefault(alias) is { } v ? Convert.ToDouble(v is System.Numerics.BigInteger b ? (double)b : v, CultureInfo.InvariantCulture) : null;

    /// <summary>A value as long (null as 0).</summary>
    public static long Long(Dictionary<string, object?> values, string alias) =>
        values.GetValueOrDefault(alias) is { } v ? Convert.ToInt64(v is System.Numerics.BigInteger b ? (long)b : v, CultureInfo.InvariantCulture) : 0;

    /// <summary>A list value as doubles.</summary>
    public static List<double?> Doubles(Dictionary<string, object?> values, string alias) =>
        values.GetValueOrDefault(alias) is System.Collections.IEnumerable list and not string
            ? list.Cast<object?>().Select(v => v is null ? (double?)null : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList()
            : [];
}
