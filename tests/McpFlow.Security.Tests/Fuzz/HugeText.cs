namespace McpFlow.Security.Tests.Fuzz;

/// <summary>Long argument strings: deterministic pseudo-random letters and digits (no run repeats, so an echo of any
/// 201 of them is found by <see cref="Checks.EchoDetector"/>).</summary>
internal static class HugeText
{
    /// <summary>1 MB: issue 11's "huge strings of 1 MB".</summary>
    public const int OneMegabyte = 1 << 20;

    private static readonly Lazy<string> Megabyte = new(() => Make(OneMegabyte, 11));

    /// <summary>A 1 MB string (the same one every call).</summary>
    public static string Mega => Megabyte.Value;

    /// <summary>A string of <paramref name="length"/> characters from <paramref name="seed"/>.</summary>
    public static string Make(int length, int seed)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }
}
