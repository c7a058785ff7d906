namespace McpFlow.Pipelines.Generation;

/// <summary>
/// When a classification task counts as imbalanced: the smallest class holds under <see cref="MaxMinorityShare"/> of
/// the labelled rows and under half of an even share (1 / classes), so ten balanced classes of 10% each are not
/// imbalanced. Imbalanced tasks are ranked by average precision or MCC instead of accuracy and binary ones get a
/// decision threshold tuned on the training folds.
/// </summary>
public static class ClassImbalance
{
    /// <summary>A minority class under 20% of the rows (the bound issue 14 names; imbalanced-learning texts use 10-20%).</summary>
    public const double MaxMinorityShare = 0.2;

    /// <summary>The minority must also be under this fraction of an even share (1 / classes).</summary>
    public const double EvenShareFraction = 0.5;

    /// <summary>True when a smallest class of <paramref name="smallest"/> rows in <paramref name="labelled"/> makes the task imbalanced.</summary>
    public static bool IsImbalanced(long smallest, long labelled, int classes)
    {
        if (labelled <= 0 || classes < 2)
            return false;
        var share = smallest / (double)labelled;
        return share < MaxMinorityShare && share < EvenShareFraction / classes;
    }
}
