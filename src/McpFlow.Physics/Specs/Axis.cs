namespace McpFlow.Physics.Specs;

/// <summary>A coordinate and its range.</summary>
/// <param name="Name">x, y, z or t.</param>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound.</param>
public sealed record Axis(char Name, double Min, double Max)
{
    /// <summary>Max - Min.</summary>
    public double Length => Max - Min;
}
