using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using McpFlow.Physics.Validation;

// Trains one of issue 14's held-out problems (Cases.cs) with the analyzer's plan and reports the relative L2 error
// against its closed form on a regular grid (101 nodes per axis in 1D/2D, 41 in 3D), or, without one, against the
// finite-difference reference on its nodes.
// Usage: PlannerBench <case> [threads] [settings JSON overriding the plan, e.g. {"adam_steps":500}]
//        PlannerBench evaluate <checkpoint.pt> <case> [threads] [settings JSON]: the error of a saved model (e.g. a
//        checkpoint of a run still going: one thread is deterministic, so the checkpoint after L-BFGS iteration n is the
//        model a run with lbfgs_steps = n would end with, L-BFGS accepting only decreasing steps).
var inv = CultureInfo.InvariantCulture;
string? checkpoint = null;
if (args.Length > 1 && args[0] == "evaluate")
{
    checkpoint = args[1];
    args = args[2..];
}

var name = args.Length > 0 ? args[0] : "wave";
var threads = args.Length > 1 ? int.Parse(args[1], inv) : 2;
var problem = PdeSpecCompiler.Compile(Cases.All[name]);
var analysis = PdeAnalyzer.Analyze(problem);
var plan = analysis.Plan;
if (args.Length > 2)
{
    using var doc = JsonDocument.Parse(args[2]);
    plan = TrainingSettings.Apply(plan, doc.RootElement.Clone());
}

foreach (var d in analysis.Difficulties)
    Console.WriteLine("difficulty: " + d);
var sampler = new PointSampler(problem);
var n = problem.Inputs.Count >= 3 ? 41 : 101;
var points = new List<double[]>();
void Grid(int axis, double[] prefix)
{
    if (axis == problem.Inputs.Count)
    {
        points.Add(prefix);
        return;
    }

    var a = problem.Inputs[axis];
    for (var i = 0; i < n; i++)
        Grid(axis + 1, [.. prefix, a.Min + a.Length * i / (n - 1)]);
}

Grid(0, []);
double[] exact;
if (problem.Exact is { } e)
{
    var exactF = sampler.Compile(e);
    exact = [.. points.Select(p => exactF(sampler.At(p)))];
}
else
{
    // No closed form: the finite-difference reference on its own nodes.
    var reference = FdReferenceSolver.Solve(problem);
    points = reference.Points();
    exact = [.. points.Select((_, k) => reference.Values[k / reference.Values.GetLength(1), k % reference.Values.GetLength(1)])];
    Console.WriteLine(string.Create(inv, $"reference: {reference.Method}, own error estimate {reference.ErrorEstimate:G3}"));
}

var runtime = new TorchRuntime(new McpFlowOptions { Physics = { Threads = threads } });
if (checkpoint is not null)
{
    using var saved = new PinnModel(problem, plan, runtime.Device);
    saved.Network.load(checkpoint);
    var (l2, worst) = Errors(PinnPredictor.Predict(saved, points));
    Console.WriteLine(string.Create(inv, $"{name}: {Path.GetFileName(checkpoint)}: relative L2 {l2:G3}, max error {worst:G3}"));
    return;
}

var root = Path.Combine(Path.GetTempPath(), $"planner-bench-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(runtime, store);
var run = store.Create(problem, plan);
var lastPrint = 0.0;
using var model = trainer.Train(run, (record, logged) =>
{
    if (logged && record.Seconds - lastPrint > 30)
    {
        lastPrint = record.Seconds;
        Console.WriteLine(string.Create(inv, $"  {record.Phase} step {record.Step}: loss {record.Loss:G3} at {record.Seconds:F0} s"));
    }
}, CancellationToken.None);
var (relative, max) = Errors(PinnPredictor.Predict(model, points));
var history = run.History();
Console.WriteLine(string.Create(inv,
    $"{name}: {threads} thread(s); plan {JsonSerializer.Serialize(plan)}; steps {history[^1].Step + 1} in {history[^1].Seconds:F1} s; " +
    $"final loss {run.Final["loss"]:G3}; relative L2 {relative:G3}, max error {max:G3}; {run.Message}"));
Directory.Delete(root, true);

(double Relative, double Max) Errors(double[] u)
{
    double num = 0, den = 0, worst = 0;
    for (var k = 0; k < points.Count; k++)
    {
        num += (u[k] - exact[k]) * (u[k] - exact[k]);
        den += exact[k] * exact[k];
        worst = Math.Max(worst, Math.Abs(u[k] - exact[k]));
    }

    return (Math.Sqrt(num / den), worst);
}
