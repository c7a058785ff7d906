namespace McpFlow.Physics.Convergence;

/// <summary>
/// What <see cref="EtaPrior"/> sees of a loss history: dimensionless summaries of the seen window (all from the log-loss,
/// steps measured against the last step seen, S) that carry over between curve families. The vector
/// (<see cref="Vector"/>) is: 1, the logs of the log-log extrapolation of ln(T/S) and of the log-linear one, the log-log slope's change
/// from the older to the recent window and from the recent window to its last quarter, the noise relative to the drop
/// still to go, the drop still to go relative to the drop so far, and the known learning-rate schedule's mean log₂
/// ratio ahead (0 when unknown).
/// </summary>
/// <param name="Drop">ln(current smoothed loss / target): the log-loss still to lose (&gt; 0 when not reached).</param>
/// <param name="LogLogSlope">−d ln L / d ln s over the recent window (s ≥ S/2): positive while improving.</param>
/// <param name="LogLinearSlope">−d ln L / d(s/S) over the same window.</param>
/// <param name="OlderSlope">−d ln L / d ln s over S/4 ≤ s &lt; S/2 (the recent slope when too few points).</param>
/// <param name="LastSlope">−d ln L / d ln s over the last quarter (s ≥ 3S/4).</param>
/// <param name="Noise">Standard deviation of the raw log-loss about its smoothed curve over the recent window.</param>
/// <param name="DropSoFar">Smoothed log-loss lost from the first point to the last.</param>
/// <param name="ScheduleAhead">Mean log₂(lr(s)/lr(S)) over s in [S, 4S] log-spaced, from the known schedule (0 when none).</param>
/// <param name="RecentDrop">Log-loss lost over the recent window (s ≥ S/2) by the fitted log-log line.</param>
/// <param name="RecentDropError">Standard error of <paramref name="RecentDrop"/> (from the scatter about that line).</param>
public sealed record EtaFeatures(double Drop, double LogLogSlope, double LogLinearSlope, double OlderSlope, double LastSlope, double Noise,
    double DropSoFar, double ScheduleAhead, double RecentDrop, double RecentDropError)
{
    /// <summary>Number of entries of <see cref="Vector"/>.</summary>
    public const int Count = 8;

    private const double MaxLogRatio = 6; // e^6 ≈ 400× the steps seen: beyond anything the replay can check
    private const double MinSlope = 1e-9;
    private const double MaxCurvature = 4;

    /// <summary>The model's inputs (see the type's summary), each clipped to a range where it stays informative.</summary>
    public double[] Vector =>
    [
        1,
        Math.Clamp(Math.Log(Math.Clamp(Drop / Math.Max(LogLogSlope, MinSlope), 1e-3, 400)), -5, MaxLogRatio),
        Math.Clamp(Math.Log(Math.Clamp(Math.Log(1 + Drop / Math.Max(LogLinearSlope, MinSlope)), 1e-3, MaxLogRatio)), -5, 2),
        Curvature(LogLogSlope, OlderSlope),
        Curvature(LastSlope, LogLogSlope),
        Math.Clamp(Noise / Math.Max(Drop, 1e-9), 0, 2),
        Math.Clamp(Math.Log(Math.Max(Drop, 1e-9) / Math.Max(DropSoFar, 1e-9)), -6, 3),
        ScheduleAhead,
    ];

    /// <summary>True when the recent half of the seen steps still lowered the loss: the fitted log-log line over s ≥ S/2
    /// drops by more than 0.1%. A run still improving is never told "will not reach" (a stricter test against the noise,
    /// a drop beyond one standard error, said "will not reach" of 455 replayed PyTorch cases that did reach; EtaBench).</summary>
    public bool Improving => RecentDrop > MinDrop;

    /// <summary>True when the loss is flat or rising over the recent half and no learning-rate decay lies ahead in the known
    /// schedule: the only case told "will not reach".</summary>
    public bool Stalled => !Improving && !(ScheduleAhead < -0.01);

    private const double MinDrop = 1e-3; // 0.1% of the loss over the recent half: below it a float curve is flat

    /// <summary>Summarises a history: <paramref name="s"/> ascending steps, <paramref name="rawLog"/> the raw log-losses,
    /// <paramref name="smoothLog"/> the smoothed ones, <paramref name="learningRate"/> the known learning rate at a step
    /// (null when unknown).</summary>
    public static EtaFeatures Compute(double[] s, double[] rawLog, double[] smoothLog, double target, Func<double, double>? learningRate = null)
    {
        var last = Math.Max(s[^1], 1);
        var x = s.Select(v => Math.Log(Math.Max(v, 1))).ToArray();
        var recent = Window(s, last / 2, double.PositiveInfinity);
        var older = Window(s, last / 4, last / 2);
        var quarter = Window(s, 0.75 * last, double.PositiveInfinity);
        var (logLog, logLogError) = Slope(x, rawLog, recent);
        var (linear, _) = Slope(s.Select(v => v / last).ToArray(), rawLog, recent);
        var olderSlope = older.Length >= 3 ? Slope(x, rawLog, older).Slope : logLog;
        var lastSlope = quarter.Length >= 3 ? Slope(x, rawLog, quarter).Slope : logLog;
        var span = Math.Log(last / Math.Max(s[recent[0]], 1));
        var noise = Math.Sqrt(recent.Average(i => (rawLog[i] - smoothLog[i]) * (rawLog[i] - smoothLog[i])));
        return new(smoothLog[^1] - Math.Log(target), -logLog, -linear, -olderSlope, -lastSlope, noise, smoothLog[0] - smoothLog[^1],
            Ahead(learningRate, last), -logLog * span, logLogError * span);
    }

    private static double Curvature(double recent, double before) =>
        Math.Clamp(Math.Log(Math.Max(recent, 1e-6) / Math.Max(before, 1e-6)), -MaxCurvature, MaxCurvature);

    private static double Ahead(Func<double, double>? learningRate, double last)
    {
        if (learningRate is null || !(learningRate(last) > 0))
            return 0;
        const int points = 8;
        var now = learningRate(last);
        return Enumerable.Range(0, points).Average(k => Math.Log2(Math.Max(learningRate(last * Math.Pow(4, k / (points - 1.0))), 1e-300) / now));
    }

    private static int[] Window(double[] s, double from, double to)
    {
        var index = Enumerable.Range(0, s.Length).Where(i => s[i] >= from && s[i] < to).ToArray();
        return index.Length >= 3 ? index : Enumerable.Range(Math.Max(0, s.Length - 3), Math.Min(3, s.Length)).ToArray();
    }

    /// <summary>Least-squares slope of y on x over <paramref name="index"/> and its standard error.</summary>
    internal static (double Slope, double Error) Slope(double[] x, double[] y, int[] index)
    {
        double mx = index.Average(i => x[i]), my = index.Average(i => y[i]);
        double sxx = index.Sum(i => (x[i] - mx) * (x[i] - mx)), sxy = index.Sum(i => (x[i] - mx) * (y[i] - my));
        if (!(sxx > 0))
            return (0, double.PositiveInfinity);
        var slope = sxy / sxx;
        var rss = index.Sum(i => Math.Pow(y[i] - my - slope * (x[i] - mx), 2));
        return (slope, index.Length > 2 ? Math.Sqrt(rss / (index.Length - 2) / sxx) : double.PositiveInfinity);
    }
}
