using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Training.Optimisation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>
/// Trains a PINN: Adam (learning rate halved at 50% and 80% of the phase) then optional L-BFGS with a strong-Wolfe line
/// search (<see cref="StrongWolfeLbfgs{T}"/>), bounded adaptive loss weights (<see cref="LossWeights"/>), residual-based
/// resampling (in Adam, and in L-BFGS with restarts: <see cref="LbfgsRestarts"/>), checkpoints, early stop at a target
/// loss, and a NaN guard that stops with an explanation. The model it returns and saves is the one with the lowest
/// measured loss (<see cref="BestParameters"/>), and run.Final reports that measurement, so the final loss is always the
/// saved model's. Cancellation and failures save the best model so far as a checkpoint, with the history.
/// </summary>
public sealed class PinnTrainer(TorchRuntime runtime, PinnRunStore store)
{
    private const int WeightUpdateEvery = 100; // steps between weight re-balancing (costs one backward per term)
    private const double CausalReached = 0.99; // Wang, Sankaran and Perdikaris stop a causal stage once every weight exceeds 0.99
    private const int LbfgsHistory = 50;       // curvature pairs kept (PyTorch's default is 100; 50 halves the memory)

    /// <summary>Called every step with the latest record (progress, tracking).</summary>
    public delegate void StepObserver(StepRecord record, bool logged);

    /// <summary>Trains <paramref name="run"/>; returns the trained model (caller disposes). With <paramref name="resume"/>
    /// (a checkpoint of this run, <see cref="CheckpointResume"/>) it continues from that checkpoint's next step with its
    /// parameters, Adam state, loss weights and points instead of starting at step 0.</summary>
    public PinnModel Train(PinnRun run, StepObserver observe, CancellationToken cancellationToken, CheckpointManifest? resume = null)
    {
        // OpenMP thread counts are per calling thread: apply the configured count on this (job) thread too.
        torch.set_num_threads(runtime.Status.Threads);
        var model = new PinnModel(run.Problem!, run.Options, runtime.Device);
        try
        {
            using var loss = new PinnLoss(model);
            var weights = new LossWeights(loss.Components);
            if (resume is not null)
                Restore(run, model, loss, weights, resume);
            var parameters = model.Network.parameters().ToList();
            using var best = new BestParameters(parameters);
            var clock = Stopwatch.StartNew();
            var session = new Session(run, model, loss, weights, parameters, best, observe, clock,
                new CheckpointWriter(store, run, model, loss, weights, clock), resume, cancellationToken);
            session.Run();
            model.Network.save(Path.Combine(run.Folder, "model.pt"));
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // The checkpoint's parameters and points; its Adam state is loaded when Adam starts.
    private static void Restore(PinnRun run, PinnModel model, PinnLoss loss, LossWeights weights, CheckpointManifest resume)
    {
        model.Network.load(Path.Combine(run.Folder, resume.Model.Name));
        weights.Restore(resume.Weights);
        if (resume.Points is { } points)
        {
            loss.LoadInterior(Path.Combine(run.Folder, points.Name));
            loss.RestoreWindow(TimeMarching.Horizon(resume.Step, run.Options));
        }
    }

    private sealed class Session(PinnRun run, PinnModel model, PinnLoss loss, LossWeights weights, List<Parameter> parameters,
        BestParameters best, StepObserver observe, Stopwatch clock, CheckpointWriter checkpoints, CheckpointManifest? resume, CancellationToken ct)
    {
        private readonly TrainingOptions _o = run.Options;
        private long _step = resume?.NextStep ?? 0;
        private StepRecord? _last;

        public void Run()
        {
            try
            {
                var inAdam = _step < _o.AdamSteps;
                var stop = inAdam && Adam();
                if (inAdam)
                {
                    // The last Adam step moved the parameters after their loss was measured: measure them, keep the best.
                    best.Offer(Measure("adam", _last?.LearningRate ?? _o.LearningRate));
                    best.Restore();
                    ReportCausal();
                    checkpoints.Write(_step, _step);
                }

                if (_o.LbfgsSteps > 0 && !stop)
                    Lbfgs();
                Finish();
            }
            catch (Exception ex) when (ex is OperationCanceledException or McpFlowException)
            {
                // Keep a model and the history: the best parameters measured so far, or the current ones.
                var restored = best.Restore();
                var file = checkpoints.Write(_step, _step);
                var what = restored ? $"The best model so far (loss {best.Record!.Loss:G3} at step {best.Record.Step})" : "The current model";
                run.Message = $"{what} was saved as {file}; the history is kept.";
                checkpoints.SaveRun();
                throw;
            }
        }

        private bool Adam()
        {
            using var adam = optim.Adam(parameters, _o.LearningRate);
            if (resume is { Phase: "adam", Optimiser: { } state })
                adam.load_state_dict(Path.Combine(run.Folder, state.Name));
            checkpoints.Adam = adam;
            try
            {
                return AdamSteps(adam);
            }
            finally
            {
                checkpoints.Adam = null; // disposed with this method: later checkpoints hold no Adam state
            }
        }

        private bool AdamSteps(TorchSharp.Modules.Adam adam)
        {
            for (var i = (int)_step; i < _o.AdamSteps; i++, _step++)
            {
                ct.ThrowIfCancellationRequested();
                var lr = _o.LearningRate * (i >= 0.8 * _o.AdamSteps ? 0.25 : i >= 0.5 * _o.AdamSteps ? 0.5 : 1);
                foreach (var group in adam.ParamGroups)
                    group.LearningRate = lr;
                if (TimeMarching.Horizon(i, _o) is var horizon && horizon != loss.TimeHorizon)
                {
                    loss.MoveWindow(horizon, _o.ResampleEvery > 0, ct);
                    best.Reset(); // a longer time window: a new loss
                }
                else if (_o.ResampleEvery > 0 && i > 0 && i % _o.ResampleEvery == 0)
                {
                    loss.Resample(ct);
                    best.Reset(); // new points: losses before and after are not comparable
                }

                using var scope = NewDisposeScope();
                var terms = loss.Compute();
                if (_o.AdaptiveWeights && terms.Count > 1 && i % WeightUpdateEvery == 0 && weights.Update(StepMeasurement.GradientNorms(terms, parameters)))
                    best.Reset(); // new weights: a new loss
                adam.zero_grad();
                var total = StepMeasurement.Total(terms, weights);
                total.backward();
                var record = StepMeasurement.Record(_step, "adam", total, terms, weights, lr, parameters, clock);
                StepMeasurement.Guard(record);
                best.Offer(record); // before adam.step(): the parameters the loss was measured at
                adam.step();
                _last = record;
                if (Observe(record))
                {
                    _step++;
                    return true;
                }

                checkpoints.Periodic(_step);
            }

            return false;
        }

        private void Lbfgs()
        {
            loss.CausalActive = false; // causal weights move with the loss: L-BFGS minimises the plain residual
            var current = _step;
            StepRecord Evaluate()
            {
                ct.ThrowIfCancellationRequested();
                var record = Measure("lbfgs", 1, current);
                best.Offer(record);
                return record;
            }

            using var lbfgs = new LbfgsRestarts(loss, _o.LbfgsResampleEvery,
                () => new StrongWolfeLbfgs<StepRecord>(parameters.Cast<Tensor>().ToList(), Evaluate, r => r.Loss, LbfgsHistory));
            var first = true;
            // Resumed in L-BFGS: the remaining iterations, with a fresh curvature history (it is not checkpointed).
            for (var i = (int)Math.Max(0, _step - _o.AdamSteps); i < _o.LbfgsSteps; i++)
            {
                ct.ThrowIfCancellationRequested();
                var horizon = model.Problem.Time is null ? 1 : TimeMarching.Horizon(_step, _o);
                // A window's first iteration (lbfgs_windows): the step before it trained on a shorter window.
                var windowStart = i > 0 && model.Problem.Time is not null && TimeMarching.Horizon(_step - 1, _o) != horizon;
                if (first || windowStart)
                {
                    // The phase's start (time-marching of the Adam phase ends with it) or a new window: one loss per
                    // window, a fresh curvature history. lbfgs_memory: the times fitted so far are remembered first, and
                    // the new window's points drawn above them (a resumed phase does this at a window's first iteration
                    // too; resumed inside a window, the checkpoint's points file brought the memory back).
                    if (windowStart && BackwardCompatible.Applies(model.Problem, _o))
                        loss.Remember(loss.TimeHorizon);
                    loss.MoveWindow(horizon, _o.ResampleEvery > 0, ct);
                    best.Reset();
                    if (!first)
                        lbfgs.Restart();
                    first = false;
                }

                // lbfgs_resample_every, on its own schedule (a resumed phase redraws at its first iteration when that is
                // due, as the uninterrupted one did), except at a window's first iteration: the move drew the window's points.
                if (!windowStart && lbfgs.Before(i, ct))
                    best.Reset(); // new points: losses before and after are not comparable

                current = _step;
                var iteration = lbfgs.Optimiser.Step();
                if (iteration.Evaluations == 0)
                {
                    if (NextWindow(ref i))
                        continue;
                    run.Message = $"L-BFGS stopped after {i} iteration(s): {iteration.Converged}.";
                    return;
                }

                var record = iteration.Accepted;
                _step++;
                if (!double.IsFinite(record.Loss))
                {
                    run.Message = $"L-BFGS stopped at iteration {i}: the loss is not finite; the best parameters were kept.";
                    return;
                }

                _last = record;
                if (Observe(record))
                    return;
                checkpoints.Periodic(_step - 1);
                if (iteration.Converged is { } why && !NextWindow(ref i))
                {
                    run.Message = $"L-BFGS stopped after {i + 1} iteration(s): {why}.";
                    return;
                }
            }
        }

        // A window of a marched L-BFGS phase that converged early hands over to the next: true (and the iteration
        // counter at the next window's start) when there is one (never without a time axis: there are no windows).
        private bool NextWindow(ref int iteration)
        {
            var next = TimeMarching.NextStageStart(iteration, _o.LbfgsSteps, _o.LbfgsWindows);
            if (model.Problem.Time is null || next >= _o.LbfgsSteps)
                return false;
            _step = _o.AdamSteps + next;
            iteration = (int)next - 1; // the loop's i++ brings it to the next window's first iteration
            return true;
        }

        // The smallest causal chunk weight at the end of Adam: near 1 when training reached the end of the time axis.
        private void ReportCausal()
        {
            if (loss.Causal is not { } causal)
                return;
            run.Final["causal_weight_min"] = causal.MinimumWeight;
            if (causal.MinimumWeight < CausalReached)
                run.Message = (run.Message is null ? "" : run.Message + " ") +
                              $"Causal training had not reached the end of the time axis when Adam ended (smallest chunk weight {causal.MinimumWeight:G3}); " +
                              "more adam_steps or a smaller causal_epsilon let the late chunks in.";
        }

        // The saved model is the best measured one; the final metrics are its measurement.
        private void Finish()
        {
            best.Restore();
            var final = best.Record ?? Measure(_last?.Phase ?? "adam", _last?.LearningRate ?? _o.LearningRate);
            StepMeasurement.Guard(final);
            if (_last is not null && !run.History().Any(r => r.Step == _last.Step))
                run.Add(_last);
            run.Final["loss"] = final.Loss;
            run.Final["steps"] = _step;
            run.Final["seconds"] = clock.Elapsed.TotalSeconds;
            foreach (var (name, value) in final.Components)
                run.Final[$"loss_{name}"] = value;
            if (_last is not null && final.Step < _last.Step)
                run.Message = (run.Message is null ? "" : run.Message + " ") +
                              $"The saved model is the best measured one, from step {final.Step} (loss {final.Loss:G3}; the last step measured {_last.Loss:G3}).";
        }

        // The loss and its gradient at the parameters the network holds now.
        private StepRecord Measure(string phase, double lr, long? step = null)
        {
            using var scope = NewDisposeScope();
            model.Network.zero_grad();
            var terms = loss.Compute();
            var total = StepMeasurement.Total(terms, weights);
            total.backward();
            return StepMeasurement.Record(step ?? _step, phase, total, terms, weights, lr, parameters, clock);
        }

        private bool Observe(StepRecord record)
        {
            var logged = record.Step % _o.LogEvery == 0 || record.Step == run.PlannedSteps - 1;
            if (logged)
                run.Add(record);
            observe(record, logged);
            if (_o.TargetLoss is { } target && record.Loss <= target)
            {
                if (!logged)
                    run.Add(record);
                run.Message = $"Reached the target loss {target:G3} at step {record.Step}.";
                return true;
            }

            if (_o.MaxSeconds > 0 && clock.Elapsed.TotalSeconds >= _o.MaxSeconds)
            {
                if (!logged)
                    run.Add(record);
                run.Message = $"Stopped at the time limit of {_o.MaxSeconds:G4} s (step {record.Step}).";
                return true;
            }

            return false;
        }
    }
}
