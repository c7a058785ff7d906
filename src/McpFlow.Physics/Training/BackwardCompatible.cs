using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>
/// Backward-compatible time-marching of the L-BFGS phase (bc-PINN, Mattey and Ghosh 2022; the <c>lbfgs_memory</c>
/// setting λ): from the second L-BFGS window on, the times fitted in the windows before are no longer trained by the
/// residual. The network's values there, taken when the window moves (<see cref="PinnLoss.Remember"/>), are held by a term
/// λ·mean (u − u_remembered)² on as many uniform points as the interior set, and the interior points all lie in the part
/// of the window not fitted yet. Without it, fitting a later window moves the solution at earlier times (on Allen-Cahn
/// the error at t = 0.3 grew from 1.4e-3 to 1.2e-2 while windows up to t = 0.8 were fitted), and on an equation whose
/// interfaces drift with any residual that error is carried forward; with it each window's points are also all spent on
/// the new times.
/// </summary>
public static class BackwardCompatible
{
    /// <summary>The loss component's name.</summary>
    public const string Component = "memory";

    /// <summary>Largest λ accepted: past it the term's gradient swamps the residual's whatever its size.</summary>
    public const double MaxWeight = 1e6;

    /// <summary>True when the training has a memory term: λ &gt; 0, a time axis and a marched L-BFGS phase.</summary>
    public static bool Applies(PdeProblem problem, TrainingOptions options) =>
        options.LbfgsMemory > 0 && problem.Time is not null && options.LbfgsWindows > 1 && options.LbfgsSteps > 0;
}
