using System.Globalization;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// Trains a fixed set of PINN problems × settings (Adam only, as predict_convergence sees a live job) and writes each
// loss history to <out>/<name>.csv ("step,loss,seconds", logged every 10 steps). EtaBench and the physics tests read
// these curves. One thread: only the step counts matter here, and OpenMP threads suffer most on a busy machine. Usage: dotnet run -c Release --project tools/bench/physics/CurveRecorder -- tools/bench/physics/curves
var output = Path.GetFullPath(args.Length > 0 ? args[0] : "curves");
Directory.CreateDirectory(output);

const string Poisson2D = """
    {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
     "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
    """;
const string Poisson2DHigh = """
    {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"8*pi^2*sin(2*pi*x)*sin(2*pi*y)",
     "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
    """;
const string Poisson1D = """
    {"preset":"poisson","domain":{"x":[0,1]},"source":"9*pi^2*sin(3*pi*x)",
     "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
    """;
const string PoissonNeumann = """
    {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"pi^2*cos(pi*x)*(1-y) + 0",
     "boundary_conditions":[{"where":"x","type":"neumann","value":"0"},{"where":"y","type":"dirichlet","value":"cos(pi*x)*(1-y)"}]}
    """;
const string Helmholtz2D = """
    {"preset":"helmholtz","coefficients":{"k":4},"domain":{"x":[-1,1],"y":[-1,1]},
     "source":"(16-2*pi^2)*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
    """;
const string Heat1D = """
    {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
     "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
    """;
const string Burgers = """
    {"preset":"burgers","coefficients":{"nu":0.05},"domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)",
     "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
    """;
const string Advection = """
    {"preset":"advection_diffusion","coefficients":{"a_x":1,"D":0.05},"domain":{"x":[0,2],"t":[0,1]},
     "initial_condition":"exp(-20*(x-0.5)^2)","boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
    """;
const string Wave = """
    {"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0",
     "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
    """;
const string AllenCahn = """
    {"preset":"allen_cahn","coefficients":{"d":0.001,"k":2},"domain":{"x":[-1,1],"t":[0,0.5]},
     "initial_condition":"x^2*cos(pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}
    """;

// (name, spec, settings): Adam only, learning-rate schedule and adaptive weights as in production.
var cases = new List<(string Name, string Spec, TrainingOptions Options)>
{
    ("poisson2d-w32-p2000", Poisson2D, new() { Width = 32, InteriorPoints = 800, AdamSteps = 1800 }),
    ("poisson2d-w16-p1000", Poisson2D, new() { Width = 16, InteriorPoints = 500, AdamSteps = 1800, Seed = 7 }),
    ("poisson2d-w64-lr3e-3", Poisson2D, new() { Width = 64, InteriorPoints = 500, AdamSteps = 1500, LearningRate = 3e-3 }),
    ("poisson2d-soft", Poisson2D, new() { HardBoundary = false, InteriorPoints = 500, AdamSteps = 1800 }),
    ("poisson2d-sin-act", Poisson2D, new() { Activation = "sin", InteriorPoints = 500, AdamSteps = 1500 }),
    ("poisson2d-float64", Poisson2D, new() { Dtype = "float64", InteriorPoints = 500, AdamSteps = 1500, Seed = 11 }),
    ("poisson2d-fixed-weights", Poisson2D, new() { HardBoundary = false, AdaptiveWeights = false, InteriorPoints = 500, AdamSteps = 1800 }),
    ("poisson2d-high-freq", Poisson2DHigh, new() { Width = 48, InteriorPoints = 800, AdamSteps = 2000 }),
    ("poisson1d-3pi", Poisson1D, new() { InteriorPoints = 300, AdamSteps = 2000 }),
    ("poisson1d-3pi-lr1e-2", Poisson1D, new() { InteriorPoints = 300, AdamSteps = 1500, LearningRate = 1e-2 }),
    ("poisson2d-neumann", PoissonNeumann, new() { InteriorPoints = 500, AdamSteps = 1800 }),
    ("helmholtz2d-k4", Helmholtz2D, new() { Width = 48, InteriorPoints = 800, AdamSteps = 1800 }),
    ("helmholtz2d-k4-depth2", Helmholtz2D, new() { Depth = 2, Width = 64, InteriorPoints = 500, AdamSteps = 1800 }),
    ("heat1d", Heat1D, new() { Depth = 4, Width = 32, InteriorPoints = 500, AdamSteps = 1800 }),
    ("heat1d-lr3e-3", Heat1D, new() { Depth = 3, Width = 32, InteriorPoints = 500, AdamSteps = 1500, LearningRate = 3e-3 }),
    ("burgers-nu0.05", Burgers, new() { Depth = 4, Width = 32, InteriorPoints = 800, AdamSteps = 2000 }),
    ("burgers-nu0.05-resample", Burgers, new() { Depth = 4, Width = 48, InteriorPoints = 500, AdamSteps = 2000, ResampleEvery = 250 }),
    ("advection-diffusion", Advection, new() { Depth = 4, Width = 32, InteriorPoints = 800, AdamSteps = 1800 }),
    ("wave1d", Wave, new() { Depth = 4, Width = 32, InteriorPoints = 500, AdamSteps = 2000 }),
    ("wave1d-w64", Wave, new() { Depth = 3, Width = 64, InteriorPoints = 500, AdamSteps = 1500, Seed = 5 }),
    ("allen-cahn-periodic", AllenCahn, new() { Depth = 4, Width = 32, InteriorPoints = 500, AdamSteps = 1800 }),
    ("allen-cahn-periodic-lr3e-4", AllenCahn, new() { Depth = 4, Width = 32, InteriorPoints = 500, AdamSteps = 2000, LearningRate = 3e-4 }),
};

var root = Path.Combine(Path.GetTempPath(), $"curve-recorder-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }), store);
foreach (var (name, spec, options) in cases)
{
    var file = Path.Combine(output, name + ".csv");
    if (File.Exists(file))
        continue; // resumable: delete a file to re-record it
    var run = store.Create(PdeSpecCompiler.Compile(spec), options with { LbfgsSteps = 0, LogEvery = 10, CheckpointEvery = 1_000_000 });
    using (trainer.Train(run, (_, _) => { }, CancellationToken.None)) { }
    var lines = run.History().Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Step},{r.Loss:R},{r.Seconds:F3}"));
    File.WriteAllLines(file, ["step,loss,seconds", .. lines]);
    var h = run.History();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {h.Count} records, loss {h[0].Loss:G3} → {h[^1].Loss:G3} in {h[^1].Seconds:F1} s ({run.State})"));
}

Directory.Delete(root, true);
