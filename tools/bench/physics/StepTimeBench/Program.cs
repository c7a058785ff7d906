using System.Globalization;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// ms per Adam step of the production trainer (PinnTrainer) on the two cases of step_time.py, with adaptive weights
// and resampling off so that both sides do identical work per step: same network, points, loss terms and optimiser.
// Prints one JSON line per case, like the Python peer. Usage: StepTimeBench [steps]
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
const int Warmup = 30;
var cases = new (string Name, string Spec, TrainingOptions Options)[]
{
    ("poisson2d-3x32-2000pts", """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """, new() { Depth = 3, Width = 32, InteriorPoints = 2000 }),
    ("burgers-4x64-5000pts", """
        {"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)",
         "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
        """, new() { Depth = 4, Width = 64, InteriorPoints = 5000, HardBoundary = false, BoundaryPoints = 200, InitialPoints = 400 }),
};

var root = Path.Combine(Path.GetTempPath(), $"step-time-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 2 } }), store);
foreach (var (name, spec, options) in cases)
{
    var run = store.Create(PdeSpecCompiler.Compile(spec), options with
    {
        AdamSteps = Warmup + steps, LbfgsSteps = 0, AdaptiveWeights = false, ResampleEvery = 0, LogEvery = 1, CheckpointEvery = 1_000_000,
    });
    using (trainer.Train(run, (_, _) => { }, CancellationToken.None)) { }
    var h = run.History();
    var ms = 1000 * (h[^1].Seconds - h[Warmup].Seconds) / (h[^1].Step - h[Warmup].Step);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"case": "{{name}}", "ms_per_step": {{ms:F2}}, "steps": {{steps}}, "final_loss": {{h[^1].Loss:R}}}"""));
}

Directory.Delete(root, true);
