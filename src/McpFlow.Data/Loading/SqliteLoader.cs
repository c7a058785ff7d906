using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace McpFlow.Data.Loading;

/// <summary>
/// SQLite files through Microsoft.Data.Sqlite (read-only), streamed into DuckDB. Column types come from the values
/// actually stored (SQLite is dynamically typed): integer, real, or text when they are mixed. A SQLite file can hold
/// views that compute without end or build huge values, so every statement runs under a progress handler that stops it
/// when the load's deadline fires, SQLite itself refuses any value longer than <see cref="LoadLimits.MaxCellBytes"/>
/// (SQLITE_LIMIT_LENGTH), and the schema is not trusted to call functions with side effects.
/// </summary>
internal sealed class SqliteLoader : IFormatLoader
{
    /// <summary>SQLite virtual-machine steps between deadline checks (a few microseconds of work).</summary>
    private const int ProgressSteps = 1_000;

    private const int SqliteTooBig = 18;

    public IReadOnlyDictionary<string, string> Load(LoadRequest request)
    {
        var (connection, table, source, options, limits, deadline) = request;
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("SQLite loads take one database file, not a glob.");
        var builder = new SqliteConnectionStringBuilder { DataSource = source.Files[0], Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var sqlite = new SqliteConnection(builder.ToString());
        string? chosen = null;
        try
        {
            sqlite.Open();
            raw.sqlite3_progress_handler(sqlite.Handle, ProgressSteps, _ => deadline.IsStopped ? 1 : 0, null);
            raw.sqlite3_limit(sqlite.Handle, raw.SQLITE_LIMIT_LENGTH, limits.MaxCellBytes);
            Execute(sqlite, "PRAGMA trusted_schema = OFF");
            var tables = Strings(sqlite, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
            chosen = SourceTableChooser.Choose(tables, options.SourceTable, source.Files[0]);
            // SQLite quotes identifiers and literals as standard SQL does, so the one quoting helper serves it too.
            var quoted = SqlQuote.Id(chosen);
            var columns = Strings(sqlite, $"SELECT name FROM pragma_table_info({SqlQuote.Literal(chosen)}) ORDER BY cid");
            if (columns.Count > limits.MaxColumns)
                throw McpFlowException.Invalid($"'{Short(chosen)}' in '{request.FileName}' has {columns.Count:N0} columns; a load accepts at most {limits.MaxColumns:N0}.",
                    $"Create a view of the columns you need, or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
            var kinds = KindsOf(sqlite, quoted, columns);
            RowTableWriter.Create(connection, table, RowTableWriter.UniqueNames(columns), kinds);
            using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT * FROM {quoted}";
            using var reader = command.ExecuteReader();
            RowTableWriter.Append(connection, table, kinds, Read(reader), deadline.Token);
            return new Dictionary<string, string> { ["source_table"] = chosen, ["reader"] = "Microsoft.Data.Sqlite (read-only)" };
        }
        catch (SqliteException ex) when (!deadline.IsStopped)
        {
            if (ex.SqliteErrorCode == SqliteTooBig)
                throw McpFlowException.Invalid(
                    $"'{Short(chosen ?? "?")}' in '{request.FileName}' holds a text or blob value longer than {limits.MaxCellBytes:N0} bytes, the longest a load accepts.",
                    $"Leave the large column out (create a view without it), or ask the operator to raise the limit with {LoadLimits.CellBytesSwitch}.");
            throw McpFlowException.Invalid($"'{request.FileName}' could not be read as SQLite: {Query.SqlGuard.EngineMessage(ex.Message)}", "Check that it is a SQLite 3 database file.");
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

    // One pass over the table for every column's storage classes (a view may be costly to compute). The distinct class
    // codes of a column (integer 1, real 2, text or blob 4) are summed into a bit mask: one result column per column.
    private static List<ColumnKind> KindsOf(SqliteConnection sqlite, string table, List<string> columns)
    {
        if (columns.Count == 0)
            return [];
        var masks = columns.Select(SqlQuote.Id).Select(c =>
            $"total(DISTINCT CASE typeof({c}) WHEN 'integer' THEN 1 WHEN 'real' THEN 2 WHEN 'null' THEN NULL ELSE 4 END)");
        using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", masks)} FROM {table}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return columns.Select((_, i) => (int)reader.GetDouble(i) switch
        {
            1 => ColumnKind.Integer,
            2 or 3 => ColumnKind.Double,
            _ => ColumnKind.Text,
        }).ToList();
    }

    private static string Short(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static void Execute(SqliteConnection sqlite, string sql)
    {
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
