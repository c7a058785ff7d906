using System.Globalization;
using McpFlow.Physics.Convergence;

// predict_convergence on recorded curves, held out by curve family (docs/benchmarks.md, "Convergence prediction").
// Protocol (EtaReplay): every curve is replayed over targets at 50-100% of its achieved improvement and seen fractions
// 10-70% of the steps to each target. Evaluation: leave one family out: the prior (weights and interval quantiles)
// is fitted on the other families only (its quantiles from leave-one-family-out residuals among them) and predicts
// the held-out family. Reported per seen fraction, for PINN and PyTorch curves apart, against a constant-ratio
// baseline fitted the same way. Last, the prior fitted on all curves, as C# to paste into EtaPrior.Fitted.
// Usage: dotnet run -c Release --project tools/bench/physics/EtaBench [-- <folder holding curves/ and curves-torch/>]
var root = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "../../../..");
var curves = new[] { "curves", "curves-torch" }.SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.csv"))
    .Order(StringComparer.Ordinal).ToList();
var cases = curves.SelectMany(f =>
{
    var (steps, losses, lrs) = EtaReplay.Read(f);
    return EtaReplay.Cases(Path.GetFileNameWithoutExtension(f), steps, losses, lrs);
}).ToList();
if (args.Length > 1)
{
    // A second argument: write the replayed cases (truth and raw features) as CSV for offline analysis.
    File.WriteAllLines(args[1], ["name,family,fraction,level,seen,actual,drop,loglog,loglinear,older,last,noise,dropsofar,schedule,recentdrop,recentdroperror",
        .. cases.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Name},{c.Family},{c.Fraction},{c.Level},{c.Seen},{c.Actual},{c.Features.Drop:R},{c.Features.LogLogSlope:R},{c.Features.LogLinearSlope:R},{c.Features.OlderSlope:R},{c.Features.LastSlope:R},{c.Features.Noise:R},{c.Features.DropSoFar:R},{c.Features.ScheduleAhead:R},{c.Features.RecentDrop:R},{c.Features.RecentDropError:R}"))]);
}

var families = cases.Select(c => c.Family).Distinct().Order(StringComparer.Ordinal).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{curves.Count} curves ({Path.GetFullPath(root)}), {cases.Select(c => c.Name).Distinct().Count()} with targets, {cases.Count} replayed cases, {families.Count} families: {string.Join(", ", families.Select(f => $"{f} ({cases.Where(c => c.Family == f).Select(c => c.Name).Distinct().Count()})"))}\n"));

// Held-out predictions: each family predicted by a prior fitted without it.
var results = new List<(EtaCase Case, EtaEstimate Estimate, EtaEstimate Constant)>();
foreach (var family in families)
{
    var training = cases.Where(c => c.Family != family).ToList();
    var prior = EtaPriorFit.Fit("without " + family, training);
    var constant = ConstantPrior(training);
    results.AddRange(cases.Where(c => c.Family == family).Select(c => (c, EtaEstimate.Of(prior, c.Features, c.Seen), EtaEstimate.Of(constant, c.Features, c.Seen))));
}

string Row(string label, IReadOnlyList<(EtaCase Case, EtaEstimate Estimate, EtaEstimate Constant)> rows) => rows.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
    $"| {label} | {rows.Count} | {Median(rows.Select(r => r.Estimate.Error(r.Case.Actual))):P1} | {Quantile(rows.Select(r => r.Estimate.Error(r.Case.Actual)), 0.8):P1} | " +
    $"{rows.Count(r => r.Estimate.Covers(r.Case.Actual)) / (double)rows.Count:P0} | {rows.Count(r => r.Estimate.Steps is null && r.Case.Features.Stalled)} + {rows.Count(r => r.Estimate.Steps is null && !r.Case.Features.Stalled)} | {Median(rows.Select(r => r.Constant.Error(r.Case.Actual))):P1} | {rows.Count(r => r.Constant.Covers(r.Case.Actual)) / (double)rows.Count:P0} |");

foreach (var (kind, pick) in new (string, Func<EtaCase, bool>)[] { ("PINN curves (CurveRecorder)", c => !c.Family.StartsWith("torch-", StringComparison.Ordinal)), ("PyTorch curves (torch_curves.py)", c => c.Family.StartsWith("torch-", StringComparison.Ordinal)), ("all curves", _ => true) })
{
    var mine = results.Where(r => pick(r.Case)).ToList();
    Console.WriteLine($"## {kind}: {mine.Select(r => r.Case.Name).Distinct().Count()} curves, held out by family\n");
    Console.WriteLine("| seen fraction | cases | median error | 80th pct | 80% interval covers | no step: stalled + beyond 10× (all reached) | constant ratio: median error | constant: covers |\n|---|---|---|---|---|---|---|---|");
    foreach (var fraction in EtaReplay.Fractions)
        Console.WriteLine(Row(fraction.ToString("P0", CultureInfo.InvariantCulture), mine.Where(r => r.Case.Fraction == fraction).ToList()));
    Console.WriteLine(Row("20-50%", mine.Where(r => r.Case.Fraction is >= 0.2 and <= 0.5).ToList()));
    Console.WriteLine(Row("all", mine));
    Console.WriteLine(Row("30%, target = lowest level (issue's replay)", mine.Where(r => r.Case.Fraction == 0.3 && r.Case.Level == 1.0).ToList()));
    Console.WriteLine();
}

// A history given to predict_convergence carries no schedule: the PyTorch curves again, with their schedules hidden.
var hidden = curves.Where(f => Path.GetFileName(f).StartsWith("torch-", StringComparison.Ordinal)).SelectMany(f =>
{
    var (steps, losses, _) = EtaReplay.Read(f);
    return EtaReplay.Cases(Path.GetFileNameWithoutExtension(f), steps, losses);
}).ToList();
var unscheduled = new List<(EtaCase Case, EtaEstimate Estimate, EtaEstimate Constant)>();
foreach (var family in hidden.Select(c => c.Family).Distinct())
{
    var training = cases.Where(c => c.Family != family).ToList();
    var prior = EtaPriorFit.Fit("without " + family, training);
    var constant = ConstantPrior(training);
    unscheduled.AddRange(hidden.Where(c => c.Family == family).Select(c => (c, EtaEstimate.Of(prior, c.Features, c.Seen), EtaEstimate.Of(constant, c.Features, c.Seen))));
}

Console.WriteLine("## PyTorch curves without their schedule (as a given loss history reaches the tool), held out by family\n");
Console.WriteLine("| seen fraction | cases | median error | 80th pct | 80% interval covers | no step: stalled + beyond 10× (all reached) | constant ratio: median error | constant: covers |\n|---|---|---|---|---|---|---|---|");
Console.WriteLine(Row("30%", unscheduled.Where(r => r.Case.Fraction == 0.3).ToList()));
Console.WriteLine(Row("20-50%", unscheduled.Where(r => r.Case.Fraction is >= 0.2 and <= 0.5).ToList()));
Console.WriteLine(Row("all", unscheduled));
Console.WriteLine(Row("30%, target = lowest level (issue's replay)", unscheduled.Where(r => r.Case.Fraction == 0.3 && r.Case.Level == 1.0).ToList()));
Console.WriteLine();

Console.WriteLine("Per held-out family, 30% seen:\n\n| family | cases | median error | covers |\n|---|---|---|---|");
foreach (var family in families)
{
    var rows = results.Where(r => r.Case.Family == family && r.Case.Fraction == 0.3).ToList();
    if (rows.Count > 0)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {family} | {rows.Count} | {Median(rows.Select(r => r.Estimate.Error(r.Case.Actual))):P1} | {rows.Count(r => r.Estimate.Covers(r.Case.Actual)) / (double)rows.Count:P0} |"));
}

var all = EtaPriorFit.Fit($"{cases.Select(c => c.Name).Distinct().Count()} recorded curves ({families.Count} families)", cases);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\nEtaPrior.Fitted (all curves): new(\"{all.Name}\", [{string.Join(", ", all.Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}], {all.Low:R}, {all.High:R})"));

static EtaPrior ConstantPrior(IReadOnlyList<EtaCase> training)
{
    // The "learn the constant" baseline: ln(T/S) = the training mean, interval from the training residuals' deciles.
    var mean = training.Average(c => c.LogRatio);
    var residuals = training.Select(c => c.LogRatio - mean).ToList();
    return new("constant", [mean, 0, 0, 0, 0, 0, 0, 0], Quantile(residuals, 0.1), Quantile(residuals, 0.9));
}

static double Median(IEnumerable<double> values) => Quantile(values, 0.5);
static double Quantile(IEnumerable<double> values, double q) => EtaPriorFit.Quantile(values, q);
