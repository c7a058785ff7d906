using System.Globalization;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>Finds train/validation metric pairs (train_loss/val_loss, accuracy/val_accuracy, training_x/validation_x)
/// and judges overfitting: the validation curve got worse after its best step while the training curve kept improving.</summary>
public static class TrainValidationPairs
{
    private static readonly string[] TrainPrefixes = ["train_", "training_", "train/", "train."];
    private static readonly string[] ValPrefixes = ["val_", "valid_", "validation_", "eval_", "test_", "val/", "val."];

    /// <summary>Worsening beyond this share of the validation curve's range counts as overfitting (10%).</summary>
    public const double WorseningShare = 0.1;

    /// <summary>The first (train, validation) pair among the keys, if any.</summary>
    public static (string Train, string Validation)? Find(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var val in set.Order(StringComparer.Ordinal))
        {
            var prefix = ValPrefixes.FirstOrDefault(p => val.StartsWith(p, StringComparison.Ordinal));
            if (prefix is null)
                continue;
            var stem = val[prefix.Length..];
            var train = TrainPrefixes.Select(p => p + stem).Append(stem).FirstOrDefault(set.Contains);
            if (train is not null)
                return (train, val);
        }

        return null;
    }

    /// <summary>A sentence when the pair shows overfitting, else null.</summary>
    public static string? Judge(string train, string val, IReadOnlyList<MlflowMetric> trainHistory, IReadOnlyList<MlflowMetric> valHistory, bool maximize)
    {
        var v = valHistory.Where(m => double.IsFinite(m.Value)).ToList();
        var t = trainHistory.Where(m => double.IsFinite(m.Value)).ToList();
        if (v.Count < 5 || t.Count < 5)
            return null;
        var sign = maximize ? 1 : -1;
        var bestIndex = Enumerable.Range(0, v.Count).MaxBy(i => sign * v[i].Value);
        var range = v.Max(m => m.Value) - v.Min(m => m.Value);
        var worsening = sign * (v[bestIndex].Value - v[^1].Value);
        var trainAtBest = t.LastOrDefault(m => m.Step <= v[bestIndex].Step) ?? t[0];
        var trainImproved = sign * (t[^1].Value - trainAtBest.Value) > 0;
        if (range <= 0 || worsening <= WorseningShare * range || !trainImproved)
            return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{val} was best ({v[bestIndex].Value:G4}) at step {v[bestIndex].Step} and ended at {v[^1].Value:G4} while {train} kept improving ({trainAtBest.Value:G4} → {t[^1].Value:G4}): overfitting; stop early near step {v[bestIndex].Step} or regularise.");
    }
}
