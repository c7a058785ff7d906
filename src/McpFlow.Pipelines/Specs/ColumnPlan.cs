namespace McpFlow.Pipelines.Specs;

/// <summary>What the pipeline does with one column of the table.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">DuckDB type, e.g. <c>DOUBLE</c>.</param>
/// <param name="Role">target, time, feature or dropped.</param>
/// <param name="Encoding">numeric, one_hot, frequency or none.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record ColumnPlan(string Name, string SqlType, string Role, string Encoding, string Reason)
{
    /// <summary>Role of the target column.</summary>
    public const string TargetRole = "target";

    /// <summary>Role of the time column.</summary>
    public const string TimeRole = "time";

    /// <summary>Role of a model input.</summary>
    public const string FeatureRole = "feature";

    /// <summary>Role of a column the pipeline ignores.</summary>
    public const string DroppedRole = "dropped";
}
