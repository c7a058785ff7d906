using System.ComponentModel;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Training;
using McpFlow.Physics.Validation;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>validate_solution</c>.</summary>
[McpServerToolType]
public sealed class ValidateSolutionTool(PinnRunStore store, PinnModelLoader loader)
{
    /// <summary>Validates a trained PINN.</summary>
    [McpServerTool(Name = "validate_solution", Title = "Validate a PINN solution", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Checks a trained PINN: PDE residual on 2000 fresh random points, boundary and initial condition errors, and relative L2 and " +
                 "max error against the exact solution when the spec has one, otherwise against a built-in finite-difference reference " +
                 "(Poisson/Helmholtz 5/7-point stencils with a sparse solve; heat, Burgers, Allen-Cahn, advection-diffusion by Crank-Nicolson/ADI " +
                 "IMEX and wave by leapfrog; 1D-3D, Dirichlet, Neumann or periodic faces) whose own error is estimated by grid refinement. " +
                 "Physics-aware checks where they apply: even/odd reflection symmetry (detected from the equation and data), conservation of " +
                 "∫u dx (heat, advection-diffusion, Burgers with periodic or zero-flux faces), wave energy, and the maximum principle, each with " +
                 "value, tolerance and verdict; conservation is measured against the quantity the initial data fix. An overall verdict (pass, fail " +
                 "or uncertain) says pass only when the compared error, the condition errors and the checks are all within 1% of the solution's scale. " +
                 "Returns solution and error heatmaps (saved in the run folder). Cancelling the call stops the computation.")]
    public CallToolResult Validate([Description("PINN run id (pinn-yyyyMMdd-HHmmss-xxxx) or the id of the job that trained it (job-…), as pinn_train or pinn_list_runs return them; never a path, e.g. \"pinn-20261123-103000-ab12\".")] string run_id,
        CancellationToken cancellationToken)
    {
        var run = store.Get(run_id);
        var (model, file) = loader.Load(run);
        using (model)
        {
            var report = SolutionValidator.Validate(model, cancellationToken: cancellationToken);
            var charts = ValidationCharts.Render(report, run.Folder);
            var text = new StringBuilder($"Validation of run {run.Id} ({Path.GetFileName(file)}):\n");
            if (report.Verdict is { } verdict)
                text.AppendLine($"Verdict: {verdict.Outcome.ToUpperInvariant()} — {string.Join(" ", verdict.Reasons)}");
            text.AppendLine($"- PDE residual on {report.ResidualPoints} fresh points: RMS {report.ResidualRms:G3}, max {report.ResidualMax:G3}");
            foreach (var c in report.Conditions)
                text.AppendLine($"- {c.Condition}: RMS {c.Rms:G3}, max {c.Max:G3}" + (double.IsFinite(c.Relative) ? $" ({c.Relative:G2} of the solution's scale)" : ""));
            text.AppendLine($"- Compared with: {report.ComparedWith}");
            if (report.RelativeL2 is { } l2)
                text.AppendLine($"- Relative L2 error {l2:G3}, max error {report.MaxError:G3}");
            if (report.PhysicsChecks is { } physics)
                PhysicsChecksText.Append(text, physics);
            return ToolResults.Create(text.ToString().TrimEnd(), new { run_id = run.Id, report, charts = charts.Select(c => c.Path) },
                charts.Select(c => (ContentBlock)ToolResults.Png(c.Png)));
        }
    }
}
