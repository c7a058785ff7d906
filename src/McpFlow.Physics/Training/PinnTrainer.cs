using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Physics.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// Trains a PINN: Adam (learning rate halved at 50% and 80% of the phase) then optional L-BFGS, adaptive loss weights
/// (gradient-norm balancing, Wang et al. 2023: λ_i = Σ_j‖∇L_j‖ / ‖∇L_i‖, smoothed), residual-based resampling,
/// checkpoints, early stop at a target loss, and a NaN guard that stops with an explanation.
/// </summary>
public sealed class PinnTrainer(TorchRuntime runtime, PinnRunStore store)
{
    private const int WeightUpdateEvery = 100;     // steps between weight re-balancing (costs one backward per term)
    private const double WeightSmoothing = 0.9;     // exponential moving average of the weights
    private const double LbfgsBlowUpFactor = 10;   // L-BFGS has no line search in TorchSharp: revert if loss grows 10×
    private const int LbfgsHistory = 50;

    /// <summary>Called every step with the latest record (progress, tracking).</summary>
    public delegate void StepObserver(StepRecord record, bool logged);

    /// <summary>Trains <paramref name="run"/>; returns the trained model (caller disposes).</summary>
    public PinnModel Train(PinnRun run, StepObserver observe, CancellationToken cancellationToken)
    {
        var device = runtime.Device;
        // OpenMP thread counts are per calling thread: apply the configured count on this (job) thread too.
        torch.set_num_threads(runtime.Status.Threads);
        var o = run.Options;
        var model = new PinnModel(run.Problem!, o, device);
        try
        {
            using var loss = new PinnLoss(model);
            var weights = loss.Components.ToDictionary(c => c, _ => 1.0, StringComparer.Ordinal);
            var parameters = model.Network.parameters().ToList();
            var clock = Stopwatch.StartNew();
            long step = 0;
            var stop = false;

            using (var adam = optim.Adam(parameters, o.LearningRate))
            {
                for (var i = 0; i < o.AdamSteps && !stop; i++, step++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var lr = o.LearningRate * (i >= 0.8 * o.AdamSteps ? 0.25 : i >= 0.5 * o.AdamSteps ? 0.5 : 1);
                    foreach (var group in adam.ParamGroups)
                        group.LearningRate = lr;
                    if (o.ResampleEvery > 0 && i > 0 && i % o.ResampleEvery == 0)
                        loss.Resample();
                    using var scope = NewDisposeScope();
                    var terms = loss.Compute();
                    if (o.AdaptiveWeights && terms.Count > 1 && i % WeightUpdateEvery == 0)
                        Rebalance(terms, parameters, weights);
                    adam.zero_grad();
                    var total = Total(terms, weights);
                    total.backward();
                    var record = Record(step, "adam", total, terms, weights, lr, parameters, clock);
                    Guard(record);
                    adam.step();
                    stop = Observe(run, record, observe, o, clock);
                    Checkpoint(model, run, step);
                }
            }

            if (o.LbfgsSteps > 0 && !stop)
                stop = Lbfgs(run, model, loss, weights, parameters, observe, clock, ref step, cancellationToken);
            model.Network.save(Path.Combine(run.Folder, "model.pt"));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private bool Lbfgs(PinnRun run, PinnModel model, PinnLoss loss, Dictionary<string, double> weights, List<Parameter> parameters,
        StepObserver observe, Stopwatch clock, ref long step, CancellationToken cancellationToken)
    {
        var o = run.Options;
        using var lbfgs = optim.LBFGS(parameters, 1, 1, null, 1e-12, 1e-15, LbfgsHistory);
        var best = double.PositiveInfinity;
        var bestState = parameters.Select(p => p.detach().clone()).ToList();
        try
        {
            for (var i = 0; i < o.LbfgsSteps; i++, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                StepRecord? record = null;
                var s = step;
                lbfgs.step(() =>
                {
                    lbfgs.zero_grad();
                    var terms = loss.Compute();
                    var total = Total(terms, weights);
                    total.backward();
                    record ??= Record(s, "lbfgs", total, terms, weights, 1, parameters, clock);
                    // The optimiser only reads the value (the gradients are already in the parameters). Handing it the
                    // loss itself leaked the loss's whole autograd graph on every iteration (~70 MB for the Burgers
                    // plan: 24 GB and an OOM kill after ~330 iterations), so it gets a graph-free copy.
                    return total.detach().clone();
                });
                if (!double.IsFinite(record!.Loss) || record.Loss > LbfgsBlowUpFactor * best)
                {
                    Restore(parameters, bestState);
                    run.Message = $"L-BFGS stopped at iteration {i} (loss {record.Loss:G3} vs best {best:G3}); the best parameters were restored.";
                    return false;
                }

                if (record.Loss < best)
                {
                    best = record.Loss;
                    using (no_grad())
                        for (var k = 0; k < parameters.Count; k++)
                            bestState[k].copy_(parameters[k]);
                }

                if (Observe(run, record, observe, o, clock))
                    return true;
                Checkpoint(model, run, step);
            }

            return false;
        }
        finally
        {
            foreach (var t in bestState)
                t.Dispose();
        }
    }

    private static void Restore(List<Parameter> parameters, List<Tensor> state)
    {
        using (no_grad())
            for (var k = 0; k < parameters.Count; k++)
                parameters[k].copy_(state[k]);
    }

    private static bool Observe(PinnRun run, StepRecord record, StepObserver observe, TrainingOptions o, Stopwatch clock)
    {
        var logged = record.Step % o.LogEvery == 0 || record.Step == run.PlannedSteps - 1;
        if (logged)
            run.Add(record);
        observe(record, logged);
        if (o.TargetLoss is { } target && record.Loss <= target)
        {
            run.Add(record);
            run.Message = $"Reached the target loss {target:G3} at step {record.Step}.";
            return true;
        }

        if (o.MaxSeconds > 0 && clock.Elapsed.TotalSeconds >= o.MaxSeconds)
        {
            run.Add(record);
            run.Message = $"Stopped at the time limit of {o.MaxSeconds:G4} s (step {record.Step}).";
            return true;
        }

        return false;
    }

    private void Checkpoint(PinnModel model, PinnRun run, long step)
    {
        if (step > 0 && step % run.Options.CheckpointEvery == 0)
        {
            model.Network.save(Path.Combine(run.Folder, $"checkpoint-{step:D7}.pt"));
            store.Save(run);
        }
    }

    private static Tensor Total(Dictionary<string, Tensor> terms, Dictionary<string, double> weights)
    {
        Tensor? total = null;
        foreach (var (name, term) in terms)
            total = total is null ? TorchScalars.Mul(term, weights[name]) : total + TorchScalars.Mul(term, weights[name]);
        return total!;
    }

    private static void Rebalance(Dictionary<string, Tensor> terms, List<Parameter> parameters, Dictionary<string, double> weights)
    {
        var norms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in terms)
        {
            var grads = autograd.grad([term], parameters.Cast<Tensor>().ToList(), null, retain_graph: true, create_graph: false, allow_unused: true);
            norms[name] = Math.Sqrt(grads.Where(g => g is not null && !g.IsInvalid).Sum(g => g.square().sum().ToDouble()));
        }

        var sum = norms.Values.Sum();
        foreach (var (name, norm) in norms)
        {
            if (norm <= 0 || !double.IsFinite(norm) || !double.IsFinite(sum))
                continue;
            weights[name] = WeightSmoothing * weights[name] + (1 - WeightSmoothing) * (sum / norm);
        }
    }

    private static StepRecord Record(long step, string phase, Tensor total, Dictionary<string, Tensor> terms, Dictionary<string, double> weights,
        double lr, List<Parameter> parameters, Stopwatch clock)
    {
        double gradNorm = 0;
        foreach (var p in parameters)
        {
            var g = p.grad;
            if (g is not null && !g.IsInvalid)
                gradNorm += g.square().sum().ToDouble();
        }

        return new StepRecord(step, phase, total.ToDouble(), terms.ToDictionary(t => t.Key, t => t.Value.ToDouble(), StringComparer.Ordinal),
            new Dictionary<string, double>(weights, StringComparer.Ordinal), lr, Math.Sqrt(gradNorm), clock.Elapsed.TotalSeconds);
    }

    private static void Guard(StepRecord record)
    {
        if (double.IsFinite(record.Loss))
            return;
        var bad = string.Join(", ", record.Components.Where(c => !double.IsFinite(c.Value)).Select(c => c.Key));
        throw McpFlowException.Invalid(
            $"The loss became {record.Loss} at step {record.Step} ({record.Phase}){(bad.Length > 0 ? $"; non-finite terms: {bad}" : "")}. Training stopped.",
            "Usual causes: a learning rate that is too high (try 1e-4), an expression that is undefined somewhere in the domain " +
            "(log or sqrt of a negative value, division by zero), or float32 overflow with large coefficients (use dtype float64 or rescale the problem).");
    }
}
