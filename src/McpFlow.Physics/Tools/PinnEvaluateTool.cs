using System.ComponentModel;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>pinn_evaluate</c>.</summary>
[McpServerToolType]
public sealed class PinnEvaluateTool(PinnRunStore store, PinnModelLoader loader)
{
    // u, residual and exact value per point, at most 25 characters each in JSON: 800 points stay under the default result
    // cap of 60,000 characters (SqlOptions.MaxCharacters), so the structured result is never cut. More points: call again.
    private const int MaxPoints = 800;

    /// <summary>Evaluates a trained model at points.</summary>
    [McpServerTool(Name = "pinn_evaluate", Title = "Evaluate a trained PINN", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Evaluates a PINN at points: u, residual and error.")]
    public CallToolResult Evaluate(
        [Description("PINN run or job id, e.g. \"pinn-20261123-103000-ab12\".")] string run_id,
        [Description("Points, e.g. [[0.5, 0.5]].")] double[][] points,
        CancellationToken cancellationToken = default)
    {
        var run = store.Get(run_id);
        if (points.Length == 0 || points.Length > MaxPoints)
            throw McpFlowException.Invalid($"Give between 1 and {MaxPoints} points; got {points.Length}.", $"Evaluate more points in calls of at most {MaxPoints}.");
        cancellationToken.ThrowIfCancellationRequested();
        var (model, file) = loader.Load(run);
        using (model)
        {
            var axes = model.Problem.Inputs;
            var names = string.Join(", ", axes.Select(a => a.Name));
            for (var i = 0; i < points.Length; i++)
            {
                if (points[i] is null || points[i].Length != axes.Count || points[i].Any(v => !double.IsFinite(v)))
                    throw McpFlowException.Invalid($"Point {i} must have {axes.Count} finite coordinates ({names}).");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var u = PinnPredictor.Predict(model, points, cancellationToken);
            var residual = PinnPredictor.Residual(model, points, cancellationToken);
            double[]? exact = null;
            if (model.Problem.Exact is not null)
            {
                var sampler = new PointSampler(model.Problem);
                var f = sampler.Compile(model.Problem.Exact);
                exact = points.Select(p => f(sampler.At(p))).ToArray();
            }

            var text = new StringBuilder($"Run {run.Id} ({Path.GetFileName(file)}) at {points.Length} point(s) ({names}):\n");
            for (var i = 0; i < Math.Min(points.Length, 20); i++)
                text.AppendLine($"- ({string.Join(", ", points[i].Select(v => v.ToString("G4")))}): u = {u[i]:G6}, residual {residual[i]:G3}" +
                                (exact is null ? "" : $", exact {exact[i]:G6}, error {u[i] - exact[i]:G3}"));
            if (points.Length > 20)
                text.AppendLine($"… {points.Length - 20} more in the structured result.");
            return ToolResults.Create(text.ToString().TrimEnd(), new { run_id = run.Id, model_file = file, axes = axes.Select(a => a.Name.ToString()), u, residual, exact });
        }
    }
}
