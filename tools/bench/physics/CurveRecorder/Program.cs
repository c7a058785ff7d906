using System.Globalization;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// Trains a fixed set of PINN problems × settings (Adam only, as predict_convergence sees a live job) and writes each
// loss history to <out>/<name>.csv ("step,loss,seconds,lr", logged every 10 steps; the first 22 curves were recorded without the lr column, added later from the trainer's schedule). EtaBench and the physics tests read
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
    // Session 10 (issue 14): more problems and settings, small networks (seconds to a minute each on one thread), so the
    // ETA prior can be fitted on some problem families and measured on others.
    ("poisson2d-w16-d2-lr3e-3", Poisson2D, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 21 }),
    ("poisson2d-w24-lr3e-4", Poisson2D, new() { Depth = 2, Width = 24, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 22 }),
    ("poisson2d-high-freq-w32-lr3e-3", Poisson2DHigh, new() { Depth = 3, Width = 32, InteriorPoints = 400, AdamSteps = 1500, LearningRate = 3e-3, Seed = 23 }),
    ("poisson2d-soft-w16-resample", Poisson2D, new() { HardBoundary = false, Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, ResampleEvery = 200, Seed = 24 }),
    ("poisson1d-3pi-w16-lr3e-3", Poisson1D, new() { Depth = 2, Width = 16, InteriorPoints = 200, AdamSteps = 1500, LearningRate = 3e-3, Seed = 25 }),
    ("poisson1d-3pi-w32-lr3e-4", Poisson1D, new() { Depth = 3, Width = 32, InteriorPoints = 200, AdamSteps = 1500, LearningRate = 3e-4, Seed = 26 }),
    ("poisson2d-neumann-w16", PoissonNeumann, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 27 }),
    ("helmholtz2d-k4-w16", Helmholtz2D, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 31 }),
    ("helmholtz2d-k4-w32-lr1e-3", Helmholtz2D, new() { Depth = 3, Width = 32, InteriorPoints = 400, AdamSteps = 1500, Seed = 32 }),
    ("helmholtz2d-k4-sin-act", Helmholtz2D, new() { Activation = "sin", Depth = 2, Width = 24, InteriorPoints = 300, AdamSteps = 1200, Seed = 33 }),
    ("helmholtz2d-k4-soft-lr3e-4", Helmholtz2D, new() { HardBoundary = false, Depth = 2, Width = 32, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 34 }),
    ("heat1d-w16-lr1e-2", Heat1D, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 1e-2, Seed = 41 }),
    ("heat1d-w24-lr1e-3", Heat1D, new() { Depth = 3, Width = 24, InteriorPoints = 300, AdamSteps = 1500, Seed = 42 }),
    ("heat1d-soft-lr3e-3", Heat1D, new() { HardBoundary = false, Depth = 3, Width = 24, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-3, Seed = 43 }),
    ("heat1d-fixed-weights-lr3e-4", Heat1D, new() { AdaptiveWeights = false, Depth = 2, Width = 32, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 44 }),
    ("burgers-nu0.05-w16-lr3e-3", Burgers, new() { Depth = 3, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 51 }),
    ("burgers-nu0.05-w24-lr1e-3", Burgers, new() { Depth = 3, Width = 24, InteriorPoints = 400, AdamSteps = 1500, Seed = 52 }),
    ("burgers-nu0.05-soft-lr3e-4", Burgers, new() { HardBoundary = false, Depth = 3, Width = 24, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 53 }),
    ("burgers-nu0.05-resample-w16", Burgers, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, ResampleEvery = 150, LearningRate = 3e-3, Seed = 54 }),
    ("advection-diffusion-w16-lr3e-3", Advection, new() { Depth = 3, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 61 }),
    ("advection-diffusion-w24-lr1e-3", Advection, new() { Depth = 3, Width = 24, InteriorPoints = 400, AdamSteps = 1500, Seed = 62 }),
    ("advection-diffusion-soft-lr3e-4", Advection, new() { HardBoundary = false, Depth = 2, Width = 32, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 63 }),
    ("advection-diffusion-sin-act", Advection, new() { Activation = "sin", Depth = 2, Width = 24, InteriorPoints = 300, AdamSteps = 1200, Seed = 64 }),
    ("wave1d-w16-lr3e-3", Wave, new() { Depth = 3, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 71 }),
    ("wave1d-w24-lr1e-3", Wave, new() { Depth = 3, Width = 24, InteriorPoints = 400, AdamSteps = 1500, Seed = 72 }),
    ("wave1d-soft-lr3e-4", Wave, new() { HardBoundary = false, Depth = 2, Width = 32, InteriorPoints = 300, AdamSteps = 1500, LearningRate = 3e-4, Seed = 73 }),
    ("wave1d-resample-lr1e-2", Wave, new() { Depth = 2, Width = 16, InteriorPoints = 300, AdamSteps = 1200, ResampleEvery = 200, LearningRate = 1e-2, Seed = 74 }),
    ("allen-cahn-periodic-w16-lr3e-3", AllenCahn, new() { Depth = 3, Width = 16, InteriorPoints = 300, AdamSteps = 1200, LearningRate = 3e-3, Seed = 81 }),
    ("allen-cahn-periodic-w24-lr1e-3", AllenCahn, new() { Depth = 3, Width = 24, InteriorPoints = 300, AdamSteps = 1500, Seed = 82 }),
    ("allen-cahn-periodic-sin-act", AllenCahn, new() { Activation = "sin", Depth = 2, Width = 24, InteriorPoints = 300, AdamSteps = 1200, Seed = 83 }),
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
    var lines = run.History().Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Step},{r.Loss:R},{r.Seconds:F3},{r.LearningRate:R}"));
    File.WriteAllLines(file, ["step,loss,seconds,lr", .. lines]);
    var h = run.History();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {h.Count} records, loss {h[0].Loss:G3} → {h[^1].Loss:G3} in {h[^1].Seconds:F1} s ({run.State})"));
}

Directory.Delete(root, true);
