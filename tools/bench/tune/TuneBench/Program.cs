using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Storage;
using McpFlow.Core.Workspace;
using McpFlow.Experiments.Optimization;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tracking;
using McpFlow.Pipelines.Tuning;

// The McpFlow side of the pipeline_tune benchmark (tools/bench/tune/bench.py starts it; run from the repository root).
// A JSON-lines server on stdin/stdout over the example data sets, each with the spec generate_pipeline makes (5 folds,
// split seed fixed by the spec) and the trainer TRAINER:
//   {"op": "space", "dataset": d}                        -> {"space": [...], "metric": m, "maximize": b}
//   {"op": "eval", "dataset": d, "params": {...}}         -> {"value": v}  (null when the round failed)
//   {"op": "mcpflow", "dataset": d, "seed": s, "rounds": n} -> {"values": [...], "seconds": t}  (pipeline_tune's loop)
// Both methods score a setting with the same code (CrossValidator.Evaluate on the same folds), so only the optimiser differs.
const string Trainer = "lightgbm";
var data = Path.GetFullPath("examples/data");
var workspace = new McpFlowWorkspace(Path.Combine(Path.GetTempPath(), $"mcpflow-tune-bench-{Environment.ProcessId}"));
using var database = new DuckDbGateway(workspace, new McpFlow.Core.Files.FileAccessGuard([data, workspace.Root], workspace.Root));
var loader = new FeatureLoader(database);
var tuner = new HyperparameterTuner(loader, new RunLogger(new McpFlow.Core.Tracking.AbsentTrackingWriter(), TimeProvider.System),
    new TuneStore(workspace, TimeProvider.System), new BayesianTuningOptimizer(), TimeProvider.System);
var specs = new Dictionary<string, McpFlow.Pipelines.Specs.PipelineSpec>();
(string File, string Target, string Task)[] datasets = [("breast_cancer", "malignant", "binary"), ("diabetes", "progression", "regression"), ("wine", "cultivar", "multiclass")];
foreach (var d in datasets)
{
    using (var connection = database.Open())
    using (var command = connection.CreateCommand())
    {
        command.CommandText = $"CREATE OR REPLACE TABLE {d.File} AS SELECT * FROM read_csv_auto('{Path.Combine(data, d.File + ".csv")}')";
        command.ExecuteNonQuery();
    }

    specs[d.File] = new PipelineGenerator(new TableInspector(database)).Generate(new GenerateRequest(d.File, d.Target, d.Task, null, 1, 5));
}

var frames = specs.ToDictionary(s => s.Key, s => loader.Load(s.Value));
string? line;
while ((line = Console.ReadLine()) is not null)
{
    var request = JsonNode.Parse(line)!;
    var name = request["dataset"]!.GetValue<string>();
    var spec = specs[name];
    JsonObject answer;
    switch (request["op"]!.GetValue<string>())
    {
        case "space":
            answer = new JsonObject
            {
                ["space"] = JsonSerializer.SerializeToNode(TuneSpaces.For(Trainer, null), McpFlow.Core.Mcp.McpFlowJson.Options), ["metric"] = spec.PrimaryMetric, ["maximize"] = spec.Maximize,
            };
            break;
        case "eval":
            var parameters = request["params"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToJsonString().Trim('"'));
            var frame = frames[name];
            double? value;
            try
            {
                var scores = CrossValidator.Evaluate(spec, frame, CrossValidator.Folds(spec, frame), Trainer, Hyperparameters.Parse(Trainer, parameters), CancellationToken.None);
                var mean = scores.Mean[spec.PrimaryMetric];
                value = double.IsFinite(mean) ? mean : null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                value = null;
            }

            answer = new JsonObject { ["value"] = value };
            break;
        default:
            var watch = Stopwatch.StartNew();
            var state = tuner.Start(spec, Trainer, null, request["rounds"]!.GetValue<int>(), request["seed"]!.GetValue<int>(), "bench");
            var result = await tuner.RunAsync(state, null, (_, _, _) => { }, CancellationToken.None);
            answer = new JsonObject
            {
                ["values"] = new JsonArray(result.Rounds.Select(r => (JsonNode?)(r.Score is { } s ? JsonValue.Create(s) : null)).ToArray()),
                ["seconds"] = watch.Elapsed.TotalSeconds,
            };
            break;
    }

    Console.WriteLine(answer.ToJsonString());
}

Directory.Delete(workspace.Root, recursive: true);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done"));
