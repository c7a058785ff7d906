namespace McpFlow.Pipelines.Tests.Series;

/// <summary>Seeded standard normal noise (Box-Muller on System.Random, which is deterministic for a given seed).</summary>
internal static class Noise
{
    public static double[] Gaussian(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
    }
}
