using McpFlow.Experiments.Optimization;

namespace McpFlow.Experiments.Tests.Optimization;

public sealed class OutputWarpingTests
{
    [Fact]
    public void ClosedForms_MatchNumericalIntegrationOverTheNormal()
    {
        // A long tail of bad values (skewness < −1) turns warping on: max 0, median −1, δ = 0.05.
        var warping = OutputWarping.For([0, -0.5, -1, -1.2, -50])!;
        const double mu = 2.8, sigma = 0.4;

        // Trapezoid rule over t ∈ μ ± 10σ of the density of N(μ, σ²): E[z] and E[(z − max)⁺], z = max + δ − e^(−t).
        double mean = 0, ei = 0;
        const int steps = 200_000;
        var h = 20 * sigma / steps;
        for (var i = 0; i <= steps; i++)
        {
            var t = mu - (10 * sigma) + (i * h);
            var w = (i is 0 or steps ? 0.5 : 1) * h * Math.Exp(-0.5 * Math.Pow((t - mu) / sigma, 2)) / (sigma * Math.Sqrt(2 * Math.PI));
            var z = warping.Max + warping.Delta - Math.Exp(-t);
            mean += w * z;
            ei += w * Math.Max(z - warping.Max, 0);
        }

        warping.Delta.Should().BeApproximately(0.05, 1e-12);
        warping.Moments(mu, sigma).Mean.Should().BeApproximately(mean, 1e-8);
        warping.ExpectedImprovement(mu, sigma).Should().BeApproximately(ei, 1e-8);
        warping.Forward(warping.Max).Should().BeApproximately(-Math.Log(0.05), 1e-12);
    }

    [Fact]
    public void For_LeavesSymmetricHistoriesAlone()
    {
        OutputWarping.For([0.90, 0.91, 0.92, 0.93, 0.94]).Should().BeNull();
    }
}
