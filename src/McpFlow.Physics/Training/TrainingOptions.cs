namespace McpFlow.Physics.Training;

/// <summary>PINN training settings. Defaults are the planner's choice for 2D Poisson on the unit square, which
/// reaches relative L2 ≈ 1e-3 in well under a minute on 2 CPU threads (see docs/physics.md, Benchmarks).</summary>
public sealed record TrainingOptions
{
    /// <summary>Hidden layers. Default 3.</summary>
    public int Depth { get; init; } = 3;

    /// <summary>Neurons per hidden layer. Default 32.</summary>
    public int Width { get; init; } = 32;

    /// <summary>tanh, sin or gelu. Default tanh (smooth, so second derivatives exist).</summary>
    public string Activation { get; init; } = "tanh";

    /// <summary>Enforce Dirichlet conditions exactly through a distance function when possible. Default true.</summary>
    public bool HardBoundary { get; init; } = true;

    /// <summary>Fourier harmonics per input axis fed to the network besides the inputs (sin and cos of kπx̂, k = 1..K, x̂
    /// the input scaled to [-1, 1]; a periodic axis enters through them only, exactly periodic). 0 = none. Default 0.</summary>
    public int FourierFeatures { get; init; }

    /// <summary>Build the initial condition into the ansatz (<see cref="Training.HardInitial"/>) when possible. Default
    /// false (runs saved before it existed load as they were trained); the planner turns it on for time-dependent problems.</summary>
    public bool HardInitial { get; init; }

    /// <summary>Time-marching windows over the Adam phase (<see cref="TimeMarching"/>): in the k-th of W equal stages the
    /// interior points cover the first k/W of the time interval; the last stage and L-BFGS cover all of it. 0 or 1 = off;
    /// ignored without a time axis. Default 0.</summary>
    public int TimeWindows { get; init; }

    /// <summary>Time-marching windows over the L-BFGS phase (<see cref="TimeMarching"/>): its iterations split into W equal
    /// stages, the k-th on the first k/W of the time interval, with the points redrawn and a fresh curvature history at
    /// each move; a window that converges early hands over to the next. 0 or 1 = off (L-BFGS on the whole interval);
    /// ignored without a time axis. Default 0.</summary>
    public int LbfgsWindows { get; init; }

    /// <summary>Backward-compatible marching of the L-BFGS phase (<see cref="BackwardCompatible"/>), the weight λ of its
    /// memory term: from the second <see cref="LbfgsWindows"/> window on, the interior points cover only the new part of
    /// the window and λ·mean (u − u_remembered)² holds the times fitted before to the values the network had when the
    /// window moved. 0 = off; needs lbfgs_windows ≥ 2 and a time axis. Default 0.</summary>
    public double LbfgsMemory { get; init; }

    /// <summary>Interior collocation points. Default 2000.</summary>
    public int InteriorPoints { get; init; } = 2000;

    /// <summary>Points per boundary face (soft conditions). Default 200.</summary>
    public int BoundaryPoints { get; init; } = 200;

    /// <summary>Points on the initial slice (time-dependent problems). Default 400.</summary>
    public int InitialPoints { get; init; } = 400;

    /// <summary>Adam steps. Default 2000.</summary>
    public int AdamSteps { get; init; } = 2000;

    /// <summary>Adam learning rate (decays ×0.5 every 40% of the Adam steps... see trainer). Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L-BFGS iterations after Adam (0 = none). Default 300.</summary>
    public int LbfgsSteps { get; init; } = 300;

    /// <summary>float32 or float64. Default float32.</summary>
    public string Dtype { get; init; } = "float32";

    /// <summary>Re-balance loss weights from gradient norms (Wang, Teng and Perdikaris 2021). Default true.</summary>
    public bool AdaptiveWeights { get; init; } = true;

    /// <summary>Residual-based resampling period in Adam steps (0 = fixed points). Default 500.</summary>
    public int ResampleEvery { get; init; } = 500;

    /// <summary>Residual-based resampling period in L-BFGS iterations (0 = the points stay fixed through L-BFGS): every N
    /// iterations, counted from the start of the L-BFGS phase, the interior points are redrawn and L-BFGS restarts with a
    /// fresh curvature history (<see cref="LbfgsRestarts"/>). Default 0.</summary>
    public int LbfgsResampleEvery { get; init; }

    /// <summary>Causal training (<see cref="CausalWeights"/>): time chunks M of the residual term during Adam (0 = off;
    /// ignored without a time axis; L-BFGS always minimises the plain residual). Default 0.</summary>
    public int CausalChunks { get; init; }

    /// <summary>Causal strength ε: chunk i's weight is exp(-ε·Σ_{k&lt;i} L_k). Default 1.</summary>
    public double CausalEpsilon { get; init; } = 1;

    /// <summary>Stop early when the total loss falls below this. Default none.</summary>
    public double? TargetLoss { get; init; }

    /// <summary>Log metrics every this many steps. Default 10.</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>Save a checkpoint every this many steps. Default 1000.</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>Random seed. Default 1234.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Wall-clock limit in seconds (0 = none). Default 0.</summary>
    public double MaxSeconds { get; init; }
}
