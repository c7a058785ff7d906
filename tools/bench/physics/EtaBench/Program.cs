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
Console.WriteLine("## Synthetic curves with known answers\n");
Console.WriteLine("| curve | actual step | predicted | error | best family |\n|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\n{curves.Count} curves, 30% seen: median ETA error {Quantile(errors, 0.5):P1}, 80th percentile {Quantile(errors, 0.8):P1}; " +
    $"actual/predicted remaining steps: 10% quantile {Quantile(ratios, 0.1):F2}, 90% quantile {Quantile(ratios, 0.9):F2}; " +
    $"generic interval [{EtaCalibration.Generic.Low}, {EtaCalibration.Generic.High}] covers {ratios.Count(r => r >= EtaCalibration.Generic.Low && r <= EtaCalibration.Generic.High) / (double)ratios.Count:P0}."));

// Recorded PINN curves (tools/bench/physics/CurveRecorder): the calibration set of EtaCalibration.PinnAdam.
// 1. Uncorrected predictions (bias 1) give the calibration. 2. Leave-one-out: each curve is predicted with the
// calibration of the other curves, which is the honest error of the calibrated predictor on unseen runs.
var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "../../../../curves");
var recorded = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal)
    .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Curve: ConvergenceBacktest.ReadCurve(f)))
    .Select(c => (c.Name, c.Curve.Steps, c.Curve.Losses))
    .ToList();
var uncorrected = new EtaCalibration("none", 1, 1, 1);
var raw = recorded.Select(c => ConvergenceBacktest.Replay(c.Name, c.Steps, c.Losses, 0.3, uncorrected)).OfType<BacktestCase>().ToList();
var calibration = ConvergenceBacktest.Calibrate("recorded", raw);
var loo = recorded.Select((c, i) => ConvergenceBacktest.Replay(c.Name, c.Steps, c.Losses, 0.3,
    ConvergenceBacktest.Calibrate("others", raw.Where(r => r.Name != c.Name).ToList()))).OfType<BacktestCase>().ToList();
Console.WriteLine($"\n## {recorded.Count} recorded PINN curves ({Path.GetFullPath(folder)}), 30% seen, leave-one-out calibrated\n");
Console.WriteLine("| curve | target loss | actual step | seen | uncorrected | calibrated (LOO) | 80% interval | error | error on remaining | best family |\n|---|---|---|---|---|---|---|---|---|---|");
foreach (var (c, r) in loo.Zip(raw))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {c.Name} | {c.Target:G3} | {c.Actual:F0} | {c.Seen:F0} | {r.Predicted?.ToString("F0", CultureInfo.InvariantCulture) ?? "will not reach"} | {c.Predicted?.ToString("F0", CultureInfo.InvariantCulture) ?? "will not reach"} | {c.Low:F0}–{c.High:F0} | {c.Error:P1} | {c.RemainingError:P1} | {c.BestFamily} |"));

string Summary(List<BacktestCase> cases) => string.Create(CultureInfo.InvariantCulture,
    $"median ETA error {ConvergenceBacktest.Quantile(cases.Select(c => c.Error), 0.5):P1} (on the remaining steps {ConvergenceBacktest.Quantile(cases.Select(c => c.RemainingError), 0.5):P1}), " +
    $"80th percentile {ConvergenceBacktest.Quantile(cases.Select(c => c.Error), 0.8):P1}, \"will not reach\" said of {cases.Count(c => c.Predicted is null)} curve(s) that did reach, interval covers {cases.Count(c => c.Covered) / (double)cases.Count:P0}");
Console.WriteLine($"\nUncorrected: {Summary(raw)}.\nCalibrated, leave-one-out: {Summary(loo)}.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Calibration from all {raw.Count} curves (EtaCalibration.PinnAdam): bias {calibration.Bias:F2}, interval factors {calibration.Low:F2} / {calibration.High:F2}."));
