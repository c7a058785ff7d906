namespace McpFlow.Workbench.Review;

/// <summary>What range a metric's name implies.</summary>
public enum MetricKind
{
    /// <summary>No known range.</summary>
    Unknown,
    /// <summary>A proportion in [0, 1]: accuracy, AUC, F1, precision, recall, specificity, IoU, Jaccard, Dice.</summary>
    UnitInterval,
    /// <summary>A correlation-like score in [-1, 1]: silhouette, MCC.</summary>
    SignedUnitInterval,
    /// <summary>Coefficient of determination: at most 1 (it can be any negative number).</summary>
    RSquared,
    /// <summary>A loss or error: at least 0 (loss, error, MAE, MSE, RMSE, MAPE, sMAPE, MASE, residual, L1/L2).</summary>
    NonNegative,
}
