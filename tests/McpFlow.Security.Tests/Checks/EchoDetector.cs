namespace McpFlow.Security.Tests.Checks;

/// <summary>
/// Finds whether an answer repeats more than <see cref="ResultCaps.MaxEchoedCharacters"/> consecutive characters of an
/// argument: a Rabin-Karp scan over windows one character longer than the allowance (linear in both lengths, so 1 MB
/// arguments cost milliseconds), each hash hit confirmed by comparing the text.
/// </summary>
internal static class EchoDetector
{
    private const ulong Base = 1_000_003;

    /// <summary>True when <paramref name="answer"/> contains a run of more than <paramref name="allowed"/> characters
    /// taken from <paramref name="argument"/>.</summary>
    public static bool Echoes(string argument, string answer, int allowed = ResultCaps.MaxEchoedCharacters)
    {
        var window = allowed + 1;
        if (argument.Length < window || answer.Length < window)
            return false;
        // Fast path: a whole-argument echo contains its first, middle or last window (vectorised ordinal search).
        foreach (var start in new[] { 0, (argument.Length - window) / 2, argument.Length - window })
            if (answer.Contains(argument.AsSpan(start, window), StringComparison.Ordinal))
                return true;
        var power = 1UL;
        for (var i = 1; i < window; i++)
            power *= Base;
        // Index the shorter text's windows (an error is usually short), scan the longer one.
        var (indexed, scanned) = argument.Length <= answer.Length ? (argument, answer) : (answer, argument);
        var windows = new Dictionary<ulong, int>();
        foreach (var (hash, start) in Hashes(indexed, window, power))
            windows.TryAdd(hash, start);
        foreach (var (hash, start) in Hashes(scanned, window, power))
            if (windows.TryGetValue(hash, out var at) && scanned.AsSpan(start, window).SequenceEqual(indexed.AsSpan(at, window)))
                return true;
        return false;
    }

    private static IEnumerable<(ulong Hash, int Start)> Hashes(string text, int window, ulong power)
    {
        var hash = 0UL;
        for (var i = 0; i < window; i++)
            hash = hash * Base + text[i];
        yield return (hash, 0);
        for (var i = window; i < text.Length; i++)
        {
            hash = (hash - text[i - window] * power) * Base + text[i];
            yield return (hash, i - window + 1);
        }
    }
}
