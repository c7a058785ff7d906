using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>
/// Hard Dirichlet conditions on rectangles: u(x) = g(x) + D(x)·N(x) with D = Π_i (x_i - a_i)(b_i - x_i)/(L_i/2)²,
/// which vanishes exactly on every face, so u = g there whatever the network N outputs. Possible when every space
/// face is Dirichlet with one common expression g (which then also extends g into the interior).
/// </summary>
public static class HardBoundary
{
    /// <summary>True when hard conditions apply; <paramref name="why"/> says why or why not.</summary>
    public static bool Supports(PdeProblem problem, out string why)
    {
        var faces = problem.Space.Count * 2;
        var dirichlet = problem.Boundaries.Where(b => b.Kind == BoundaryKind.Dirichlet).ToList();
        if (dirichlet.Count != faces || problem.Boundaries.Count != faces)
        {
            why = "not every face has a Dirichlet condition (Neumann, periodic or missing faces need penalty terms).";
            return false;
        }

        if (dirichlet.Select(b => b.Value!.ToString()).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            why = "the faces have different Dirichlet expressions, so no single smooth extension g is known.";
            return false;
        }

        why = "every face is Dirichlet with the same g, so u = g + D(x)·N(x) with a distance-like D that is zero on the boundary satisfies them exactly.";
        return true;
    }
}
