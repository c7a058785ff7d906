namespace McpFlow.Pipelines.Specs;

/// <summary>Names of the forecasting target transforms a spec can ask for.</summary>
public static class TargetTransforms
{
    /// <summary>Models learn the level of the target itself.</summary>
    public const string None = "none";

    /// <summary>
    /// Models learn the change <c>y_t - y_(t-d)</c> from the latest value known at forecast time (d = the spec's
    /// <c>differenceLag</c>, at least the horizon); the forecast adds that value back.
    /// </summary>
    public const string Difference = "difference";
}
