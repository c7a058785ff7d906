using System.Globalization;

namespace McpFlow.Physics.Convergence;

/// <summary>
/// The evaluation protocol of predict_convergence (docs/benchmarks.md, "Convergence prediction"): a finished curve is
/// replayed over a grid of targets and seen fractions, so the truth is not a fixed multiple of the steps seen.
/// Targets: <see cref="Levels"/> of the run's achieved improvement in smoothed log-loss, measured from the level at 10%
/// of the run (past the first transient) to the lowest level after it; the truth T is the first step at which the
/// smoothed loss reaches the target. Seen: the steps up to each of <see cref="Fractions"/>·T (at least 10 points).
/// </summary>
public static class EtaReplay
{
    /// <summary>Targets as shares of the achieved improvement.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Seen steps as shares of the steps to the target.</summary>
    public static IReadOnlyList<double> Fractions { get; } = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

    private const int MinPoints = 10;
    private const double MinImprovement = 0.1; // a run that lost under 10% of its loss after its first 10% has no targets

    /// <summary>The cases of one curve; <paramref name="learningRates"/> (one per step, may be null) is the known schedule.</summary>
    public static List<EtaCase> Cases(string name, IReadOnlyList<double> steps, IReadOnlyList<double> losses, IReadOnlyList<double>? learningRates = null,
        IReadOnlyList<double>? fractions = null)
    {
        var cases = new List<EtaCase>();
        var s = steps.ToArray();
        var raw = losses.Select(l => Math.Log(l)).ToArray();
        var smooth = ConvergencePredictor.Smooth(raw);
        var from = Array.FindIndex(s, v => v >= 0.1 * s[^1]);
        var lowest = smooth.Skip(from).Min();
        if (smooth[from] - lowest < MinImprovement)
            return cases;
        var schedule = learningRates is null ? null : Schedule(s, learningRates.ToArray());
        foreach (var level in Levels)
        {
            var goal = smooth[from] + level * (lowest - smooth[from]);
            var hit = Array.FindIndex(smooth, from, v => v <= goal + 1e-12);
            var actual = s[hit];
            foreach (var fraction in fractions ?? Fractions)
            {
                var count = s.Count(v => v <= fraction * actual);
                if (count < MinPoints || s[count - 1] >= actual || s[count - 1] <= 0)
                    continue;
                var seenRaw = raw.Take(count).ToArray();
                var features = EtaFeatures.Compute(s.Take(count).ToArray(), seenRaw, ConvergencePredictor.Smooth(seenRaw), Math.Exp(goal), schedule);
                if (features.Drop <= 0)
                    continue; // already below the target on the seen part's own smoothing
                cases.Add(new(name, FamilyOf(name), fraction, level, Math.Exp(goal), s[count - 1], actual, features));
            }
        }

        return cases;
    }

    /// <summary>The learning rate at step <c>x</c>: the logged value of the last record at or before it (the last beyond the end).</summary>
    public static Func<double, double> Schedule(double[] steps, double[] learningRates) => x =>
    {
        var i = Array.BinarySearch(steps, x);
        return learningRates[Math.Clamp(i >= 0 ? i : ~i - 1, 0, steps.Length - 1)];
    };

    /// <summary>The family a curve belongs to, from its file name: "torch-&lt;family&gt;-…" or the name's leading letters
    /// ("poisson2d-w16" → "poisson", "allen-cahn-periodic" → "allen").</summary>
    public static string FamilyOf(string name) => name.StartsWith("torch-", StringComparison.Ordinal)
        ? "torch-" + name.Split('-')[1]
        : new string(name.TakeWhile(char.IsLetter).ToArray());

    /// <summary>Reads a recorded curve: CSV "step,loss,seconds[,lr]" with a header (lr null when the column is absent).</summary>
    public static (List<double> Steps, List<double> Losses, List<double>? LearningRates) Read(string file)
    {
        var lines = File.ReadLines(file).ToList();
        var hasLr = lines[0].Split(',').Length >= 4;
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        double At(string[] r, int i) => double.Parse(r[i], CultureInfo.InvariantCulture);
        return (rows.Select(r => At(r, 0)).ToList(), rows.Select(r => At(r, 1)).ToList(), hasLr ? rows.Select(r => At(r, 3)).ToList() : null);
    }
}
