using McpFlow.Physics.Training.Optimisation;

namespace McpFlow.Physics.Training;

/// <summary>
/// The L-BFGS phase's optimiser with residual-based resampling (<see cref="TrainingOptions.LbfgsResampleEvery"/> N):
/// before iteration i of the phase (i &gt; 0 a multiple of N), the interior points are redrawn (<see cref="PinnLoss.Resample"/>)
/// and the optimiser is replaced by a fresh one, since curvature pairs measured on the old points describe another loss.
/// Adam's resampling stops with Adam, so without this the points are frozen before a sharp front has formed; on
/// Burgers ν = 0.01/π the last L-BFGS iterations lowered the residual on those points without moving the error at the shock.
/// The schedule depends on i alone, counted from the phase's start, so a training resumed from a checkpoint redraws at
/// the same iterations; resumed at a multiple of N it repeats the uninterrupted training exactly (the checkpoint holds the
/// points and sampler state the redraw starts from, and the uninterrupted training starts a fresh optimiser there too).
/// </summary>
internal sealed class LbfgsRestarts(PinnLoss loss, int every, Func<StrongWolfeLbfgs<StepRecord>> create) : IDisposable
{
    private StrongWolfeLbfgs<StepRecord> _optimiser = create();

    /// <summary>The optimiser of the current points.</summary>
    public StrongWolfeLbfgs<StepRecord> Optimiser => _optimiser;

    /// <summary>Whether the points are redrawn before L-BFGS iteration <paramref name="iteration"/> (counted from 0 at the
    /// phase's start) with a period of <paramref name="every"/> iterations (0 = never).</summary>
    public static bool IsDue(int iteration, int every) => every > 0 && iteration > 0 && iteration % every == 0;

    /// <summary>Redraws the points and restarts L-BFGS when due before <paramref name="iteration"/>; true when it did (the
    /// loss changed, so the caller forgets its best measurement).</summary>
    public bool Before(int iteration, CancellationToken cancellationToken)
    {
        if (!IsDue(iteration, every))
            return false;
        loss.Resample(cancellationToken);
        Restart();
        return true;
    }

    /// <summary>Replaces the optimiser by a fresh one (empty curvature history) for a loss that changed otherwise, e.g. a
    /// new time window of a marched L-BFGS phase (<see cref="TrainingOptions.LbfgsWindows"/>).</summary>
    public void Restart()
    {
        _optimiser.Dispose();
        _optimiser = create();
    }

    /// <inheritdoc />
    public void Dispose() => _optimiser.Dispose();
}
