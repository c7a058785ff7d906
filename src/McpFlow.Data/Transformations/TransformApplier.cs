using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Core.Workspace;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Applies a transformation without touching existing data: column operations add a new column (the table is
/// rebuilt with every original column unchanged, in one transaction); table operations create a new versioned
/// table (<c>customers_v2</c>). Each application is recorded in the lineage, and the result carries before/after
/// statistics, a preview and before/after histograms.
/// </summary>
public sealed class TransformApplier(DataDatabase database, McpFlowWorkspace workspace, TimeProvider time)
{
    /// <summary>Rows shown in the preview.</summary>
    public const int PreviewRows = 5;

    /// <summary>Applies <paramref name="spec"/> to <paramref name="table"/>.</summary>
    public TransformResult Apply(string table, TransformSpec spec, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        // Team mode: the table's lock is held until the new version is published, so a change made through another
        // process meanwhile is neither lost nor overwritten (the write starts from the latest version).
        using var write = database.BeginWrite(connection, [table], cancellationToken);
        var parent = database.Resolve(connection, table);
        var columns = TableCatalog.Columns(connection, parent);
        var source = spec.Column is null ? null : columns.FirstOrDefault(c => string.Equals(c.Name, spec.Column, StringComparison.OrdinalIgnoreCase))
            ?? throw McpFlowException.NotFound($"Column '{spec.Column}' is not in table '{parent}'.", $"Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
        spec = spec with { Column = source?.Name };
        var isColumnOp = TransformOperations.ColumnOperations.Contains(spec.Operation);
        if (!isColumnOp && !TransformOperations.TableOperations.Contains(spec.Operation))
            throw McpFlowException.Invalid($"Unknown operation '{spec.Operation}'.", $"Use one of: {TransformOperations.Names}.");
        if (spec.Operation != "drop_duplicates" && source is null)
            throw McpFlowException.Invalid($"Operation {spec.Operation} needs a column.", "Pass column, e.g. \"purchase_amount\".");
        var context = new TransformContext(source is not null && ColumnClasses.Of(source.Type) == ColumnClass.Text, TableCatalog.Markers(connection, parent));
        List<string> notes;
        try
        {
            (spec, notes) = SpecResolver.Resolve(connection, parent, spec, context);
        }
        catch (DuckDBException)
        {
            // The engine's message can quote values of the column, so it is not passed on.
            throw McpFlowException.Invalid($"The parameters of {spec.Operation} could not be computed from {spec.Column} ({source?.Type}).",
                "Numeric operations need a numeric column: parse text columns first with to_number, or pass the parameters explicitly.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var before = Snapshot(connection, parent, source?.Name);
        string? newTable = null;
        using var targetWrite = isColumnOp ? null : NewTable(connection, parent, cancellationToken, out newTable);
        // Last point to stop: once the transaction begins, the change and its lineage are written together.
        cancellationToken.ThrowIfCancellationRequested();
        string target;
        string? newColumn = null;
        DataDatabase.Execute(connection, "BEGIN TRANSACTION");
        try
        {
            if (isColumnOp)
            {
                newColumn = SqlText.ValidateTableName(spec.NewColumn ?? TransformOperations.DefaultColumnName(spec), "new_column");
                if (columns.Any(c => string.Equals(c.Name, newColumn, StringComparison.OrdinalIgnoreCase)))
                    throw McpFlowException.Conflict($"Table '{parent}' already has a column '{newColumn}'.", "Pass new_column with another name; existing columns are never overwritten.");
                spec = spec with { NewColumn = newColumn };
                var staging = "mcpflow_staging_" + Guid.NewGuid().ToString("N")[..12];
                DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(staging)} AS SELECT * EXCLUDE (mcpflow_rn) FROM " +
                    $"(SELECT *, row_number() OVER () AS mcpflow_rn, {TransformOperations.Expression(spec, context)} AS {SqlQuote.Id(newColumn)} FROM {SqlQuote.Id(parent)}) ORDER BY mcpflow_rn");
                DataDatabase.Execute(connection, $"DROP TABLE {SqlQuote.Id(parent)}");
                DataDatabase.Execute(connection, $"ALTER TABLE {SqlQuote.Id(staging)} RENAME TO {SqlQuote.Id(parent)}");
                target = parent;
            }
            else
            {
                target = newTable!;
                DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(target)} AS {TableSelect(connection, parent, spec, context)}");
            }

            TableCatalog.RecordLineage(connection, new LineageEntry(target, newColumn, parent, spec.Operation,
                JsonSerializer.Serialize(spec, Core.Mcp.McpFlowJson.Options), time.GetUtcNow().UtcDateTime));
            DataDatabase.Execute(connection, "COMMIT");
        }
        catch (DuckDBException ex)
        {
            DataDatabase.Execute(connection, "ROLLBACK");
            throw McpFlowException.Invalid($"The transformation {spec.Operation} failed: {ex.Message.Split('\n')[0]}", "Check the column type and the parameters.");
        }
        catch
        {
            DataDatabase.Execute(connection, "ROLLBACK");
            throw;
        }

        // Not cancellable from here: the change is committed locally, so the team catalogue must hear of it.
        if (targetWrite is null)
            write.Publish(connection, target, "apply_transformation", replacesContent: false, CancellationToken.None);
        else
            targetWrite.Publish(connection, target, "apply_transformation", replacesContent: true, CancellationToken.None);
        var lost = newColumn is null ? null : NewNulls.Measure(connection, target, source!.Name, newColumn, context);
        if (lost is { Count: > 0 } l)
            notes.Add(l.Describe(source!.Name, newColumn!));
        var afterColumn = newColumn ?? (spec.Operation is "drop_column" or "one_hot" ? null : source?.Name);
        var after = Snapshot(connection, target, afterColumn);
        var preview = Preview(connection, target, source?.Name, newColumn, spec.Operation);
        var charts = Charts(connection, parent, source?.Name, target, afterColumn, spec);
        return new TransformResult(target, newColumn, parent, spec, before, after, preview, charts) { Notes = notes, NewNulls = lost?.Count ?? 0 };
    }

    private static string TableSelect(DuckDBConnection connection, string parent, TransformSpec spec, TransformContext context)
    {
        var from = SqlQuote.Id(parent);
        var col = spec.Column is null ? "" : SqlQuote.Id(spec.Column);
        switch (spec.Operation)
        {
            case "drop_duplicates":
                return $"SELECT DISTINCT * FROM {from}";
            case "remove_outliers":
                return $"SELECT * FROM {from} WHERE {col} IS NULL OR {col}::DOUBLE BETWEEN {SqlQuote.Number(spec.Parameter("lower"))} AND {SqlQuote.Number(spec.Parameter("upper"))}";
            case "drop_column":
                return $"SELECT * EXCLUDE ({col}) FROM {from}";
            default:
                var text = context.Text(col);
                var values = DataDatabase.Rows(connection, $"SELECT DISTINCT {text} FROM {from} WHERE {text} IS NOT NULL ORDER BY 1 LIMIT {Suggester.OneHotMaxDistinct * 5 + 1}", r => r.GetString(0));
                if (values.Count > Suggester.OneHotMaxDistinct * 5)
                    throw McpFlowException.Invalid($"{spec.Column} has more than {Suggester.OneHotMaxDistinct * 5} values; one-hot encoding would add too many columns.", "Use frequency_encode instead.");
                var names = Loading.RowTableWriter.UniqueNames(values.Select(v => $"{spec.Column}_{new string(v.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '_').ToArray())}"));
                return $"SELECT *, {string.Join(", ", values.Select((v, i) => $"coalesce({text} = {SqlQuote.Literal(v)}, false)::INTEGER AS {SqlQuote.Id(names[i])}"))} FROM {from}";
        }
    }

    // The next free versioned name (customers_v2, …), locked for writing: in team mode another process may create the
    // same name meanwhile, in which case the lock brings it here and the next name is tried.
    private TableWrite NewTable(DuckDBConnection connection, string parent, CancellationToken cancellationToken, out string name)
    {
        while (true)
        {
            name = NextVersion(connection, parent);
            var write = database.BeginWrite(connection, [name], cancellationToken);
            if (Loading.StagingTable.ExistingName(connection, name) is null)
                return write;
            write.Dispose();
        }
    }

    private static string NextVersion(DuckDBConnection connection, string parent)
    {
        var stem = System.Text.RegularExpressions.Regex.Replace(parent, "_v[0-9]+$", "");
        for (var v = 2; ; v++)
        {
            var name = $"{stem}_v{v}";
            if (DataDatabase.Scalar(connection, "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND lower(table_name) = lower(?)", name) is long and 0)
                return name;
        }
    }

    private static ColumnSnapshot Snapshot(DuckDBConnection connection, string table, string? column)
    {
        var rows = TableCatalog.CountRows(connection, table);
        if (column is null)
            return new ColumnSnapshot(table, null, rows, rows, null, null, null, null, null, null);
        var type = TableCatalog.Columns(connection, table).First(c => c.Name == column).Type;
        var col = SqlQuote.Id(column);
        if (ColumnClasses.Of(type) != ColumnClass.Numeric)
            return new ColumnSnapshot(table, column, rows, Convert.ToInt64(DataDatabase.Scalar(connection, $"SELECT count({col}) FROM {SqlQuote.Id(table)}"), System.Globalization.CultureInfo.InvariantCulture), null, null, null, null, null, null);
        var x = $"{col}::DOUBLE";
        return DataDatabase.Rows(connection,
            $"SELECT count({col}), avg({x}), stddev_samp({x}), min({x}), max({x}), skewness({x}), kurtosis({x}) FROM {SqlQuote.Id(table)} WHERE {col} IS NULL OR isfinite({x})",
            r => new ColumnSnapshot(table, column, rows, r.GetInt64(0), D(r, 1), D(r, 2), D(r, 3), D(r, 4), D(r, 5), D(r, 6)))[0];
    }

    private static double? D(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static List<Dictionary<string, object?>> Preview(DuckDBConnection connection, string table, string? source, string? created, string operation)
    {
        var columns = TableCatalog.Columns(connection, table).Select(c => c.Name).ToList();
        var shown = new[] { source, created }.Where(c => c is not null && columns.Contains(c)).Select(c => SqlQuote.Id(c!)).ToList();
        var select = shown.Count > 0 && operation is not ("one_hot" or "drop_duplicates") ? string.Join(", ", shown) : "*";
        return DataDatabase.Rows(connection, $"SELECT {select} FROM {SqlQuote.Id(table)} LIMIT {PreviewRows}", r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
                row[r.GetName(i)] = r.IsDBNull(i) ? null : CellValues.ToJson(r.GetValue(i));
            return row;
        });
    }

    private List<string> Charts(DuckDBConnection connection, string parent, string? source, string target, string? after, TransformSpec spec)
    {
        var charts = new List<string>();
        if (source is null || after is null)
            return charts;
        var types = TableCatalog.Columns(connection, target).ToDictionary(c => c.Name, c => c.Type);
        var parentTypes = parent == target ? types : TableCatalog.Columns(connection, parent).ToDictionary(c => c.Name, c => c.Type);
        if (ColumnClasses.Of(parentTypes.GetValueOrDefault(source) ?? "") != ColumnClass.Numeric || ColumnClasses.Of(types.GetValueOrDefault(after) ?? "") != ColumnClass.Numeric)
            return charts;
        var folder = workspace.ArtifactsPath;
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        if (HistogramChart.Compute(connection, parent, source) is { } h1)
            charts.Add(HistogramChart.Render(h1, $"Before: {parent}.{source}", $"{spec.Operation}_{source}_before_{stamp}", folder).Path!);
        if (HistogramChart.Compute(connection, target, after) is { } h2)
            charts.Add(HistogramChart.Render(h2, $"After {spec.Operation}: {target}.{after}", $"{spec.Operation}_{after}_after_{stamp}", folder).Path!);
        return charts;
    }
}
