using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Query;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Loads files into workspace tables. Every path goes through the file guard; every file is checked against the
/// operator's <see cref="LoadLimits"/> before the engine reads it; every load runs under the load time limit and the
/// caller's cancellation. Each load goes into a staging table first and replaces the target in one transaction, so a
/// failed, timed-out or cancelled load never leaves a partial table and never damages an existing one. Loading the same
/// file again with the same options is skipped when the file has not changed (size and modification time), and
/// refreshes it otherwise.
/// </summary>
public sealed class TableLoader(DataDatabase database, FileAccessGuard guard, SqlGuard sqlGuard, McpFlowOptions options, TimeProvider time) : ITableFileLoader
{
    /// <summary>Rows shown as a sample after a load.</summary>
    public const int SampleRows = 5;

    /// <summary>Characters of a text cell shown in the load's sample at most (the query pages' cell cap).</summary>
    public const int SampleCellCharacters = Query.QueryRunner.MaxCellCharacters;

    /// <summary>Loads <paramref name="path"/> (file or glob) into <paramref name="table"/> (default: from the file name).</summary>
    public LoadResult Load(string path, string? table, LoadOptions options, bool force, CancellationToken cancellationToken) =>
        Load(path, table, options, force, "path", cancellationToken);

    /// <inheritdoc />
    public TableFileLoad Load(string path, string table, string? format, string parameterName, CancellationToken cancellationToken)
    {
        var result = Load(path, table, new LoadOptions { Format = format }, force: false, parameterName, cancellationToken);
        return new TableFileLoad(result.Table, result.Status, result.Format, result.Rows, result.Columns.Count);
    }

    private LoadResult Load(string path, string? table, LoadOptions readOptions, bool force, string parameterName, CancellationToken cancellationToken)
    {
        var limits = options.Load;
        using var deadline = new LoadDeadline(limits.TimeoutSeconds, time, cancellationToken);
        var source = SourceFiles.Find(guard, path, parameterName);
        var format = FileFormats.Resolve(readOptions.Format, source.Files[0]);
        var name = SqlText.ValidateTableName(table ?? SqlText.TableNameFromFile(source.Files[0]));
        var markers = MissingMarkers.From(readOptions.MissingMarkers, "missing_markers");
        var optionsJson = JsonSerializer.Serialize(readOptions with { Format = format.ToString().ToLowerInvariant() });
        using var connection = database.Open();
        var existing = TableCatalog.Sources(connection).FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase));
        var exists = StagingTable.ExistingName(connection, name) is not null;
        if (!force && exists && existing.Value is { } previous && previous.Path == source.Pattern && previous.Options == optionsJson
            && previous.FileSize == source.TotalSize && Math.Abs((previous.FileModified - source.LastModified).TotalMilliseconds) < 1)
            return Result(connection, existing.Key, "unchanged", format, source, previous.Detected);

        var staging = StagingTable.NewName();
        try
        {
            var detected = new Dictionary<string, string>(LoaderFor(format).Load(new LoadRequest(connection, staging, source, readOptions, limits, deadline) { Markers = markers }), StringComparer.Ordinal);
            foreach (var (key, value) in MissingMarkerPass.Apply(connection, staging, markers, narrowAllText: format == FileFormat.Excel, deadline))
                detected[key] = detected.TryGetValue(key, out var before) ? before + "; " + value : value;
            deadline.Token.ThrowIfCancellationRequested();
            StagingTable.Publish(database, connection, staging, name, new TableSource(source.Pattern, format.ToString().ToLowerInvariant(), optionsJson,
                source.TotalSize, source.LastModified, time.GetUtcNow().UtcDateTime, detected), "data_load");
            return Result(connection, name, exists ? "refreshed" : "created", format, source, detected);
        }
        catch (Exception ex) when (deadline.IsStopped)
        {
            StagingTable.Discard(connection, staging);
            throw deadline.Stopped($"'{Path.GetFileName(source.Files[0])}'", ex);
        }
        catch
        {
            StagingTable.Discard(connection, staging);
            throw;
        }
    }

    private static LoadResult Result(DuckDBConnection connection, string name, string status, FileFormat format, SourceFiles source, IReadOnlyDictionary<string, string> detected)
    {
        var columns = TableCatalog.Columns(connection, name);
        var rows = TableCatalog.CountRows(connection, name);
        // Text cells are cut inside the engine, so a megabyte value is never carried into the sample (nor into .NET).
        var cut = columns.Where(c => c.Type == "VARCHAR").Select(c => $"left({SqlQuote.Id(c.Name)}, {SampleCellCharacters}) AS {SqlQuote.Id(c.Name)}").ToList();
        var select = cut.Count == 0 ? "*" : $"* REPLACE ({string.Join(", ", cut)})";
        var sample = DataDatabase.Rows(connection, $"SELECT {select} FROM {SqlQuote.Id(name)} LIMIT {SampleRows}", r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
                row[r.GetName(i)] = r.IsDBNull(i) ? null : CellValues.ToJson(r.GetValue(i));
            return row;
        });
        var warnings = new List<string>();
        if (rows == 0)
            warnings.Add("The table has no rows (the file holds a header only).");
        if (rows > 0 && columns.Count > 0)
        {
            var nullCounts = string.Join(", ", columns.Select(c => $"count({SqlQuote.Id(c.Name)})"));
            var counts = DataDatabase.Rows(connection, $"SELECT {nullCounts} FROM {SqlQuote.Id(name)}", r => Enumerable.Range(0, r.FieldCount).Select(i => r.GetInt64(i)).ToList())[0];
            warnings.AddRange(columns.Where((c, i) => counts[i] == 0).Select(c => $"Column '{c.Name}' is entirely empty (all NULL)."));
        }

        return new LoadResult(name, status, format.ToString().ToLowerInvariant(), source.Pattern, source.Files.Count, rows, columns, detected, sample, warnings);
    }

    private IFormatLoader LoaderFor(FileFormat format) => format switch
    {
        FileFormat.Csv => new DelimitedLoader(tab: false),
        FileFormat.Tsv => new DelimitedLoader(tab: true),
        FileFormat.Parquet or FileFormat.Json => new DuckDbReaderLoader(format),
        FileFormat.Excel => new ExcelLoader(),
        FileFormat.Sqlite => new SqliteLoader(),
        FileFormat.Duckdb => new DuckDbFileLoader(sqlGuard),
        _ => throw McpFlowException.Invalid($"Format {format} is not supported."),
    };
}
