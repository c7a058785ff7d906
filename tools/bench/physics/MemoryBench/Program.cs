using System.Globalization;
using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

// Peak resident memory (VmHWM) of one PINN training configuration, next to the resident memory before training
// (runtime + libtorch loaded) and TrainingMemory's estimate. Run one configuration per process so peaks do not mix.
// Usage: MemoryBench problem depth width points adam_steps lbfgs_steps resample_every
//   problem: poisson1d | poisson2d | poisson3d | heat1d | burgers | wave1d
var inv = CultureInfo.InvariantCulture;
var specs = new Dictionary<string, string>
{
    ["poisson1d"] = """{"preset":"poisson","domain":{"x":[0,1]},"source":"pi^2*sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""",
    ["poisson2d"] = """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}""",
    ["poisson3d"] = """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},"source":"3*pi^2*sin(pi*x)*sin(pi*y)*sin(pi*z)","boundary_conditions":[{"where":"all","value":"0"}]}""",
    ["heat1d"] = """{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""",
    ["burgers"] = """{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}""",
    ["wave1d"] = """{"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0","boundary_conditions":[{"where":"x","type":"neumann","value":"0"}]}""",
};
int I(int k) => int.Parse(args[k], inv);
var problem = PdeSpecCompiler.Compile(specs[args[0]]);
var options = new TrainingOptions
{
    Depth = I(1), Width = I(2), InteriorPoints = I(3), AdamSteps = I(4), LbfgsSteps = I(5), ResampleEvery = I(6), LogEvery = 1, CheckpointEvery = 1_000_000,
};

var root = Path.Combine(Path.GetTempPath(), $"memory-bench-{Environment.ProcessId}");
var store = new PinnRunStore(new McpFlowWorkspace(root), TimeProvider.System);
var trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 2 } }), store);
using (trainer.Train(store.Create(problem, options with { Depth = 1, Width = 4, InteriorPoints = 16, AdamSteps = 2, LbfgsSteps = 0, ResampleEvery = 0 }), (_, _) => { }, CancellationToken.None)) { }
var before = Status("VmRSS");
using (trainer.Train(store.Create(problem, options), (_, _) => { }, CancellationToken.None)) { }
var peak = Status("VmHWM");
var estimate = TrainingMemory.Estimate(problem, options);
Console.WriteLine(string.Create(inv,
    $"{args[0]} {options.Depth}x{options.Width} points {options.InteriorPoints} adam {options.AdamSteps} lbfgs {options.LbfgsSteps} resample {options.ResampleEvery}: " +
    $"resident before {before / 1e6:F0} MB, peak {peak / 1e6:F0} MB, training {(peak - before) / 1e6:F0} MB; estimate {estimate.TrainingBytes / 1e6:F0} MB (+ runtime {estimate.RuntimeBytes / 1e6:F0} MB)"));
Directory.Delete(root, true);

static long Status(string key)
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
