using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using McpFlow.Physics.Validation;

// Trains Burgers ν = 0.01/π (the classic PINN benchmark of Raissi et al. 2019) with the analyzer's plan on 2 threads
// and reports the relative L2 error on a 256 × 101 grid against the Cole-Hopf solution; also checks the built-in
// finite-difference reference against the same exact solution.
// Usage: BurgersBench [max_seconds] [adam_steps] [lbfgs_steps] [threads] [settings JSON]
//   (0 = no limit / the plan's value; threads default 2; the JSON overrides the plan as pinn_train's settings do,
//   e.g. {"dtype":"float64","hard_initial":true}, and is applied first, so non-zero numeric arguments win)
//        BurgersBench evaluate <checkpoint.pt>... [-- settings JSON]: the errors of saved models of the plan (e.g. the
//   checkpoints of a run still going, in /tmp/burgers-bench-<pid>/physics/runs/*/), without training.
var inv = CultureInfo.InvariantCulture;
string[] checkpoints = [];
if (args.Length > 1 && args[0] == "evaluate")
{
    var split = Array.IndexOf(args, "--");
    checkpoints = split < 0 ? args[1..] : args[1..split];
    args = split < 0 ? [] : ["0", "0", "0", "1", .. args[(split + 1)..]];
}

const string Spec = """
    {"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)",
     "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
    """;
var problem = PdeSpecCompiler.Compile(Spec);
var nu = problem.Coefficients["nu"];
var plan = PdeAnalyzer.Analyze(problem).Plan;
if (args.Length > 4)
{
    using var doc = JsonDocument.Parse(args[4]);
    plan = TrainingSettings.Apply(plan, doc.RootElement.Clone());
}

int Arg(int i) => args.Length > i ? int.Parse(args[i], inv) : 0;
if (Arg(0) > 0) plan = plan with { MaxSeconds = Arg(0) };
if (Arg(1) > 0) plan = plan with { AdamSteps = Arg(1) };
if (Arg(2) > 0) plan = plan with { LbfgsSteps = Arg(2) };
var threads = Arg(3) > 0 ? Arg(3) : 2;

var xs = Enumerable.Range(0, 256).Select(i => -1 + 2.0 * i / 255).ToArray();
var ts = Enumerable.Range(0, 101).Select(k => k / 100.0).ToArray();
var points = xs.SelectMany(x => ts.Select(t => new[] { x, t })).ToList();
var exact = points.Select(p => ColeHopf.U(p[0], p[1], nu)).ToArray();

static (double RelL2, double Max) Errors(IReadOnlyList<double> u, IReadOnlyList<double> e)
{
    double num = 0, den = 0, max = 0;
    for (var k = 0; k < e.Count; k++)
    {
        num += (u[k] - e[k]) * (u[k] - e[k]);
        den += e[k] * e[k];
        max = Math.Max(max, Math.Abs(u[k] - e[k]));
    }

    return (Math.Sqrt(num / den), max);
}

if (checkpoints.Length > 0)
{
    var device = new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device;
    foreach (var file in checkpoints)
    {
        using var saved = new PinnModel(problem, plan, device);
        saved.Network.load(file);
        var (savedL2, savedMax) = Errors(PinnPredictor.Predict(saved, points), exact);
        Console.WriteLine(string.Create(inv, $"{Path.GetFileName(file)}: relative L2 vs Cole-Hopf on 256x101 {savedL2:G4}, max error {savedMax:G3}"));
    }

    return;
}

// The FD reference (validate_solution's fallback) against Cole-Hopf on its own nodes.
var reference = FdReferenceSolver.Solve(problem);
var refExact = reference.Points().Select(p => ColeHopf.U(p[0], p[1], nu)).ToArray();
var refValues = reference.Points().Select((_, k) => reference.Values[k / reference.Values.GetLength(1), k % reference.Values.GetLength(1)]).ToArray();
var (refL2, refMax) = Errors(refValues, refExact);
Console.WriteLine(string.Create(inv, $"FD reference ({reference.Method}): relative L2 {refL2:G3}, max error {refMax:G3}, own estimate {reference.ErrorEstimate:G3}"));

var root = Path.Combine(Path.GetTempPath(), $"burgers-bench-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = threads } }), store);
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
var history = run.History();
var (l2, max) = Errors(PinnPredictor.Predict(model, points), exact);
Console.WriteLine(string.Create(inv,
    $"{threads} thread(s); plan {plan.Depth}x{plan.Width} {plan.Activation} {plan.Dtype}, hard initial {plan.HardInitial}, {plan.InteriorPoints} points, resample every {plan.ResampleEvery}, Adam {plan.AdamSteps} + L-BFGS {plan.LbfgsSteps}; " +
    $"steps {history[^1].Step + 1} in {history[^1].Seconds:F1} s; final loss {history[^1].Loss:G3}; relative L2 vs Cole-Hopf on 256x101 {l2:G3}, max error {max:G3}; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; {run.Message}"));
Directory.Delete(root, true);
