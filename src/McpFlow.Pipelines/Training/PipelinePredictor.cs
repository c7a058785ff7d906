using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Pipelines.Explanations;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;

namespace McpFlow.Pipelines.Training;

/// <summary>Applies a saved pipeline (spec, preprocessing state, model) to a table and writes the predictions as a new table.</summary>
public sealed class PipelinePredictor(FeatureLoader loader, PipelineStore store, DuckDbGateway database)
{
    /// <summary>Predicts every scorable row of <paramref name="table"/> into <paramref name="outputTable"/> (default
    /// <c>&lt;table&gt;_predictions</c>); with <paramref name="contributions"/> &gt; 0, also each row's largest feature
    /// contributions (<see cref="ContributionCalculator"/>; default 0: none).</summary>
    public PredictionResult Predict(string modelId, string table, string? outputTable, CancellationToken cancellationToken = default, int contributions = 0)
    {
        if (contributions is < 0 or > ContributionCalculator.MaxTop)
            throw McpFlowException.Invalid($"contributions must be 0-{ContributionCalculator.MaxTop}.", "Pass e.g. contributions=3 for each row's three largest contributions.");
        var folder = store.ModelFolder(modelId);
        var spec = PipelineSpec.FromJson(File.ReadAllText(Path.Combine(folder, "pipeline_spec.json")));
        var info = JsonSerializer.Deserialize<SavedModelInfo>(File.ReadAllText(Path.Combine(folder, "model.json")), McpFlowJson.Options)!;
        var state = JsonSerializer.Deserialize<PreprocessorState>(File.ReadAllText(Path.Combine(folder, "preprocessor.json")), McpFlowJson.Options)!;
        var output = string.IsNullOrWhiteSpace(outputTable) ? $"{table}_predictions" : outputTable;
        if (output.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
            throw McpFlowException.Invalid($"Output table name '{output}' may only contain letters, digits and underscores.");
        cancellationToken.ThrowIfCancellationRequested();
        var frame = loader.Load(spec, table, forPrediction: true);
        if (frame.Rows == 0)
            throw McpFlowException.Invalid($"No row of '{table}' can be scored.", spec.Task == PipelineTask.Forecasting
                ? $"Forecasting needs at least {spec.Features.Lags.DefaultIfEmpty(0).Max() + 1} rows of history in the table before the rows to forecast."
                : "The table is empty.");
        var rows = Enumerable.Range(0, frame.Rows).ToArray();
        var x = new Preprocessor(state).Transform(frame, rows);
        var modelFile = Path.Combine(folder, info.ModelFile);
        var model = SavedModels.Load(spec, info.Trainer, modelFile, frame);
        if (info.Threshold is { } threshold)
            model = new ThresholdModel(model, threshold);
        cancellationToken.ThrowIfCancellationRequested();
        var prediction = model.Predict(new ModelInput(x, frame, rows));
        var explained = contributions > 0 ? ContributionCalculator.Compute(info.Trainer, model, new ModelInput(x, frame, rows), state, contributions) : null;
        // Last point to stop: the output table is replaced in one step.
        cancellationToken.ThrowIfCancellationRequested();
        Write(spec, table, output, frame, prediction);
        return new PredictionResult(modelId, table, output, frame.Rows, (int)(Count(table) - frame.Rows), Preview(output), Summary(spec, prediction))
        {
            Contributions = explained,
        };
    }

    private void Write(PipelineSpec spec, string table, string output, FeatureFrame frame, Prediction p)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var classification = spec.Classes.Count > 0 && p.Classes.Length > 0;
        command.CommandText = "CREATE OR REPLACE TEMP TABLE __pipeline_predictions (pos BIGINT, prediction " + (classification ? "VARCHAR, probability DOUBLE)" : "DOUBLE)");
        command.ExecuteNonQuery();
        using (var appender = connection.CreateAppender("__pipeline_predictions"))
        {
            for (var i = 0; i < frame.Rows; i++)
            {
                var row = appender.CreateRow().AppendValue((long)frame.HistoryIndex[i]);
                if (classification)
                {
                    var k = p.Classes[i];
                    row.AppendValue(spec.Classes[k]).AppendValue(p.Scores is null ? null : Probability(p.Scores[i], k)).EndRow();
                }
                else
                    row.AppendValue(p.Values[i]).EndRow();
            }
        }

        var order = spec.TimeColumn is null ? "rowid" : $"{SqlQuote.Id(spec.TimeColumn)}, rowid";
        // In team mode under the output table's lock, and published to the team's catalogue as its next version, so every
        // server and worker of the team can read it (single-user: no lock, nothing to publish).
        using var write = database.Catalogue?.BeginWrite(connection, [output]) ?? TableWrite.SingleUser();
        command.CommandText = $"CREATE OR REPLACE TABLE {SqlQuote.Id(output)} AS SELECT s.* EXCLUDE (__pos), p.* EXCLUDE (pos) FROM " +
            $"(SELECT *, row_number() OVER (ORDER BY {order}) - 1 AS __pos FROM {SqlQuote.Id(table)}) s JOIN __pipeline_predictions p ON p.pos = s.__pos ORDER BY s.__pos";
        command.ExecuteNonQuery();
        command.CommandText = "DROP TABLE __pipeline_predictions";
        command.ExecuteNonQuery();
        // Not cancellable from here: the local table is replaced, so the catalogue must hear of it.
        write.Publish(connection, output, "pipeline_predict", replacesContent: true, CancellationToken.None);
    }

    private static double? Probability(double[] scores, int k)
    {
        // Binary models give (-p, p); multiclass scores are per-class probabilities (or scores normalised here).
        if (scores.Length == 2 && scores[0] <= 0 && Math.Abs(scores[0] + scores[1]) < 1e-9)
            return k == 1 ? scores[1] : 1 - scores[1];
        var sum = scores.Where(s => s > 0).Sum();
        return sum > 0 ? Math.Max(0, scores[k]) / sum : null;
    }

    private long Count(string table)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SqlQuote.Id(table)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private List<IReadOnlyDictionary<string, object?>> Preview(string output)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {SqlQuote.Id(output)} LIMIT 10";
        using var reader = command.ExecuteReader();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i) is DateTime d ? d.ToString("o", CultureInfo.InvariantCulture) : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    private static Dictionary<string, double> Summary(PipelineSpec spec, Prediction p)
    {
        if (spec.Classes.Count > 0 && p.Classes.Length > 0)
            return p.Classes.GroupBy(c => spec.Classes[c]).ToDictionary(g => $"count_{g.Key}", g => (double)g.Count());
        return new Dictionary<string, double> { ["min"] = p.Values.Min(), ["mean"] = p.Values.Average(), ["max"] = p.Values.Max() };
    }
}
