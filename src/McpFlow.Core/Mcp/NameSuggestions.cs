namespace McpFlow.Core.Mcp;

/// <summary>Finds the known name a mistyped one most likely meant ("max_row" → "max_rows"), for error messages.</summary>
public static class NameSuggestions
{
    // Names longer than this are not compared (a client may send a megabyte as a name; nothing that long is a typo).
    private const int MaxComparedLength = 100;

    // A name contained in another ("timeout" in "timeout_seconds") counts as one edit when it has this many characters.
    private const int MinContained = 3;

    /// <summary>The closest of <paramref name="known"/> to <paramref name="name"/> (case-insensitive edit distance of at
    /// most a third of the name's length, at least 2; a known name containing it, or contained in it, counts as one
    /// edit); null when none is close.</summary>
    public static string? Nearest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxComparedLength)
            return null;
        var lower = name.ToLowerInvariant();
        var allowed = Math.Max(2, lower.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var other = candidate.ToLowerInvariant();
            var contained = Math.Min(lower.Length, other.Length) >= MinContained
                && (other.Contains(lower, StringComparison.Ordinal) || lower.Contains(other, StringComparison.Ordinal));
            var distance = contained ? 1 : Distance(lower, other);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        // Levenshtein distance with two rows.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
