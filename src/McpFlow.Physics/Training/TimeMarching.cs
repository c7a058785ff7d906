namespace McpFlow.Physics.Training;

/// <summary>
/// Time-marching with one network (the <c>time_windows</c> setting): the Adam phase is split into W equal stages, and in
/// stage k (k = 1..W) the interior collocation points lie in [t₀, t₀ + k·T/W] of the time interval [t₀, t₀ + T]. The
/// last stage uses the full interval, and so does the whole L-BFGS phase unless <c>lbfgs_windows</c> marches it too (its
/// iterations split into W' stages the same way, each window's points redrawn and a fresh curvature history, so each
/// window is fitted to a low residual before the next extends it). The network learns the early times first and carries
/// them forward as the window grows, as in Wight and Zhao (2020, adaptive time sampling) and Mattey and Ghosh (2022,
/// bc-PINN), without a second network, so a marched model saves, loads, evaluates and resumes like any other.
/// </summary>
public static class TimeMarching
{
    /// <summary>Most windows: beyond 100 a stage is shorter than the 100-step loss-weight update (at the planner's Adam
    /// steps), and the points are redrawn more often than they can be fitted.</summary>
    public const int MaxWindows = 100;

    /// <summary>The fraction of the time interval the interior points cover at <paramref name="step"/> (0-based): k/W in
    /// stage k of the Adam phase, 1 from the Adam phase's last stage on and when <paramref name="windows"/> ≤ 1.
    /// Example: 4 windows over 1000 Adam steps give 0.25 for steps 0-249, 0.5 for 250-499, 0.75 for 500-749 and 1 after.</summary>
    public static double Horizon(long step, int adamSteps, int windows)
    {
        if (windows <= 1 || step >= adamSteps || adamSteps <= 0)
            return 1;
        var stage = Math.Min(windows, 1 + (int)(step * windows / adamSteps));
        return stage == windows ? 1 : stage / (double)windows;
    }

    /// <summary>The first step of the stage after the one <paramref name="step"/> (0-based) lies in, when
    /// <paramref name="steps"/> steps are split into <paramref name="windows"/> stages as in <see cref="Horizon(long, int, int)"/>;
    /// <paramref name="steps"/> from the last stage on. Example: 3 windows over 10 steps start their stages at 0, 4 and 7.</summary>
    public static long NextStageStart(long step, int steps, int windows)
    {
        if (windows <= 1 || step >= steps || steps <= 0)
            return steps;
        var next = 1 + step * windows / steps;
        return next >= windows ? steps : (next * steps + windows - 1) / windows;
    }

    /// <summary>The horizon at a training's <paramref name="step"/>: Adam steps by <see cref="TrainingOptions.TimeWindows"/>,
    /// L-BFGS iterations (step − adam_steps) by <see cref="TrainingOptions.LbfgsWindows"/>.</summary>
    public static double Horizon(long step, TrainingOptions options) => step < options.AdamSteps
        ? Horizon(step, options.AdamSteps, options.TimeWindows)
        : Horizon(step - options.AdamSteps, options.LbfgsSteps, options.LbfgsWindows);
}
