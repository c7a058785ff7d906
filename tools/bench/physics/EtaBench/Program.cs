using System.Globalization;
using McpFlow.Physics.Convergence;

// Learning curves with a known step at which they reach their target (the step where the noise-free curve crosses it).
// Each curve is observed for the first 30% of that step, with multiplicative noise, and predicted.
// Families mimic PINN training: exponential, power law, stretched exponential, two-rate (fast then slow) and a floor
// just below the target.
var random = new Random(42);
var curves = new List<(string Name, Func<double, double> Loss)>();
for (var k = 0; k < 6; k++)
{
    var a = 0.5 + random.NextDouble();
    var b = 0.001 + 0.004 * random.NextDouble();
    curves.Add(($"exp a={a:F2} b={b:F4}", s => a * Math.Exp(-b * s)));
    var p = 0.5 + random.NextDouble();
    curves.Add(($"power a={a:F2} p={p:F2}", s => a * Math.Pow(s + 1, -p)));
    var tau = 200 + 800 * random.NextDouble();
    var kk = 0.4 + 0.5 * random.NextDouble();
    curves.Add(($"stretched tau={tau:F0} k={kk:F2}", s => a * Math.Exp(-Math.Pow(s / tau, kk))));
    var b2 = b / 5;
    curves.Add(($"two-rate b={b:F4}", s => a * (0.9 * Math.Exp(-5 * b * s) + 0.1 * Math.Exp(-b2 * s))));
}

var errors = new List<double>();
var ratios = new List<double>();
var rows = new List<string>();
foreach (var (name, loss) in curves)
{
    var target = loss(0) * 1e-2;
    var actual = 0.0;
    while (loss(actual) > target && actual < 1e7) actual += 1;
    var seen = (int)(0.3 * actual);
    var steps = Enumerable.Range(0, seen).Select(i => (double)i).ToList();
    var losses = steps.Select(s => loss(s) * Math.Exp(0.05 * (random.NextDouble() * 2 - 1))).ToList();
    var prediction = ConvergencePredictor.Predict(steps, losses, target);
    var predicted = prediction.Steps ?? double.PositiveInfinity;
    var error = Math.Abs(predicted - actual) / actual;
    errors.Add(error);
    if (double.IsFinite(predicted) && predicted > seen)
        ratios.Add((actual - seen) / (predicted - seen));
    rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {actual:F0} | {predicted:F0} | {error:P1} | {prediction.Models[0].Family} |"));
}

double Quantile(List<double> v, double q) { var s = v.Order().ToList(); return s[(int)Math.Floor(q * (s.Count - 1))]; }
Console.WriteLine("| curve | actual step | predicted | error | best family |\n|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\n{curves.Count} curves, 30% seen: median ETA error {Quantile(errors, 0.5):P1}, 80th percentile {Quantile(errors, 0.8):P1}; " +
    $"actual/predicted remaining steps: 10% quantile {Quantile(ratios, 0.1):F2}, 90% quantile {Quantile(ratios, 0.9):F2}; " +
    $"interval [{ConvergencePredictor.IntervalLow}, {ConvergencePredictor.IntervalHigh}] covers {ratios.Count(r => r >= ConvergencePredictor.IntervalLow && r <= ConvergencePredictor.IntervalHigh) / (double)ratios.Count:P0}."));
