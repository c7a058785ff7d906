using McpFlow.Experiments.Optimization;

namespace McpFlow.Experiments.Tests.Optimization;

public sealed class BayesianOptimizerTests
{
    private static readonly SearchSpace Branin2D = new([
        new ParameterSpec("x1", ParameterKind.Float, -5, 10, false, [], "given"),
        new ParameterSpec("x2", ParameterKind.Float, 0, 15, false, [], "given"),
    ]);

    /// <summary>Branin; global minimum 0.397887 (Dixon and Szegő, 1978).</summary>
    private static double Branin(double x1, double x2)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.Pow(x2 - (b * x1 * x1) + (c * x1) - 6, 2) + (10 * (1 - t) * Math.Cos(x1)) + 10;
    }

    [Fact]
    public void Suggestions_BeatRandomSearchOnBraninWithTheSameBudget()
    {
        const int budget = 20;
        var boRegrets = new List<double>();
        var randomRegrets = new List<double>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var rng = new Random(seed);
            var observations = LatinHypercube.Sample(5, 2, rng).Select(x => (x, Evaluate(x))).ToList();
            while (observations.Count < budget)
            {
                var s = BayesianOptimizer.Suggest(Branin2D, observations, maximize: false, 1, seed * 1000 + observations.Count)[0];
                observations.Add((s.X, Evaluate(s.X)));
            }

            boRegrets.Add(observations.Min(o => o.Item2) - 0.397887);
            var random = new Random(seed + 100);
            randomRegrets.Add(Enumerable.Range(0, budget).Select(_ => Evaluate(Branin2D.Random(random))).Min() - 0.397887);
        }

        boRegrets.Order().ElementAt(1).Should().BeLessThan(0.3 * randomRegrets.Order().ElementAt(1));
    }

    [Fact]
    public void Suggest_IsDeterministicPerSeed_AndSpaceFillingWithFewRuns()
    {
        var obs = new List<(double[] X, double Y)> { ([0.1, 0.2], 5), ([0.9, 0.3], 3), ([0.5, 0.5], 4), ([0.3, 0.8], 2) };

        var a = BayesianOptimizer.Suggest(Branin2D, obs, false, 2, 42);
        var b = BayesianOptimizer.Suggest(Branin2D, obs, false, 2, 42);
        var few = BayesianOptimizer.Suggest(Branin2D, obs.Take(2).ToList(), false, 4, 1);

        a.Select(s => s.Params["x1"]).Should().Equal(b.Select(s => s.Params["x1"]));
        a[0].X.Should().NotEqual(a[1].X, "local penalisation moves the second point away from the first");
        a[0].Method.Should().Be("bayesian");
        few.Should().OnlyContain(s => s.Method == "space-filling");
        few.Select(s => (int)(s.X[0] * 4)).Should().OnlyHaveUniqueItems("a Latin hypercube puts one point in each stratum");
    }

    [Fact]
    public void Encoding_RoundsIntegersAndOneHotsCategories()
    {
        var space = new SearchSpace([
            new ParameterSpec("batch", ParameterKind.Int, 16, 256, true, [], "given"),
            new ParameterSpec("opt", ParameterKind.Categorical, 0, 0, false, ["adam", "sgd"], "given"),
        ]);

        var x = space.Project([0.5, 0.2, 0.7]);

        space.Decode(x).Should().Equal(new Dictionary<string, string> { ["batch"] = "64", ["opt"] = "sgd" }, "exp(log 16 + 0.5·log 16) = 64");
        space.Encode(new Dictionary<string, string> { ["batch"] = "64", ["opt"] = "sgd" }).Should().Equal(x);
    }

    private static double Evaluate(double[] x) => Branin(-5 + (15 * x[0]), 15 * x[1]);
}
