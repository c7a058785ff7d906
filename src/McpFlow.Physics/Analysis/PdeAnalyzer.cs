using System.Text;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Classifies a problem, checks it, explains it and plans its training.</summary>
public static class PdeAnalyzer
{
    /// <summary>Analyses a compiled problem.</summary>
    public static PdeAnalysis Analyze(PdeProblem problem)
    {
        var classification = PdeClassifier.Classify(problem);
        var issues = WellPosednessChecker.Check(problem, classification);
        var (plan, reasons, difficulties, reliability) = TrainingPlanner.Plan(problem, classification);
        return new PdeAnalysis(problem.Display, problem.ResidualText + " = 0", classification, Explain(problem, classification),
            issues, issues.All(i => i.Severity != "error"), difficulties, plan, reasons, reliability);
    }

    /// <summary>The analysis as readable text.</summary>
    public static string ToMarkdown(PdeAnalysis a)
    {
        var text = new StringBuilder();
        text.AppendLine($"Equation: {a.Equation}  (residual form: {a.Residual})");
        var c = a.Classification;
        text.AppendLine($"Type: {c.Type}, {(c.Linear ? "linear" : "nonlinear")}, order {c.Order}" + (c.TimeOrder > 0 ? $" ({c.TimeOrder} in time)" : ""));
        text.AppendLine(a.Explanation);
        var warnings = a.Issues.Count(i => i.Severity == "warning");
        text.AppendLine(!a.WellPosed ? "\nWell-posedness: PROBLEMS — fix the errors before training."
            : warnings > 0 ? $"\nWell-posedness: no errors, {warnings} warning(s) to read below." : "\nWell-posedness: OK.");
        foreach (var issue in a.Issues)
            text.AppendLine($"- [{issue.Severity}] {issue.Message}");
        if (a.Difficulties.Count > 0)
        {
            text.AppendLine("\nDifficulties:");
            foreach (var d in a.Difficulties)
                text.AppendLine($"- {d}");
        }

        if (a.Reliability is { } outside)
            text.AppendLine($"\n{outside}");
        var p = a.Plan;
        text.AppendLine($"\nPlan: MLP {p.Depth}×{p.Width} {p.Activation}{(p.FourierFeatures > 0 ? $" on {p.FourierFeatures} Fourier harmonics per input" : "")}, " +
                        $"{(p.HardBoundary ? "hard" : "soft")} boundary conditions{(p.HardInitial ? ", hard initial condition" : "")}, " +
                        $"{p.InteriorPoints} interior points{(p.ResampleEvery > 0 ? $" (residual-based resampling every {p.ResampleEvery} steps)" : "")}, " +
                        $"Adam lr {p.LearningRate:G2} for {p.AdamSteps} steps{(p.TimeWindows > 1 ? $" on a time window growing in {p.TimeWindows} stages" : "")} then L-BFGS {p.LbfgsSteps} iterations{(p.LbfgsWindows > 1 ? $" on a time window growing in {p.LbfgsWindows} stages" : "")}, {p.Dtype}.");
        foreach (var r in a.PlanReasons)
            text.AppendLine($"- {r}");
        return text.ToString().TrimEnd();
    }

    private static string Explain(PdeProblem problem, PdeClassification c)
    {
        var dims = problem.Space.Count;
        var where = string.Join(" × ", problem.Space.Select(a => $"{a.Name} ∈ [{a.Min:G4}, {a.Max:G4}]"))
                    + (problem.Time is { } t ? $", t ∈ [{t.Min:G4}, {t.Max:G4}]" : "");
        var what = PdePresets.All.TryGetValue(problem.Kind, out var preset) ? preset.Explanation
            : $"A custom {(c.Linear ? "linear" : "nonlinear")} equation of order {c.Order}.";
        var nature = c.Type switch
        {
            "elliptic" => "Elliptic: a boundary-value problem; the solution at every point depends on all of the boundary data at once, and it is smooth inside.",
            "parabolic" => "Parabolic: information diffuses forward in time; it needs an initial state plus boundary data, and rough initial data are smoothed.",
            "hyperbolic" => "Hyperbolic: information travels at finite speed along characteristics; it needs u and u_t initially plus boundary data, and features are not smoothed.",
            _ when c.Type.StartsWith("first-order", StringComparison.Ordinal) => "First-order transport: values are carried along characteristics; conditions are needed only where they enter the domain.",
            _ => "Mixed or degenerate type: check the signs of the highest-order terms.",
        };
        var coefficients = problem.Coefficients.Count == 0 ? "" : " Coefficients: " + string.Join(", ", problem.Coefficients.Select(kv => $"{kv.Key} = {kv.Value:G4}")) + ".";
        return $"{what} Domain: {dims}D space {where}.{coefficients} {nature}";
    }
}
