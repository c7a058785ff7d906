namespace McpFlow.Pipelines.Features;

/// <summary>
/// The fitted steps of a pipeline: median imputation, one-hot and frequency encoding, z-score scaling. Fitted on
/// training rows only (<see cref="Fit"/>) and applied to any rows of a frame with the same columns
/// (<see cref="Transform"/>), so test folds never inform the preprocessing.
/// </summary>
public sealed class Preprocessor(PreprocessorState state)
{
    /// <summary>Marks a missing category.</summary>
    public const string MissingLevel = "(missing)";

    /// <summary>The learned state.</summary>
    public PreprocessorState State => state;

    /// <summary>Fits on <paramref name="rows"/> of <paramref name="frame"/>.</summary>
    public static Preprocessor Fit(FeatureFrame frame, IReadOnlyList<int> rows, bool impute, bool scale)
    {
        var medians = frame.Numeric.ToDictionary(c => c.Name, c => Median(rows.Select(r => c.Values[r]).Where(v => !double.IsNaN(v)).ToList()));
        var levels = new Dictionary<string, IReadOnlyList<string>>();
        var frequencies = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        var names = frame.Numeric.Select(c => c.Name).ToList();
        foreach (var c in frame.Categorical)
        {
            var values = rows.Select(r => c.Values[r] ?? MissingLevel).ToList();
            if (c.Encoding == "one_hot")
            {
                var list = values.Distinct().Order(StringComparer.Ordinal).ToList();
                levels[c.Name] = list;
                names.AddRange(list.Select(l => $"{c.Name}={l}"));
            }
            else
            {
                frequencies[c.Name] = values.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count() / values.Count);
                names.Add($"{c.Name}_frequency");
            }
        }

        var partial = new Preprocessor(new PreprocessorState
        {
            FeatureNames = names, Medians = medians, Levels = levels, Frequencies = frequencies, Means = [], Stds = [], Impute = impute,
        });
        if (!scale)
            return partial;
        var matrix = partial.Transform(frame, rows);
        var means = new double[names.Count];
        var stds = new double[names.Count];
        for (var j = 0; j < names.Count; j++)
        {
            var column = matrix.Select(x => (double)x[j]).ToList();
            means[j] = column.Count == 0 ? 0 : column.Average();
            var variance = column.Count < 2 ? 0 : column.Sum(v => (v - means[j]) * (v - means[j])) / (column.Count - 1);
            stds[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }

        return new Preprocessor(partial.State with { Means = means, Stds = stds });
    }

    /// <summary>Feature matrix of <paramref name="rows"/> (one float array per row).</summary>
    public float[][] Transform(FeatureFrame frame, IReadOnlyList<int> rows)
    {
        var result = new float[rows.Count][];
        var width = state.FeatureNames.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var x = new float[width];
            var j = 0;
            foreach (var c in frame.Numeric)
            {
                var v = c.Values[r];
                x[j++] = (float)(double.IsNaN(v) ? (state.Impute && state.Medians.TryGetValue(c.Name, out var m) && !double.IsNaN(m) ? m : 0) : v);
            }

            foreach (var c in frame.Categorical)
            {
                var value = c.Values[r] ?? MissingLevel;
                if (state.Levels.TryGetValue(c.Name, out var levels))
                {
                    foreach (var level in levels)
                        x[j++] = level == value ? 1 : 0;
                }
                else
                    x[j++] = (float)state.Frequencies[c.Name].GetValueOrDefault(value);
            }

            if (state.Means.Count == width)
            {
                for (var k = 0; k < width; k++)
                    x[k] = (float)((x[k] - state.Means[k]) / state.Stds[k]);
            }

            result[i] = x;
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
            return double.NaN;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
