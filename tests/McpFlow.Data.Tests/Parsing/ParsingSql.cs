using DuckDB.NET.Data;

namespace McpFlow.Data.Tests.Parsing;

/// <summary>Evaluates one SQL expression on a private in-memory DuckDB (the parsing rules are SQL).</summary>
internal static class ParsingSql
{
    public static object? Scalar(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A table "t" with one VARCHAR column "v" holding <paramref name="values"/>, then <paramref name="body"/>.</summary>
    public static T WithValues<T>(IEnumerable<string?> values, Func<DuckDBConnection, T> body)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE t (v VARCHAR)";
            command.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("t"))
            foreach (var value in values)
                appender.CreateRow().AppendValue(value).EndRow();
        return body(connection);
    }
}
