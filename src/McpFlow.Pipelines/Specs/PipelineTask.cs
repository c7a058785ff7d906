namespace McpFlow.Pipelines.Specs;

/// <summary>The machine-learning task a pipeline solves.</summary>
public enum PipelineTask
{
    /// <summary>Two classes.</summary>
    Binary,
    /// <summary>Three or more classes.</summary>
    Multiclass,
    /// <summary>A numeric target.</summary>
    Regression,
    /// <summary>A numeric series predicted <c>horizon</c> steps ahead from its own past.</summary>
    Forecasting,
    /// <summary>Groups without a target (k-means).</summary>
    Clustering,
    /// <summary>Unusual rows without (or with an optional 0/1) target (randomized PCA).</summary>
    AnomalyDetection,
}
