namespace McpFlow.Physics.Training;

/// <summary>
/// What a checkpoint holds (<c>checkpoint-&lt;step&gt;.json</c>, written last and atomically, after its files): the step
/// it was taken after, the step training continues with, the phase, the loss weights in force, and each file with its
/// SHA-256, so a checkpoint cut short by a killed process (a partial <c>.pt</c>, no manifest) is recognised and skipped.
/// </summary>
/// <param name="Step">The last completed step, e.g. 399 (the file name's step is this one, or the next when the
/// checkpoint was taken between phases or on a stop).</param>
/// <param name="NextStep">The step a resumed training starts with, e.g. 400.</param>
/// <param name="Phase">"adam" or "lbfgs".</param>
/// <param name="Model">The network's parameters (<c>checkpoint-&lt;step&gt;.pt</c>).</param>
/// <param name="Optimiser">Adam's state (moments, step counts) when taken during Adam; null in L-BFGS.</param>
/// <param name="Points">The interior collocation points (they change with residual-based resampling); null when not saved.</param>
/// <param name="Weights">The adaptive loss weights in force.</param>
public sealed record CheckpointManifest(
    long Step, long NextStep, string Phase, CheckpointFile Model, CheckpointFile? Optimiser, CheckpointFile? Points,
    IReadOnlyDictionary<string, double> Weights);
