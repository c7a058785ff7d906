using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Prompts;

/// <summary>The "solve this PDE" prompt.</summary>
[McpServerPromptType]
public sealed class SolvePdePrompt
{
    /// <summary>Guides the assistant through analysis, training, prediction and validation.</summary>
    [McpServerPrompt(Name = "solve_pde", Title = "Solve a PDE with a PINN")]
    [Description("Guides solving a PDE end to end: write the spec, analyze, train with live loss, predict convergence, validate.")]
    public static string Solve(
        [Description("The problem in words, e.g. \"Poisson on the unit square with f = 2π² sin(πx) sin(πy) and u = 0 on the boundary\".")] string problem,
        [Description("Accuracy wanted, e.g. \"relative L2 below 1e-3\". Optional.")] string? accuracy = null) =>
        $"""
        Solve this PDE with McpFlow's physics tools: {problem}
        {(accuracy is null ? "" : $"Accuracy wanted: {accuracy}.")}
        1. Write the problem as a spec (preset or equation, coefficients, source, domain, boundary_conditions, initial_condition,
           exact_solution if known) and call analyze_pde_problem. Explain the classification and fix every [error] it reports
           before going on; mention [warning]s to the user.
        2. Call pinn_train (the plan is its default; put only what the user asks to change in settings), with wait_seconds about 20. Relay the
           progress (loss) while it runs. If it returns a job id, follow it with pinn_status (it shows loss components, gradient
           norm, plateau advice and a loss chart).
        3. Call predict_convergence with the run id and the target loss; report the predicted steps and seconds with the interval,
           or say plainly that the target will not be reached and what to change.
        4. When training has finished, call validate_solution and report residual, boundary/initial errors and the error against
           the exact or finite-difference reference, with the heatmaps, and each physics-aware check (symmetry, conservation,
           maximum principle) with its value and verdict, explaining a failure in plain words. Recommend a next step if the
           accuracy is not met. The training is a workbench run (its id is in pinn_train's result): offer to present it for approval.
        """;
}
