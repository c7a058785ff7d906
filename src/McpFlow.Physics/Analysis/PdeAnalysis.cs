using McpFlow.Physics.Training;

namespace McpFlow.Physics.Analysis;

/// <summary>The result of analyze_pde_problem.</summary>
/// <param name="Equation">The equation as recognised.</param>
/// <param name="Residual">Its residual form (= 0).</param>
/// <param name="Classification">Type, linearity, order.</param>
/// <param name="Explanation">What the equation says, in plain words.</param>
/// <param name="Issues">Well-posedness findings.</param>
/// <param name="WellPosed">True when no finding is an error.</param>
/// <param name="Difficulties">What will make training hard, and why.</param>
/// <param name="Plan">Suggested training settings (pass them to pinn_train as they are).</param>
/// <param name="PlanReasons">Why each setting was chosen.</param>
/// <param name="Reliability">Why the plan is not expected to reach a relative error of about 1e-2 on this problem, with
/// the measurement behind it (<see cref="PlanReliability"/>); null when the problem is within the measured range.</param>
public sealed record PdeAnalysis(string Equation, string Residual, PdeClassification Classification, string Explanation,
    IReadOnlyList<Issue> Issues, bool WellPosed, IReadOnlyList<string> Difficulties, TrainingOptions Plan, IReadOnlyList<string> PlanReasons,
    string? Reliability = null);
