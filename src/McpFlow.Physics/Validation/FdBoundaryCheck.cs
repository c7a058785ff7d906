using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>Whether an <see cref="FdGrid"/> can discretise a problem's boundaries: one condition per face, and periodic
/// on both faces of an axis or on neither.</summary>
public static class FdBoundaryCheck
{
    /// <summary>Why the boundaries cannot be discretised, or null when they can.</summary>
    public static string? Problem(PdeProblem p)
    {
        foreach (var axis in p.Space)
        {
            var low = p.Boundaries.Where(b => b.Face.Axis == axis.Name && !b.Face.IsMax).ToList();
            var high = p.Boundaries.Where(b => b.Face.Axis == axis.Name && b.Face.IsMax).ToList();
            if (low.Count != 1 || high.Count != 1)
                return $"each face needs exactly one boundary condition (axis {axis.Name} has {low.Count} at min and {high.Count} at max).";
            if ((low[0].Kind == BoundaryKind.Periodic) != (high[0].Kind == BoundaryKind.Periodic))
                return $"axis {axis.Name} mixes periodic with another condition.";
        }

        return null;
    }
}
