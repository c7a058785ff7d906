using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// Trains 1D heat u_t = u_xx on [0, 1] × [0, 1], u(x, 0) = sin(πx), u(0, t) = u(1, t) = 0 with the analyzer's full plan
// (4×32 tanh, hard boundary conditions, 2000 points, RAD resampling every 500, Adam 5000 at 1e-3 then L-BFGS 300) on
// 2 threads, and prints one JSON line: the loss at the end of Adam and at the end, and the relative L2 error on a 101 × 101
// grid against the exact solution e^(-π²t)·sin(πx). heat_peer.py is the same plan in plain PyTorch.
// Usage: HeatBench [seed] [threads]
var inv = CultureInfo.InvariantCulture;
var seed = args.Length > 0 ? int.Parse(args[0], inv) : 1234;
var threads = args.Length > 1 ? int.Parse(args[1], inv) : 2;
var problem = PdeSpecCompiler.Compile("""
    {"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
     "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],"exact_solution":"exp(-pi^2*t)*sin(pi*x)"}
    """);
var plan = PdeAnalyzer.Analyze(problem).Plan with { Seed = seed, LogEvery = 10 };

var points = new List<double[]>();
for (var i = 0; i <= 100; i++)
    for (var k = 0; k <= 100; k++)
        points.Add([i / 100.0, k / 100.0]);
var exact = points.Select(p => Math.Exp(-Math.PI * Math.PI * p[1]) * Math.Sin(Math.PI * p[0])).ToArray();

var root = Path.Combine(Path.GetTempPath(), $"heat-bench-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = threads } }), store);
var run = store.Create(problem, plan);
using var model = trainer.Train(run, (_, _) => { }, CancellationToken.None);
var u = PinnPredictor.Predict(model, points);
double num = 0, den = 0;
for (var k = 0; k < points.Count; k++)
{
    num += (u[k] - exact[k]) * (u[k] - exact[k]);
    den += exact[k] * exact[k];
}

var history = run.History();
var adamEnd = history.Last(r => r.Phase == "adam");
var lbfgs = Math.Max(0, (long)run.Final["steps"] - plan.AdamSteps); // iterations run (the history logs every 10th)
Console.WriteLine(string.Create(inv,
    $$"""{"side": "mcpflow", "seed": {{seed}}, "plan": "{{plan.Depth}}x{{plan.Width}} {{plan.InteriorPoints}} pts resample {{plan.ResampleEvery}} adam {{plan.AdamSteps}} lbfgs {{plan.LbfgsSteps}}", "adam_end_loss": {{adamEnd.Loss:G3}}, "final_loss": {{run.Final["loss"]:G3}}, "lbfgs_iterations": {{lbfgs}}, "relative_l2": {{Math.Sqrt(num / den):G3}}, "seconds": {{run.Final["seconds"]:F1}}, "message": {{JsonSerializer.Serialize(run.Message)}}}"""));
Directory.Delete(root, true);
