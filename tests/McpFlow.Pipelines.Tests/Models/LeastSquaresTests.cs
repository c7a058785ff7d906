using McpFlow.Core.Errors;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Tests.Models;

public sealed class LeastSquaresTests
{
    [Fact]
    public void Fit_RecoversExactCoefficients_WhenTheTargetIsALinearFunctionOfTheFeatures()
    {
        // y = 3 + 2a - b exactly, on small integers (exact in float): the residual is zero, so OLS returns (3, 2, -1).
        var x = Enumerable.Range(0, 20).Select(i => new float[] { i % 7, (i * 3) % 5 }).ToArray();
        var y = x.Select(r => 3 + (2.0 * r[0]) - r[1]).ToArray();
        var fit = LeastSquares.Fit(x, y);
        fit.Intercept.Should().BeApproximately(3, 1e-10);
        fit.Coefficients[0].Should().BeApproximately(2, 1e-10);
        fit.Coefficients[1].Should().BeApproximately(-1, 1e-10);
        fit.Aliased.Should().BeEmpty();
    }

    [Fact]
    public void Fit_MatchesNumpyLstsq_OnNoisyData()
    {
        var x = Enumerable.Range(0, 60).Select(i => new[] { (float)Math.Sin(1.3 * i), (float)Math.Cos(0.7 * i), (float)(i / 60.0) }).ToArray();
        var y = Enumerable.Range(0, 60).Select(i => 1 + (2 * Math.Sin(1.3 * i)) - (0.5 * Math.Cos(0.7 * i)) + (3 * (i / 60.0)) + (0.1 * Math.Sin(7.1 * i))).ToArray();
        var fit = LeastSquares.Fit(x, y);
        // Expected values: numpy 1.24 lstsq on the same data, tools/bench/pipelines/ols_reference.py (output in out/ols_reference.json).
        fit.Intercept.Should().BeApproximately(1.007111078877729, 1e-9);
        fit.Coefficients[0].Should().BeApproximately(1.99785139219372, 1e-9);
        fit.Coefficients[1].Should().BeApproximately(-0.49554447409723656, 1e-9);
        fit.Coefficients[2].Should().BeApproximately(2.990009144664969, 1e-9);
    }

    [Fact]
    public void Fit_DropsAliasedColumns_InColumnOrder_LikeRsLm()
    {
        // Columns: a, 2a (aliased with a), constant 5 (aliased with the intercept), one-hot pair p, 1 - p (the second
        // level is aliased: the pair sums to the intercept), b. y = 1 + a + 4p + 0.5b + noise.
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            var a = (float)Math.Sin(i * 0.9);
            var p = i % 3 == 0 ? 1f : 0f;
            return new[] { a, 2 * a, 5f, p, 1 - p, (float)Math.Cos(i * 0.4) };
        }).ToArray();
        var y = rows.Select((r, i) => 1 + r[0] + (4 * r[3]) + (0.5 * r[5]) + (0.01 * Math.Sin(i * 7.7))).ToArray();
        var full = LeastSquares.Fit(rows, y);
        full.Aliased.Should().Equal(1, 2, 4);
        full.Coefficients[1].Should().Be(0);
        // The kept coefficients are the full-rank fit on the kept columns alone.
        var reduced = LeastSquares.Fit(rows.Select(r => new[] { r[0], r[3], r[5] }).ToArray(), y);
        full.Intercept.Should().BeApproximately(reduced.Intercept, 1e-12);
        new[] { full.Coefficients[0], full.Coefficients[3], full.Coefficients[5] }.Should().Equal(reduced.Coefficients, (l, r) => Math.Abs(l - r) < 1e-12);
        full.Coefficients[0].Should().BeApproximately(1, 0.05);
        full.Coefficients[3].Should().BeApproximately(4, 0.05);
    }

    [Fact]
    public void Fit_KeepsOnlyAsManyColumnsAsRowsAllow()
    {
        // Three rows, five columns: at most two columns can be kept beside the intercept, and the fit is exact.
        float[][] x = [[1, 0, 2, 7, 1], [0, 1, 3, 1, 1], [1, 1, 4, 2, 9]];
        double[] y = [1, 2, 4];
        var fit = LeastSquares.Fit(x, y);
        fit.Aliased.Should().Equal(2, 3, 4);
        x.Select(fit.Predict).Should().Equal(y, (l, r) => Math.Abs(l - r) < 1e-12);
    }

    [Fact]
    public void Fit_RejectsAMissingTarget()
    {
        var act = () => LeastSquares.Fit([[1f], [2f]], [1, double.NaN]);
        act.Should().Throw<McpFlowException>().WithMessage("*finite targets*");
    }
}
