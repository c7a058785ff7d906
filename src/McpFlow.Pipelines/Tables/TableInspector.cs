using System.Data.Common;
using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Pipelines.Tables;

/// <summary>Reads schemas and column summaries of workspace tables from DuckDB.</summary>
public sealed class TableInspector(DuckDbGateway database)
{
    /// <summary>Row count and per-column profile of <paramref name="table"/>.</summary>
    public (long Rows, IReadOnlyList<ColumnProfile> Columns) Profile(string table)
    {
        using var connection = database.Open();
        var columns = Schema(connection, table);
        var rows = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {SqlQuote.Id(table)}"), System.Globalization.CultureInfo.InvariantCulture);
        var profiles = new List<ColumnProfile>();
        foreach (var (name, type) in columns)
        {
            var id = SqlQuote.Id(name);
            var numeric = ColumnTypes.IsNumeric(type);
            var stats = numeric ? $"avg({id})::DOUBLE, stddev_samp({id})::DOUBLE, coalesce(bool_and({id}::DOUBLE = round({id}::DOUBLE)), false)" : "NULL, NULL, false";
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) - count({id}), count(DISTINCT {id}), {stats} FROM {SqlQuote.Id(table)}";
            using var reader = command.ExecuteReader();
            reader.Read();
            profiles.Add(new ColumnProfile(name, type, reader.GetInt64(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetBoolean(4)));
        }

        return (rows, profiles);
    }

    /// <summary>Pearson correlation of two numeric columns (null when undefined).</summary>
    public double? Correlation(string table, string x, string y)
    {
        using var connection = database.Open();
        var value = Scalar(connection, $"SELECT corr({SqlQuote.Id(x)}::DOUBLE, {SqlQuote.Id(y)}::DOUBLE) FROM {SqlQuote.Id(table)}");
        return value is null or DBNull ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Share of rows whose class is the majority class within the row's value of <paramref name="column"/>
    /// (1.0 means the column determines the target).</summary>
    public double Purity(string table, string column, string target)
    {
        using var connection = database.Open();
        var value = Scalar(connection,
            $"SELECT sum(m)::DOUBLE / sum(t) FROM (SELECT max(c) AS m, sum(c) AS t FROM (SELECT {SqlQuote.Id(column)} AS k, {SqlQuote.Id(target)} AS y, count(*) AS c " +
            $"FROM {SqlQuote.Id(table)} WHERE {SqlQuote.Id(target)} IS NOT NULL GROUP BY ALL) GROUP BY k)");
        return value is null or DBNull ? 0 : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when the non-null values of a numeric column never decrease, or never increase, in the table's row order
    /// (a counter or sequence number) and take at least two values.
    /// </summary>
    public bool IsMonotone(string table, string column)
    {
        using var connection = database.Open();
        var value = Scalar(connection,
            $"SELECT count(*) > 0 AND (bool_and(d >= 0) OR bool_and(d <= 0)) AND bool_or(d <> 0) FROM (SELECT {SqlQuote.Id(column)}::DOUBLE - lag({SqlQuote.Id(column)}::DOUBLE) OVER (ORDER BY rowid) AS d " +
            $"FROM {SqlQuote.Id(table)} WHERE {SqlQuote.Id(column)} IS NOT NULL) WHERE d IS NOT NULL");
        return value is bool b && b;
    }

    /// <summary>Share of rows where <paramref name="column"/> is later than <paramref name="time"/>.</summary>
    public double ShareAfter(string table, string column, string time)
    {
        using var connection = database.Open();
        var value = Scalar(connection,
            $"SELECT avg(CASE WHEN {SqlQuote.Id(column)}::TIMESTAMP > {SqlQuote.Id(time)}::TIMESTAMP THEN 1.0 ELSE 0.0 END) FROM {SqlQuote.Id(table)} " +
            $"WHERE {SqlQuote.Id(column)} IS NOT NULL AND {SqlQuote.Id(time)} IS NOT NULL");
        return value is null or DBNull ? 0 : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Distinct non-null values of a column as text, sorted (numbers numerically).</summary>
    public IReadOnlyList<string> DistinctValues(string table, string column, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT {SqlQuote.Id(column)} AS v FROM {SqlQuote.Id(table)} WHERE v IS NOT NULL ORDER BY v LIMIT {limit}";
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>The least frequent non-null value of a column (as text, the way <see cref="DistinctValues"/> writes it) and its count.</summary>
    public (string Label, long Count) SmallestClass(string table, string column)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqlQuote.Id(column)}, count(*) AS c FROM {SqlQuote.Id(table)} WHERE {SqlQuote.Id(column)} IS NOT NULL GROUP BY 1 ORDER BY c, 1 LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, reader.GetInt64(1));
    }

    /// <summary>Non-null values of a numeric column in time order (at most <paramref name="limit"/>, the latest).</summary>
    public IReadOnlyList<double> Series(string table, string column, string time, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT v FROM (SELECT {SqlQuote.Id(column)}::DOUBLE AS v, {SqlQuote.Id(time)} AS t, rowid AS r FROM {SqlQuote.Id(table)} " +
            $"WHERE {SqlQuote.Id(column)} IS NOT NULL ORDER BY t DESC, r DESC LIMIT {limit}) ORDER BY t, r";
        using var reader = command.ExecuteReader();
        var values = new List<double>();
        while (reader.Read())
            values.Add(reader.GetDouble(0));
        return values;
    }

    /// <summary>
    /// Median step between consecutive values of a date/timestamp column and the span from first to last, in days
    /// (DuckDB <c>epoch</c> seconds / 86,400); zeros for fewer than two values.
    /// </summary>
    public (double MedianStepDays, double SpanDays) Spacing(string table, string time)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var t = $"epoch({SqlQuote.Id(time)})";
        command.CommandText = $"SELECT coalesce(median(d), 0) / 86400.0, coalesce(max(e) - min(e), 0) / 86400.0 FROM (SELECT {t} AS e, " +
            $"{t} - lag({t}) OVER (ORDER BY {SqlQuote.Id(time)}) AS d FROM {SqlQuote.Id(table)} WHERE {SqlQuote.Id(time)} IS NOT NULL)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>Column names and types, or a not-found error naming the tables that exist.</summary>
    internal static IReadOnlyList<(string Name, string Type)> Schema(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {SqlQuote.Literal(table)} ORDER BY ordinal_position";
        var columns = new List<(string, string)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        if (columns.Count > 0)
            return columns;
        command.CommandText = "SELECT string_agg(table_name, ', ' ORDER BY table_name) FROM information_schema.tables";
        var tables = command.ExecuteScalar() as string;
        throw McpFlowException.NotFound($"Table '{table}' is not in the workspace database.",
            string.IsNullOrEmpty(tables) ? "Load a file first (data_load_file)." : $"Tables: {tables}.");
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
