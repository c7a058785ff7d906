namespace McpFlow.Bench.Experiments;

/// <summary>Standard test functions (minimisation) with their domains and global minima, as defined in
/// Surjanovic and Bingham's Virtual Library of Simulation Experiments (sfu.ca/~ssurjano).</summary>
public sealed record TestFunction(string Name, double[] Low, double[] High, double Minimum, Func<double[], double> F)
{
    public static IReadOnlyList<TestFunction> All { get; } =
    [
        new("branin", [-5, 0], [10, 15], 0.397887, Branin),
        new("hartmann6", Repeat(0, 6), Repeat(1, 6), -3.32237, Hartmann6),
        new("rosenbrock4", Repeat(-5, 4), Repeat(10, 4), 0, Rosenbrock),
        new("ackley5", Repeat(-32.768, 5), Repeat(32.768, 5), 0, Ackley),
        new("levy5", Repeat(-10, 5), Repeat(10, 5), 0, Levy),
        new("sixhumpcamel", [-3, -2], [3, 2], -1.0316284535, SixHumpCamel),
    ];

    private static double[] Repeat(double v, int n) => Enumerable.Repeat(v, n).ToArray();

    private static double Branin(double[] x)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.Pow(x[1] - (b * x[0] * x[0]) + (c * x[0]) - 6, 2) + (10 * (1 - t) * Math.Cos(x[0])) + 10;
    }

    private static readonly double[] HA = [1.0, 1.2, 3.0, 3.2];
    private static readonly double[,] HAm = { { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 } };
    private static readonly double[,] HP = { { 1312, 1696, 5569, 124, 8283, 5886 }, { 2329, 4135, 8307, 3736, 1004, 9991 }, { 2348, 1451, 3522, 2883, 3047, 6650 }, { 4047, 8828, 8732, 5743, 1091, 381 } };

    private static double Hartmann6(double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
                inner += HAm[i, j] * Math.Pow(x[j] - (HP[i, j] * 1e-4), 2);
            s += HA[i] * Math.Exp(-inner);
        }

        return -s;
    }

    private static double Rosenbrock(double[] x) =>
        Enumerable.Range(0, x.Length - 1).Sum(i => (100 * Math.Pow(x[i + 1] - (x[i] * x[i]), 2)) + Math.Pow(x[i] - 1, 2));

    private static double Ackley(double[] x)
    {
        var d = x.Length;
        var s1 = x.Sum(v => v * v) / d;
        var s2 = x.Sum(v => Math.Cos(2 * Math.PI * v)) / d;
        return (-20 * Math.Exp(-0.2 * Math.Sqrt(s1))) - Math.Exp(s2) + 20 + Math.E;
    }

    private static double Levy(double[] x)
    {
        var w = x.Select(v => 1 + ((v - 1) / 4)).ToArray();
        var d = w.Length;
        var s = Math.Pow(Math.Sin(Math.PI * w[0]), 2);
        for (var i = 0; i < d - 1; i++)
            s += Math.Pow(w[i] - 1, 2) * (1 + (10 * Math.Pow(Math.Sin((Math.PI * w[i]) + 1), 2)));
        return s + (Math.Pow(w[d - 1] - 1, 2) * (1 + Math.Pow(Math.Sin(2 * Math.PI * w[d - 1]), 2)));
    }

    private static double SixHumpCamel(double[] x) =>
        ((4 - (2.1 * x[0] * x[0]) + (Math.Pow(x[0], 4) / 3)) * x[0] * x[0]) + (x[0] * x[1]) + ((-4 + (4 * x[1] * x[1])) * x[1] * x[1]);
}
