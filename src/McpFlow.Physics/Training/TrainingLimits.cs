using McpFlow.Core.Errors;

namespace McpFlow.Physics.Training;

/// <summary>Refuses absurd settings before anything is allocated. Limits keep one run within a few GB of memory
/// and a few hours on a CPU; larger runs belong on a dedicated machine.</summary>
public static class TrainingLimits
{
    /// <summary>Most Fourier harmonics per axis: 32 resolve 32 half-periods per unit of the scaled input, beyond what a
    /// few thousand collocation points sample (about 10 points per wavelength).</summary>
    public const int MaxHarmonics = 32;

    /// <summary>Most causal time chunks: the paper uses 32 to 128; 1024 chunks of a few thousand points hold a handful of
    /// points each, so their losses are noise.</summary>
    public const int MaxCausalChunks = 1024;

    /// <summary>Throws an actionable error for out-of-range settings.</summary>
    public static void Validate(TrainingOptions o)
    {
        Check(o.Depth, 1, 12, "depth", "hidden layers");
        Check(o.Width, 2, 512, "width", "neurons per layer");
        Check(o.FourierFeatures, 0, MaxHarmonics, "fourier_features", "Fourier harmonics per input axis");
        Check(o.TimeWindows, 0, TimeMarching.MaxWindows, "time_windows", "time-marching windows");
        if (o.TimeWindows > 1 && o.TimeWindows > o.AdamSteps)
            throw McpFlowException.Invalid($"time_windows = {o.TimeWindows} needs at least as many adam_steps (it has {o.AdamSteps}): each window trains for adam_steps / time_windows steps. Raise adam_steps or lower time_windows.");
        Check(o.InteriorPoints, 10, 200_000, "interior_points", "interior collocation points");
        Check(o.BoundaryPoints, 1, 50_000, "boundary_points", "points per face");
        Check(o.InitialPoints, 1, 50_000, "initial_points", "points on the initial slice");
        Check(o.AdamSteps, 0, 1_000_000, "adam_steps", "Adam steps");
        Check(o.LbfgsSteps, 0, 100_000, "lbfgs_steps", "L-BFGS iterations");
        Check(o.LbfgsWindows, 0, TimeMarching.MaxWindows, "lbfgs_windows", "time-marching windows of the L-BFGS phase");
        if (o.LbfgsWindows > 1 && o.LbfgsWindows > o.LbfgsSteps)
            throw McpFlowException.Invalid($"lbfgs_windows = {o.LbfgsWindows} needs at least as many lbfgs_steps (it has {o.LbfgsSteps}): each window trains for lbfgs_steps / lbfgs_windows iterations. Raise lbfgs_steps or lower lbfgs_windows.");
        if (!(o.LbfgsMemory >= 0 && o.LbfgsMemory <= BackwardCompatible.MaxWeight))
            throw McpFlowException.Invalid($"lbfgs_memory must be between 0 (off) and {BackwardCompatible.MaxWeight:G3}; got {o.LbfgsMemory}. Typical: 100, as in the thin-interface Allen-Cahn plan.");
        if (o.LbfgsMemory > 0 && o.LbfgsWindows <= 1)
            throw McpFlowException.Invalid($"lbfgs_memory = {o.LbfgsMemory} holds the times fitted in earlier L-BFGS windows, so it needs lbfgs_windows ≥ 2 (it has {o.LbfgsWindows}). Set lbfgs_windows (e.g. 10) or leave lbfgs_memory at 0.");
        if (o.AdamSteps + o.LbfgsSteps == 0)
            throw McpFlowException.Invalid("adam_steps and lbfgs_steps are both 0; nothing would be trained.");
        if (!(o.LearningRate > 0 && o.LearningRate <= 1))
            throw McpFlowException.Invalid($"learning_rate must be in (0, 1]; got {o.LearningRate}. Typical: 1e-3.");
        if (o.Dtype is not ("float32" or "float64"))
            throw McpFlowException.Invalid($"dtype must be float32 or float64; got '{o.Dtype}'.");
        if (o.Activation is not ("tanh" or "sin" or "gelu"))
            throw McpFlowException.Invalid($"activation must be tanh, sin or gelu; got '{o.Activation}'.");
        if (o.TargetLoss is { } t && !(t > 0))
            throw McpFlowException.Invalid($"target_loss must be positive; got {t}.");
        Check(o.CausalChunks, 0, MaxCausalChunks, "causal_chunks", "causal time chunks (0 = off)");
        if (!(o.CausalEpsilon > 0 && o.CausalEpsilon <= 1e6))
            throw McpFlowException.Invalid($"causal_epsilon must be in (0, 1e6]; got {o.CausalEpsilon}. Typical: 1 for a residual loss of order 1, smaller for a larger one.");
        Check(o.LogEvery, 1, 100_000, "log_every", "steps between metric logs");
        Check(o.CheckpointEvery, 1, 1_000_000, "checkpoint_every", "steps between checkpoints");
        Check(o.ResampleEvery, 0, 1_000_000, "resample_every", "steps between resamplings");
        Check(o.LbfgsResampleEvery, 0, 1_000_000, "lbfgs_resample_every", "L-BFGS iterations between resamplings");
        if (o.MaxSeconds is < 0 or > 86_400 || double.IsNaN(o.MaxSeconds))
            throw McpFlowException.Invalid($"max_seconds must be between 0 (no limit) and 86400; got {o.MaxSeconds}.");
    }

    private static void Check(int value, int min, int max, string name, string what)
    {
        if (value < min || value > max)
            throw McpFlowException.Invalid($"{name} = {value} is out of range: {what} must be between {min} and {max}.");
    }
}
