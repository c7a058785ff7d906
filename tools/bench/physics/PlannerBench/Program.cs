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
//        PlannerBench reference <case> <out.csv>: writes the points and values the errors are measured against (x,t,u), so
//        an independent solver can check them.
// A time-dependent case also prints the relative L2 error of each time slice and where the largest error is, and a
// finished run leaves its final model beside the log as planner-bench-<case>-<pid>.pt.
var inv = CultureInfo.InvariantCulture;
string? checkpoint = null;
string? referenceOut = null;
if (args.Length > 1 && args[0] == "evaluate")
{
    checkpoint = args[1];
    args = args[2..];
}
else if (args.Length > 2 && args[0] == "reference")
{
    referenceOut = args[2];
    args = args[1..2];
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

if (referenceOut is not null)
{
    File.WriteAllLines(referenceOut, points.Select((p, k) => string.Join(',', p.Append(exact[k]).Select(v => v.ToString("R", inv)))));
    Console.WriteLine($"{points.Count} reference points written to {referenceOut}");
    return;
}

var runtime = new TorchRuntime(new McpFlowOptions { Physics = { Threads = threads } });
if (checkpoint is not null)
{
    using var saved = new PinnModel(problem, plan, runtime.Device);
    saved.Network.load(checkpoint);
    var predicted = PinnPredictor.Predict(saved, points);
    var (l2, worst) = Errors(predicted);
    Console.WriteLine(string.Create(inv, $"{name}: {Path.GetFileName(checkpoint)}: relative L2 {l2:G3}, max error {worst:G3}"));
    PrintSlices(predicted);
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
var final = PinnPredictor.Predict(model, points);
var (relative, max) = Errors(final);
model.Network.save($"planner-bench-{name}-{Environment.ProcessId}.pt");
var history = run.History();
Console.WriteLine(string.Create(inv,
    $"{name}: {threads} thread(s); plan {JsonSerializer.Serialize(plan)}; steps {history[^1].Step + 1} in {history[^1].Seconds:F1} s; " +
    $"final loss {run.Final["loss"]:G3}; relative L2 {relative:G3}, max error {max:G3}; {run.Message}"));
PrintSlices(final);
Directory.Delete(root, true);

(double Relative, double Max) Errors(double[] u)
{
    var (relative, max, _) = ErrorsAt(u, Enumerable.Range(0, points.Count));
    return (relative, max);
}

// The relative L2 error and the largest error over the points with the given indices, and the index of the largest.
(double Relative, double Max, int At) ErrorsAt(double[] u, IEnumerable<int> indices)
{
    double num = 0, den = 0, worst = 0;
    var at = 0;
    foreach (var k in indices)
    {
        num += (u[k] - exact[k]) * (u[k] - exact[k]);
        den += exact[k] * exact[k];
        if (Math.Abs(u[k] - exact[k]) > worst)
            (worst, at) = (Math.Abs(u[k] - exact[k]), k);
    }

    return (Math.Sqrt(num / den), worst, at);
}

// The relative L2 error of every fifth time slice (points sharing a t) and where the largest error of the slice is:
// shows whether the error builds up with time and at which feature.
void PrintSlices(double[] u)
{
    var t = problem.Inputs.ToList().FindIndex(a => a.Name == 't');
    if (t < 0)
        return;
    foreach (var slice in Enumerable.Range(0, points.Count).GroupBy(k => points[k][t]).OrderBy(g => g.Key).Where((_, i) => i % 5 == 0))
    {
        var (relative, worst, at) = ErrorsAt(u, slice);
        Console.WriteLine(string.Create(inv, $"  t = {slice.Key:G3}: relative L2 {relative:G3}, max error {worst:G3} at ({string.Join(", ", points[at].Select(v => v.ToString("G3", inv)))}), u = {u[at]:G3} against {exact[at]:G3}"));
    }
}
