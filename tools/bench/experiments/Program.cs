using System.Diagnostics;
using System.Globalization;
using McpFlow.Bench.Experiments;
using McpFlow.Experiments.Optimization;

// Usage: dotnet run -c Release --project tools/bench/experiments [-- --seeds 20 --budget 30 --init 5]
// Sequential use of suggest_hyperparams' engine: a Latin hypercube of `init` points, then one BO suggestion per
// evaluation. Prints the median final regret per function (and per seed in JSON), then the time per suggestion at
// 100 and 500 observations.
// Held-out-style benchmark (a real scikit-learn model against Optuna TPE): --heldout [--task gb-breast-cancer|gbr-diabetes
// --reps 5 --budget 10 --cache FILE].
// Only the timing: --timing.
if (args.Contains("--heldout"))
{
    var cacheIndex = Array.IndexOf(args, "--cache");
    var taskIndex = Array.IndexOf(args, "--task");
    await HeldoutBench.RunAsync(taskIndex >= 0 && taskIndex + 1 < args.Length ? args[taskIndex + 1] : "gb-breast-cancer", Arg("--reps", 5), Arg("--budget", 10), cacheIndex >= 0 && cacheIndex + 1 < args.Length ? args[cacheIndex + 1] : null);
    return;
}

if (args.Contains("--timing"))
{
    Timing();
    return;
}

var seeds = Arg("--seeds", 20);
var budget = Arg("--budget", 30);
var init = Arg("--init", 5);
var results = new List<(string Function, int Seed, double Regret)>();
foreach (var f in TestFunction.All)
{
    var space = new SearchSpace(f.Low.Select((lo, i) => new ParameterSpec($"x{i}", ParameterKind.Float, lo, f.High[i], false, [], "bench")).ToList());
    for (var seed = 0; seed < seeds; seed++)
    {
        var rng = new Random(seed);
        var obs = LatinHypercube.Sample(init, space.Dimension, rng).Select(x => (x, Evaluate(f, x))).ToList();
        while (obs.Count < budget)
        {
            var s = BayesianOptimizer.Suggest(space, obs, maximize: false, 1, (seed * 1000) + obs.Count)[0];
            obs.Add((s.X, Evaluate(f, s.X)));
        }

        results.Add((f.Name, seed, obs.Min(o => o.Item2) - f.Minimum));
    }

    if (seeds == 0)
        continue;
    var regrets = results.Where(r => r.Function == f.Name).Select(r => r.Regret).Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mcpflow_bo {f.Name} median_regret {Median(regrets):G4}"));
}

File.WriteAllText("bo-results.csv", "function,seed,regret\n" + string.Join("\n", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Function},{r.Seed},{r.Regret:R}"))));
Timing();

// Time per suggestion (hartmann6, one suggestion, mean of 3) at 100 to 2,000 runs; issue 14 measured 16.7 s at 1,300.
void Timing()
{
    foreach (var n in new[] { 100, 500, 1300, 2000 })
    {
        var rng = new Random(n);
        var f = TestFunction.All[1];
        var space = new SearchSpace(f.Low.Select((lo, i) => new ParameterSpec($"x{i}", ParameterKind.Float, lo, f.High[i], false, [], "bench")).ToList());
        var obs = Enumerable.Range(0, n).Select(_ => space.Random(rng)).Select(x => (x, Evaluate(f, x))).ToList();
        var watch = Stopwatch.StartNew();
        const int repeats = 3;
        for (var i = 0; i < repeats; i++)
            BayesianOptimizer.Suggest(space, obs, false, 1, i);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mcpflow_bo time_per_suggestion n={n} hartmann6 {watch.Elapsed.TotalSeconds / repeats:F2} s"));
    }
}

static double Evaluate(TestFunction f, double[] unit) => f.F(unit.Select((u, i) => f.Low[i] + (u * (f.High[i] - f.Low[i]))).ToArray());

static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
