namespace McpFlow.Physics.Specs;

/// <summary>One face of the rectangular domain: an axis and its min or max side.</summary>
/// <param name="Axis">x, y or z.</param>
/// <param name="IsMax">True for the max side.</param>
public sealed record Face(char Axis, bool IsMax)
{
    /// <inheritdoc />
    public override string ToString() => $"{Axis}={(IsMax ? "max" : "min")}";
}
