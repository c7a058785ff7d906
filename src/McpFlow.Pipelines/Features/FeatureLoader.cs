using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Features;

/// <summary>
/// Runs the SQL steps of a spec in DuckDB (inputs, date parts, lags, left-closed rolling windows) and the Fourier
/// steps (the detected season, the yearly season) in .NET, one timed query per step, and returns the rows as a <see cref="FeatureFrame"/>.
/// </summary>
public sealed class FeatureLoader(DuckDbGateway database)
{
    /// <summary>Name of the optional step that makes models forecast the change from the latest known value.</summary>
    public const string DifferenceStep = "difference";

    /// <summary>Loads the frame of <paramref name="spec"/> from its table, or from <paramref name="table"/> (prediction).</summary>
    public FeatureFrame Load(PipelineSpec spec, string? table = null, bool forPrediction = false)
    {
        table ??= spec.Table;
        using var connection = database.Open();
        var available = TableInspector.Schema(connection, table).Select(c => c.Name).ToHashSet();
        var needed = spec.FeatureColumns.Select(c => c.Name).Concat(spec.TimeColumn is null ? [] : [spec.TimeColumn])
            .Concat(spec.Target is null || (forPrediction && spec.Task != PipelineTask.Forecasting) ? [] : [spec.Target]);
        var missing = needed.Where(n => !available.Contains(n)).ToList();
        if (missing.Count > 0)
            throw McpFlowException.Invalid($"Table '{table}' lacks column(s) the pipeline needs: {string.Join(", ", missing)}.",
                "Use a table with the same columns as the one the pipeline was generated on.");
        var hasTarget = spec.Target is not null && available.Contains(spec.Target);
        var order = spec.TimeColumn is null ? "rowid" : $"{SqlQuote.Id(spec.TimeColumn)}, rowid";
        var from = $"FROM {SqlQuote.Id(table)} ORDER BY {order}";
        var stats = new List<StepStats>();
        var numeric = new List<NumericColumn>();
        var watch = Stopwatch.StartNew();

        var inputs = spec.FeatureColumns.ToList();
        var selects = new List<string> { hasTarget ? SqlQuote.Id(spec.Target!) : "NULL" };
        selects.AddRange(inputs.Select(c => c.Encoding == "numeric" ? $"{SqlQuote.Id(c.Name)}::DOUBLE" : $"{SqlQuote.Id(c.Name)}::VARCHAR"));
        var raw = Read(connection, $"SELECT {string.Join(", ", selects)} {from}");
        var n = raw.Count;
        var target = raw.Select(r => r[0]).ToArray();
        var categorical = new List<CategoricalColumn>();
        for (var j = 0; j < inputs.Count; j++)
        {
            var index = j + 1;
            if (inputs[j].Encoding == "numeric")
                numeric.Add(new NumericColumn(inputs[j].Name, "input", raw.Select(r => r[index] is double d ? d : double.NaN).ToArray()));
            else
                categorical.Add(new CategoricalColumn(inputs[j].Name, inputs[j].Encoding, raw.Select(r => r[index] as string).ToArray()));
        }

        stats.Add(Stat("load", n, n, numeric.Count + categorical.Count, numeric, categorical, watch));
        if (spec.TimeColumn is not null && spec.Features.DateParts.Count > 0 && spec.IsEnabled("date_parts"))
            AddSqlStep("date_parts", spec.Features.DateParts.Select(p => SqlQuote.Keyword(p, SpecValidator.DateParts, "features.dateParts"))
                .Select(p => (p, $"date_part({SqlQuote.Literal(p)}, {SqlQuote.Id(spec.TimeColumn)})::DOUBLE")));
        var y = hasTarget ? $"{SqlQuote.Id(spec.Target!)}::DOUBLE" : "NULL::DOUBLE";
        var window = $"OVER (ORDER BY {order})";
        if (spec.Task == PipelineTask.Forecasting && spec.IsEnabled("lags"))
            AddSqlStep("lags", spec.Features.Lags.Select(k => ($"lag_{k}", $"lag({y}, {k}) {window}")));
        if (spec.Task == PipelineTask.Forecasting && spec.IsEnabled("rolling"))
        {
            AddSqlStep("rolling", spec.Features.RollingWindows.SelectMany(w =>
            {
                // Left-closed frame ending one horizon back: rows t-h-w+1 .. t-h, never t itself or later.
                var frame = $"OVER (ORDER BY {order} ROWS BETWEEN {w + spec.Horizon - 1} PRECEDING AND {spec.Horizon} PRECEDING)";
                return new[] { ($"rolling_mean_{w}", $"avg({y}) {frame}"), ($"rolling_std_{w}", $"stddev_samp({y}) {frame}") };
            }));
        }

        if (spec.Features.FourierPeriod is { } period && spec.Features.FourierOrder > 0 && spec.IsEnabled("fourier"))
        {
            watch.Restart();
            for (var k = 1; k <= spec.Features.FourierOrder; k++)
            {
                var kk = k;
                numeric.Add(new NumericColumn($"fourier_sin_{k}", "fourier", Enumerable.Range(0, n).Select(t => Math.Sin(2 * Math.PI * kk * t / period)).ToArray()));
                numeric.Add(new NumericColumn($"fourier_cos_{k}", "fourier", Enumerable.Range(0, n).Select(t => Math.Cos(2 * Math.PI * kk * t / period)).ToArray()));
            }

            stats.Add(Stat("fourier", n, n, 2 * spec.Features.FourierOrder, numeric, categorical, watch));
        }

        if (spec.Features.YearlyPeriod is { } year && spec.Features.YearlyOrder > 0 && spec.IsEnabled("yearly"))
        {
            watch.Restart();
            for (var k = 1; k <= spec.Features.YearlyOrder; k++)
            {
                var kk = k;
                numeric.Add(new NumericColumn($"yearly_sin_{k}", "yearly", Enumerable.Range(0, n).Select(t => Math.Sin(2 * Math.PI * kk * t / year)).ToArray()));
                numeric.Add(new NumericColumn($"yearly_cos_{k}", "yearly", Enumerable.Range(0, n).Select(t => Math.Cos(2 * Math.PI * kk * t / year)).ToArray()));
            }

            stats.Add(Stat("yearly", n, n, 2 * spec.Features.YearlyOrder, numeric, categorical, watch));
        }

        double[] naive = [], seasonal = [], history = [];
        var first = 0;
        if (spec.Task == PipelineTask.Forecasting)
        {
            history = target.Select(v => v is double d ? d : double.NaN).ToArray();
            naive = Column(connection, $"SELECT lag({y}, {spec.Horizon}) {window} {from}");
            if (spec.Features.FourierPeriod is { } m)
                seasonal = Column(connection, $"SELECT lag({y}, {m * (int)Math.Ceiling(spec.Horizon / (double)m)}) {window} {from}");
            first = spec.Features.Lags.Concat(spec.Features.RollingWindows.Select(w => w + spec.Horizon - 1)).DefaultIfEmpty(0).Max();
        }

        double[] bases = [];
        if (spec.Task == PipelineTask.Forecasting && spec.Features.TargetTransform == TargetTransforms.Difference && spec.IsEnabled(DifferenceStep))
        {
            watch.Restart();
            // The latest known value at least d rows back (d >= horizon): the frame ends d rows before the row, never later.
            var d = Math.Max(spec.Horizon, spec.Features.DifferenceLag);
            bases = Column(connection, $"SELECT last_value({y} IGNORE NULLS) OVER (ORDER BY {order} ROWS BETWEEN UNBOUNDED PRECEDING AND {d} PRECEDING) {from}");
            RelativeToBase(numeric, bases);
            stats.Add(Stat(DifferenceStep, n, n, 0, numeric, categorical, watch));
        }

        watch.Restart();
        var keep = Enumerable.Range(0, n).Where(i => i >= first && (forPrediction || !hasTarget || target[i] is not null)).ToArray();
        var labels = Labels(spec, target, keep, forPrediction);
        var frame = new FeatureFrame
        {
            Rows = keep.Length,
            Numeric = numeric.Select(c => c with { Values = keep.Select(i => c.Values[i]).ToArray() }).ToList(),
            Categorical = categorical.Select(c => c with { Values = keep.Select(i => c.Values[i]).ToArray() }).ToList(),
            Target = keep.Select(i => target[i] is null ? double.NaN : ToDouble(target[i]!)).ToArray(),
            Labels = labels,
            Naive = naive.Length == 0 ? [] : keep.Select(i => naive[i]).ToArray(),
            SeasonalNaive = seasonal.Length == 0 ? [] : keep.Select(i => seasonal[i]).ToArray(),
            History = history,
            HistoryIndex = keep,
            Base = bases.Length == 0 ? [] : keep.Select(i => bases[i]).ToArray(),
            Stats = stats,
        };
        // Rows without a target, or (forecasting) without full lag history, are left out here.
        stats.Add(Stat("validate", n, keep.Length, 0, frame.Numeric.ToList(), frame.Categorical.ToList(), watch));
        return frame;

        void AddSqlStep(string step, IEnumerable<(string Name, string Expression)> columns)
        {
            watch.Restart();
            var list = columns.ToList();
            var rows = Read(connection, $"SELECT {string.Join(", ", list.Select(c => c.Expression))} {from}");
            for (var j = 0; j < list.Count; j++)
            {
                var index = j;
                numeric.Add(new NumericColumn(list[j].Name, step, rows.Select(r => r[index] is double d ? d : double.NaN).ToArray()));
            }

            stats.Add(Stat(step, n, n, list.Count, numeric, categorical, watch));
        }
    }

    /// <summary>
    /// With a differenced target, lags and rolling means become differences from the same base value, so every level
    /// feature is on the scale of the change being forecast (trees cannot extrapolate levels beyond the training range).
    /// </summary>
    private static void RelativeToBase(List<NumericColumn> numeric, double[] bases)
    {
        for (var j = 0; j < numeric.Count; j++)
        {
            var c = numeric[j];
            if (c.Step == "lags" || (c.Step == "rolling" && c.Name.StartsWith("rolling_mean_", StringComparison.Ordinal)))
                numeric[j] = c with { Values = c.Values.Select((v, i) => v - bases[i]).ToArray() };
        }
    }

    private static int[] Labels(PipelineSpec spec, object?[] target, int[] keep, bool forPrediction)
    {
        if (spec.Classes.Count == 0)
            return [];
        var index = spec.Classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return keep.Select(i =>
        {
            if (target[i] is null)
                return -1;
            var text = Convert.ToString(target[i], CultureInfo.InvariantCulture)!;
            if (index.TryGetValue(text, out var k))
                return k;
            return forPrediction ? -1 : throw McpFlowException.Invalid($"Target value '{text}' is not one of the spec's classes ({string.Join(", ", spec.Classes)}).",
                "The table changed since the spec was generated; call generate_pipeline again.");
        }).ToArray();
    }

    private static StepStats Stat(string step, int rowsIn, int rowsOut, int added, List<NumericColumn> numeric, List<CategoricalColumn> categorical, Stopwatch watch) =>
        new(step, rowsIn, rowsOut, added, numeric.Sum(c => (long)c.Values.Count(double.IsNaN)) + categorical.Sum(c => (long)c.Values.Count(v => v is null)), watch.Elapsed.TotalSeconds);

    private static double ToDouble(object value) => value switch
    {
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static double[] Column(DbConnection connection, string sql) =>
        Read(connection, sql).Select(r => r[0] is double d ? d : double.NaN).ToArray();

    private static List<object?[]> Read(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }
}
