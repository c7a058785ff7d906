using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// Profiles a workspace table inside DuckDB (nothing but aggregates reaches .NET): one aggregate scan over all
/// columns, one for histograms/outliers/MAD, a duplicate count, top values per categorical column, and
/// correlations. Exact up to <see cref="ProfileSettings.ExactRowLimit"/> rows, labelled approximate above.
/// </summary>
public sealed class Profiler(DataDatabase database)
{
    /// <summary>Profiles <paramref name="table"/>, optionally only <paramref name="columns"/>; progress goes to <paramref name="report"/>.</summary>
    public TableProfile Profile(string table, IReadOnlyList<string>? columns, Action<double, string>? report, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var connection = database.Open();
        var name = database.Resolve(connection, table);
        var schema = SelectColumns(TableCatalog.Columns(connection, name), columns, name);
        var rows = TableCatalog.CountRows(connection, name);
        var exact = rows <= ProfileSettings.ExactRowLimit;
        var markers = TableCatalog.Markers(connection, name);
        report?.Invoke(0.05, $"Scanning {rows:N0} rows × {schema.Count} columns");
        var stats = ColumnPass.Run(connection, name, schema, exact, markers);
        cancellationToken.ThrowIfCancellationRequested();
        var shapes = ShapeInputs(schema, stats);
        report?.Invoke(0.35, "Histograms and outliers");
        var shape = ShapePass.Run(connection, name, shapes, exact);
        cancellationToken.ThrowIfCancellationRequested();
        report?.Invoke(0.55, "Duplicates and top values");
        // Duplicate rows: distinct 64-bit row hashes (one UBIGINT per row instead of hashing 12 wide keys); the chance
        // of a collision among 10M distinct rows is about n²/2⁶⁵ ≈ 3·10⁻⁶.
        var allColumns = string.Join(", ", TableCatalog.Columns(connection, name).Select(c => SqlQuote.Id(c.Name)));
        var duplicates = rows - Convert.ToInt64(DataDatabase.Scalar(connection, $"SELECT count(DISTINCT hash({allColumns})) FROM {SqlQuote.Id(name)}"), System.Globalization.CultureInfo.InvariantCulture);
        var scope = new ProfileScope(name, rows, exact, duplicates, markers);
        var profiles = schema.Select((c, i) => ColumnProfileBuilder.Build(connection, scope, i, c, stats, shape, shapes.FirstOrDefault(s => s.Index == i))).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        report?.Invoke(0.75, "Correlations");
        var numeric = profiles.Where(p => p.Numeric is not null && p.SemanticType is "numeric" or "categorical" && p.Distinct > 1)
            .Select(p => schema.First(c => c.Name == p.Name)).ToList();
        var categorical = profiles.Where(p => p.SemanticType is "categorical" or "boolean" && p.Numeric is null && p.Distinct is > 1 and <= ProfileSettings.CramersVMaxDistinct)
            .Select(p => schema.First(c => c.Name == p.Name)).ToList();
        var correlations = CorrelationPass.Run(connection, scope,
            numeric.Take(ProfileSettings.MaxCorrelatedNumeric).ToList(), categorical.Take(ProfileSettings.MaxCorrelatedCategorical).ToList());
        var alerts = AlertRules.Evaluate(rows, duplicates, profiles, correlations);
        var bytes = DataDatabase.Scalar(connection, "SELECT estimated_size FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?", name);
        report?.Invoke(1, "Profile complete");
        return new TableProfile(name, rows, TableCatalog.Columns(connection, name).Count, !exact, bytes is null ? null : Convert.ToInt64(bytes, System.Globalization.CultureInfo.InvariantCulture),
            profiles.Sum(p => p.Missing), duplicates, profiles, correlations, numeric.Count >= 2 && rows > ProfileSettings.SpearmanSampleRows, alerts,
            Estimators(exact, numeric.Count, categorical.Count), watch.Elapsed.TotalMilliseconds);
    }

    private static List<TableColumn> SelectColumns(List<TableColumn> all, IReadOnlyList<string>? requested, string table)
    {
        if (requested is null || requested.Count == 0)
            return all.Take(ProfileSettings.MaxProfiledColumns).ToList();
        if (requested.Count > ProfileSettings.MaxProfiledColumns)
            throw McpFlowException.Invalid($"columns: at most {ProfileSettings.MaxProfiledColumns} columns per profile; got {requested.Count}.",
                "Profile the columns in groups, e.g. columns=[\"price\", \"quantity\"].");
        return requested.Select(r => all.FirstOrDefault(c => string.Equals(c.Name, r, StringComparison.OrdinalIgnoreCase))
            ?? throw McpFlowException.NotFound($"Column '{ArgumentEcho.Show(r)}' is not in table '{table}'.",
                $"Columns: {string.Join(", ", all.Take(50).Select(c => c.Name))}{(all.Count > 50 ? $" and {all.Count - 50} more" : "")}.")).ToList();
    }

    private static List<ShapePass.Input> ShapeInputs(List<TableColumn> schema, Dictionary<string, object?> stats)
    {
        var inputs = new List<ShapePass.Input>();
        for (var i = 0; i < schema.Count; i++)
        {
            if (ColumnClasses.Of(schema[i].Type) != ColumnClass.Numeric)
                continue;
            var p = $"c{i}_";
            var q = AggregateQuery.Doubles(stats, p + "q");
            if (AggregateQuery.Double(stats, p + "min") is not { } min || AggregateQuery.Double(stats, p + "max") is not { } max || q.Count != 5 || q.Any(v => v is null))
                continue;
            inputs.Add(new ShapePass.Input(i, schema[i], min, max, q[1]!.Value, q[2]!.Value, q[3]!.Value,
                AggregateQuery.Double(stats, p + "mean") ?? 0, AggregateQuery.Double(stats, p + "std") ?? 0));
        }

        return inputs;
    }

    private static Dictionary<string, string> Estimators(bool exact, int numeric, int categorical) => new()
    {
        ["correlations"] = numeric <= ProfileSettings.MaxCorrelatedNumeric && categorical <= ProfileSettings.MaxCorrelatedCategorical
            ? "every pair of numeric columns (Pearson, Spearman) and of low-cardinality categorical columns (Cramér's V)"
            : $"pairs among the first {Math.Min(numeric, ProfileSettings.MaxCorrelatedNumeric)} of {numeric} numeric and the first " +
              $"{Math.Min(categorical, ProfileSettings.MaxCorrelatedCategorical)} of {categorical} categorical columns (name columns to correlate others)",
        ["skewness"] = "adjusted Fisher-Pearson sample skewness G1 (DuckDB skewness(); equals pandas Series.skew())",
        ["kurtosis"] = "bias-corrected sample excess kurtosis G2 (DuckDB kurtosis(); equals pandas Series.kurt(); 0 for a normal distribution)",
        ["std"] = "sample standard deviation (n - 1)",
        ["quantiles"] = exact ? "exact, linear interpolation (DuckDB quantile_cont; pandas default)" : "approximate (T-Digest, DuckDB approx_quantile)",
        ["distinct"] = exact ? "exact count(DISTINCT)"
            : $"exact count(DISTINCT) where the HyperLogLog estimate is at most {ProfileSettings.ExactDistinctMaxEstimate:N0}; above it the estimate (DuckDB approx_count_distinct, " +
              $"64 registers: relative standard error about {ProfileSettings.ApproxDistinctStandardError * 100:0}%, so about 95% of estimates within ±{2 * ProfileSettings.ApproxDistinctStandardError * 100:0}%), marked distinctApproximate",
        ["missing"] = "NULL, plus text values that are missing markers (trimmed; the markers the table was loaded with, default '', N/A, n/a, NA, -, --, NULL, null, None, ?)",
        ["mad"] = "median of |x - median|, unscaled",
        ["outliers"] = $"IQR: beyond Q1 - {ProfileSettings.IqrFence}·IQR or Q3 + {ProfileSettings.IqrFence}·IQR; z: |x - mean| > {ProfileSettings.ZScoreLimit}·std",
        ["spearman"] = $"Pearson correlation of average ranks; reservoir sample of {ProfileSettings.SpearmanSampleRows:N0} rows above that size",
        ["cramers_v"] = "sqrt(chi2 / (n·(min(r, c) - 1))), no bias correction",
        ["moments"] = "mean, std, skewness, kurtosis over finite values (NaN and infinities excluded and counted separately)",
    };
}
