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
    [Description("Checks a trained PINN against the exact or a reference solution and physics laws; gives a verdict.")]
    public CallToolResult Validate([Description("PINN run or job id, e.g. \"pinn-20261123-103000-ab12\".")] string run_id,
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
