using McpFlow.Experiments.Optimization;

namespace McpFlow.Experiments.Tests.Optimization;

public sealed class GaussianProcessTests
{
    [Fact]
    public void Posterior_MatchesTheClosedFormForOneObservation()
    {
        // One observation y0 at x0: mean(x) = k(x,x0)/(σ²+σn²)·y0, var(x) = σ² − k(x,x0)²/(σ²+σn²);
        // k at r = 0.5/0.25 = 2: σ²(1 + 2√5 + 20/3)·e^(−2√5).
        var hyper = new GpHyperparameters([0.25], 1.5, 0.01);
        var gp = new GaussianProcess([[0.2]], [2.0], hyper);
        var r = 2.0;
        var k = 1.5 * (1 + (Math.Sqrt(5) * r) + (5.0 / 3 * r * r)) * Math.Exp(-Math.Sqrt(5) * r);

        var (mean, variance) = gp.Predict([0.7]);

        mean.Should().BeApproximately(k / 1.51 * 2.0, 1e-12);
        variance.Should().BeApproximately(1.5 - (k * k / 1.51), 1e-12);
    }

    [Fact]
    public void Posterior_MatchesTheTwoPointSolve()
    {
        // Two observations: mean = k*ᵀ K⁻¹ y with the 2×2 inverse written out.
        var hyper = new GpHyperparameters([0.5, 2.0], 1.0, 0.1);
        double[][] x = [[0.0, 0.0], [1.0, 1.0]];
        double[] y = [1.0, -1.0];
        var gp = new GaussianProcess(x, y, hyper);
        double K(double[] a, double[] b) => Matern52Kernel.Value(a, b, hyper.LengthScales, 1.0);
        var a11 = K(x[0], x[0]) + 0.1;
        var a12 = K(x[0], x[1]);
        var a22 = K(x[1], x[1]) + 0.1;
        var det = (a11 * a22) - (a12 * a12);
        double[] p = [0.3, 0.6];
        var k1 = K(p, x[0]);
        var k2 = K(p, x[1]);
        var alpha1 = ((a22 * y[0]) - (a12 * y[1])) / det;
        var alpha2 = ((-a12 * y[0]) + (a11 * y[1])) / det;
        var quad = ((k1 * ((a22 * k1) - (a12 * k2))) + (k2 * ((-a12 * k1) + (a11 * k2)))) / det;

        var (mean, variance) = gp.Predict(p);

        mean.Should().BeApproximately((k1 * alpha1) + (k2 * alpha2), 1e-12);
        variance.Should().BeApproximately(1.0 - quad, 1e-12);
    }

    [Fact]
    public void LikelihoodGradient_MatchesFiniteDifferences()
    {
        var rng = new Random(3);
        var x = Enumerable.Range(0, 8).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(5 * p[0]) + (0.3 * p[1])).ToArray();
        double[] theta = [Math.Log(0.3), Math.Log(0.8), Math.Log(1.2), Math.Log(0.01)];

        var (_, gradient) = GpFitter.NegativeLogLikelihood(x, y, theta);

        for (var i = 0; i < theta.Length; i++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += 1e-5;
            minus[i] -= 1e-5;
            var numeric = (GpFitter.NegativeLogLikelihood(x, y, plus).Value - GpFitter.NegativeLogLikelihood(x, y, minus).Value) / 2e-5;
            gradient[i].Should().BeApproximately(numeric, 1e-4 * Math.Max(1, Math.Abs(numeric)));
        }
    }

    [Fact]
    public void Fit_LearnsThatAnIrrelevantDimensionHasALongLengthScale()
    {
        var rng = new Random(1);
        var x = Enumerable.Range(0, 25).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0])).ToArray();
        var mean = y.Average();
        var sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);

        var gp = GpFitter.Fit(x, y.Select(v => (v - mean) / sd).ToArray(), new Random(2));

        gp.Hyper.LengthScales[1].Should().BeGreaterThan(3 * gp.Hyper.LengthScales[0]);
    }
}
