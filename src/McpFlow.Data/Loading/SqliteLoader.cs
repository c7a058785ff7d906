using McpFlow.Core.Storage;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using Microsoft.Data.Sqlite;

namespace McpFlow.Data.Loading;

/// <summary>SQLite files through Microsoft.Data.Sqlite (read-only), streamed into DuckDB. Column types come from
/// the values actually stored (SQLite is dynamically typed): integer, real, or text when they are mixed.</summary>
internal sealed class SqliteLoader : IFormatLoader
{
    public IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken)
    {
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("SQLite loads take one database file, not a glob.");
        var builder = new SqliteConnectionStringBuilder { DataSource = source.Files[0], Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var sqlite = new SqliteConnection(builder.ToString());
        try
        {
            sqlite.Open();
            var tables = Strings(sqlite, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
            var chosen = SourceTableChooser.Choose(tables, options.SourceTable, source.Files[0]);
            // SQLite quotes identifiers and literals as standard SQL does, so the one quoting helper serves it too.
            var quoted = SqlQuote.Id(chosen);
            var columns = Strings(sqlite, $"SELECT name FROM pragma_table_info({SqlQuote.Literal(chosen)}) ORDER BY cid");
            var kinds = columns.Select(c => KindOf(sqlite, quoted, c)).ToList();
            RowTableWriter.Create(connection, table, RowTableWriter.UniqueNames(columns), kinds);
            using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT * FROM {quoted}";
            using var reader = command.ExecuteReader();
            RowTableWriter.Append(connection, table, kinds, Read(reader), cancellationToken);
            return new Dictionary<string, string> { ["source_table"] = chosen, ["reader"] = "Microsoft.Data.Sqlite (read-only)" };
        }
        catch (SqliteException ex)
        {
            throw McpFlowException.Invalid($"'{Path.GetFileName(source.Files[0])}' could not be read as SQLite: {ex.Message}", "Check that it is a SQLite 3 database file.");
        }
    }

    private static IEnumerable<object?[]> Read(SqliteDataReader reader)
    {
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            yield return values;
        }
    }

    private static ColumnKind KindOf(SqliteConnection sqlite, string table, string column)
    {
        var quoted = SqlQuote.Id(column);
        var types = Strings(sqlite, $"SELECT DISTINCT typeof({quoted}) FROM {table} WHERE {quoted} IS NOT NULL");
        return types switch
        {
            ["integer"] => ColumnKind.Integer,
            ["real"] or ["integer", "real"] or ["real", "integer"] => ColumnKind.Double,
            _ => ColumnKind.Text,
        };
    }

    private static List<string> Strings(SqliteConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
            list.Add(reader.GetString(0));
        return list;
    }
}
