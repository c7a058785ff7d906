namespace McpFlow.Physics.Validation.Checks;

/// <summary>The outcome of one physics-aware check on a trained model.</summary>
/// <param name="Name">Short name, e.g. "even symmetry in x".</param>
/// <param name="Kind">Which check.</param>
/// <param name="Checked">What was measured, in plain words (including how: points, quadrature, differences).</param>
/// <param name="Why">Why the check applies to this problem.</param>
/// <param name="Measured">The measured violation (relative; 0 is perfect).</param>
/// <param name="Tolerance">The largest violation accepted.</param>
/// <param name="ToleranceSource">Where the tolerance comes from.</param>
/// <param name="Passed">Measured ≤ Tolerance.</param>
/// <param name="Meaning">In plain words, what a failure means (or that it passed).</param>
/// <param name="Details">Other measured numbers by name (e.g. rms_relative, mass_t0).</param>
public sealed record PhysicsCheck(string Name, PhysicsCheckKind Kind, string Checked, string Why, double Measured, double Tolerance,
    string ToleranceSource, bool Passed, string Meaning, IReadOnlyDictionary<string, double> Details);
