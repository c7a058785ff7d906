using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Physics.Engine;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>The loss arithmetic of a training step: the weighted total, the gradient norms that drive the adaptive
/// weights, the record of a step, and the guard that stops on a non-finite loss.</summary>
internal static class StepMeasurement
{
    /// <summary>Σ λ_i·L_i (the weights held as explicit Scalars, see <see cref="TorchScalars"/>).</summary>
    public static Tensor Total(Dictionary<string, Tensor> terms, LossWeights weights)
    {
        Tensor? total = null;
        foreach (var (name, term) in terms)
            total = total is null ? TorchScalars.Mul(term, weights[name]) : total + TorchScalars.Mul(term, weights[name]);
        return total!;
    }

    /// <summary>‖∇_θ L_i‖ of each term (one backward per term through the retained graph).</summary>
    public static Dictionary<string, double> GradientNorms(Dictionary<string, Tensor> terms, List<Parameter> parameters)
    {
        var norms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in terms)
        {
            var grads = autograd.grad([term], parameters.Cast<Tensor>().ToList(), null, retain_graph: true, create_graph: false, allow_unused: true);
            norms[name] = Math.Sqrt(grads.Where(g => g is not null && !g.IsInvalid).Sum(g => g.square().sum().ToDouble()));
        }

        return norms;
    }

    /// <summary>The record of a step measured at the parameters the network holds now (its gradient is in .grad).</summary>
    public static StepRecord Record(long step, string phase, Tensor total, Dictionary<string, Tensor> terms, LossWeights weights,
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
            new Dictionary<string, double>(weights.Values, StringComparer.Ordinal), lr, Math.Sqrt(gradNorm), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Throws an actionable error when the loss is not finite.</summary>
    public static void Guard(StepRecord record)
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
