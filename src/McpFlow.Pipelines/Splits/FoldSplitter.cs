using McpFlow.Core.Errors;

namespace McpFlow.Pipelines.Splits;

/// <summary>Cross-validation splits: stratified k-fold, shuffled k-fold and expanding-window temporal folds.</summary>
public static class FoldSplitter
{
    /// <summary>
    /// Stratified k-fold: rows of each class are shuffled with <paramref name="seed"/> and dealt to the folds in
    /// turn, so every fold holds each class in nearly the same proportion (differing by at most one row).
    /// </summary>
    public static IReadOnlyList<Fold> Stratified(IReadOnlyList<int> labels, int folds, int seed)
    {
        var assignment = new int[labels.Count];
        var random = new Random(seed);
        var offset = 0;
        foreach (var group in labels.Select((label, row) => (label, row)).GroupBy(x => x.label).OrderBy(g => g.Key))
        {
            var rows = group.Select(x => x.row).ToArray();
            random.Shuffle(rows);
            // Continue dealing where the previous class stopped so fold sizes stay balanced overall.
            for (var i = 0; i < rows.Length; i++)
                assignment[rows[i]] = (offset + i) % folds;
            offset = (offset + rows.Length) % folds;
        }

        return FromAssignment(assignment, folds);
    }

    /// <summary>Shuffled k-fold.</summary>
    public static IReadOnlyList<Fold> KFold(int rows, int folds, int seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var assignment = new int[rows];
        for (var i = 0; i < rows; i++)
            assignment[order[i]] = i % folds;
        return FromAssignment(assignment, folds);
    }

    /// <summary>
    /// Expanding-window folds over rows in time order: fold i tests the block of <paramref name="testSize"/> rows that
    /// ends <c>(folds - 1 - i) * testSize</c> rows before the end, and trains on every row before that block except the
    /// last <paramref name="gap"/> ones. Training rows always precede test rows, so no fold looks ahead; with a gap of
    /// horizon - 1 rows even the model's fit uses only values known when the block's first row is forecast.
    /// </summary>
    public static IReadOnlyList<Fold> ExpandingWindow(int rows, int folds, int testSize, int minTrain, int gap = 0)
    {
        var firstTestStart = rows - (folds * testSize);
        if (firstTestStart - gap < minTrain)
            throw McpFlowException.Invalid(
                $"{rows} usable rows are too few for {folds} temporal folds of {testSize} test rows with at least {minTrain} training rows.",
                $"Use fewer folds or a shorter horizon, or provide a longer series (at least {minTrain + gap + (folds * testSize)} rows after lags).");
        var result = new List<Fold>(folds);
        for (var i = 0; i < folds; i++)
        {
            var start = firstTestStart + (i * testSize);
            result.Add(new Fold(i, Enumerable.Range(0, start - gap).ToArray(), Enumerable.Range(start, testSize).ToArray()));
        }

        return result;
    }

    private static List<Fold> FromAssignment(int[] assignment, int folds)
    {
        var result = new List<Fold>(folds);
        for (var f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (var row = 0; row < assignment.Length; row++)
                (assignment[row] == f ? test : train).Add(row);
            result.Add(new Fold(f, train, test));
        }

        return result;
    }
}
