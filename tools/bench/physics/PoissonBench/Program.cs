using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// Trains the analyzer's default plan for 2D Poisson (the walkthrough's spec) with a 60 s budget on 2 threads.
var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../../../examples/data/poisson_unit_square.json"));
var problem = PdeSpecCompiler.Compile(spec);
var plan = PdeAnalyzer.Analyze(problem).Plan with { MaxSeconds = 60 };
var root = Path.Combine(Path.GetTempPath(), $"poisson-bench-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 2 } }), store);
var run = store.Create(problem, plan);
using var model = trainer.Train(run, (_, _) => { }, CancellationToken.None);
var history = run.History();
var adam = history.Where(r => r.Phase == "adam").ToList();
var points = new List<double[]>();
for (var i = 0; i <= 100; i++)
    for (var j = 0; j <= 100; j++)
        points.Add([i / 100.0, j / 100.0]);
var u = PinnPredictor.Predict(model, points);
double num = 0, den = 0;
for (var k = 0; k < points.Count; k++)
{
    var e = Math.Sin(Math.PI * points[k][0]) * Math.Sin(Math.PI * points[k][1]);
    num += (u[k] - e) * (u[k] - e);
    den += e * e;
}

Console.WriteLine($"plan {plan.Depth}x{plan.Width} {plan.Activation}, {plan.InteriorPoints} points, Adam {plan.AdamSteps} + L-BFGS {plan.LbfgsSteps}; " +
                  $"steps {history[^1].Step + 1} in {history[^1].Seconds:F1} s; Adam {1000 * (adam[^1].Seconds - adam[0].Seconds) / Math.Max(1, adam[^1].Step - adam[0].Step):F1} ms/step; " +
                  $"relative L2 on a 101x101 grid {Math.Sqrt(num / den):G3}; {run.Message}");
Directory.Delete(root, true);
