using System.Globalization;
using McpFlow.Core.Charts;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Series;

/// <summary>Reads a table's series in time order from DuckDB, runs <see cref="SeriesEventDetector"/> and charts the result.</summary>
public sealed class SeriesEventFinder(DuckDbGateway database, PipelineStore store)
{
    /// <summary>Most rows scored (<see cref="SeriesEventDetector.MaxValues"/>).</summary>
    public const int MaxRows = SeriesEventDetector.MaxValues;

    /// <summary>Most spikes and change points listed in a report (the strongest are kept; counts are always complete).</summary>
    public const int MaxListed = 200;

    /// <summary>Detects spikes and changes in mean of <paramref name="valueColumn"/> ordered by <paramref name="timeColumn"/>.</summary>
    /// <param name="table">Workspace table.</param>
    /// <param name="valueColumn">Numeric column.</param>
    /// <param name="timeColumn">Date, timestamp or numeric column ordering the rows.</param>
    /// <param name="season">Season length in rows; null detects it, 0 removes none.</param>
    /// <param name="threshold">Spike threshold on |robust z|; null uses <see cref="SpikeDetector.DefaultThreshold"/>.</param>
    public SeriesEventReport Find(string table, string valueColumn, string timeColumn, int? season, double? threshold)
    {
        if (season is < 0 or > SeriesEventDetector.MaxSeason)
            throw McpFlowException.Invalid($"season must be between 0 and {SeriesEventDetector.MaxSeason} rows; got {season}.", "Leave it empty to detect the season, or 0 for none.");
        using var connection = database.Open();
        var schema = TableInspector.Schema(connection, table);
        var value = Column(schema, valueColumn, "value_column");
        var time = Column(schema, timeColumn, "time_column");
        if (!ColumnTypes.IsNumeric(value.Type))
            throw McpFlowException.Invalid($"Value column '{value.Name}' has type {value.Type}; spikes and change points need numbers.",
                "Choose a numeric column, or cast it with the data tools first.");
        if (!ColumnTypes.IsNumeric(time.Type) && !ColumnTypes.IsTemporal(time.Type))
            throw McpFlowException.Invalid($"Time column '{time.Name}' has type {time.Type}; it must be a date, timestamp or number.",
                "Convert it with the data tools (e.g. strptime) first.");
        var times = new List<string>();
        var values = new List<double>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SqlQuote.Id(time.Name)}, {SqlQuote.Id(value.Name)}::DOUBLE FROM {SqlQuote.Id(table)} WHERE {SqlQuote.Id(time.Name)} IS NOT NULL " +
                $"ORDER BY {SqlQuote.Id(time.Name)}, rowid LIMIT {MaxRows + 1}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                times.Add(reader.GetValue(0) is DateTime d ? d.ToString("o", CultureInfo.InvariantCulture) : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
                values.Add(reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1));
            }
        }

        if (values.Count > MaxRows)
            throw McpFlowException.Invalid($"'{table}' has more than {MaxRows} rows with a time value.",
                $"Detect on a time range or an aggregate first, e.g. data_query into a new table with WHERE {time.Name} >= ... or GROUP BY date_trunc('hour', {time.Name}).");
        var events = SeriesEventDetector.Detect(values, season, threshold ?? SpikeDetector.DefaultThreshold);
        var folder = Path.Combine(store.Root, "series");
        Directory.CreateDirectory(folder);
        var chart = SeriesEventChart.Render(values, events, $"{value.Name} over {time.Name}: spikes and change points",
            ChartRenderer.SafeName($"events_{table}_{value.Name}"), folder);
        var spikes = events.Spikes.OrderByDescending(s => Math.Abs(s.Score)).Take(MaxListed).OrderBy(s => s.Index)
            .Select(s => new SpikeRow(s.Index, times[s.Index], s.Value, s.Expected, s.Score, s.PValue)).ToList();
        var changes = events.ChangePoints.OrderByDescending(c => Math.Abs(c.Shift)).Take(MaxListed).OrderBy(c => c.Index)
            .Select(c => new ChangePointRow(c.Index, times[c.Index], c.MeanBefore, c.MeanAfter, c.Shift)).ToList();
        return new SeriesEventReport(table, value.Name, time.Name, values.Count, values.Count(double.IsNaN), events.Season, events.NoiseSigma,
            events.Threshold, events.Penalty, events.Spikes.Count, events.ChangePoints.Count, spikes, changes, chart.Path!);
    }

    private static (string Name, string Type) Column(IReadOnlyList<(string Name, string Type)> schema, string name, string parameter) =>
        schema.FirstOrDefault(c => c.Name == name) is { Name: not null } exact ? exact
            : schema.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } loose ? loose
            : throw McpFlowException.NotFound($"Column '{name}' ({parameter}) is not in the table.", $"Columns: {string.Join(", ", schema.Select(c => c.Name))}.");
}
