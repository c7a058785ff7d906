using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Optimization;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Fits GP hyperparameters by maximising the log marginal likelihood
/// log p(y) = −½yᵀα − Σ log L_ii − (n/2) log 2π with its analytic gradient
/// ∂/∂θ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ), using multi-start L-BFGS (MathNet) over log-hyperparameters squashed into
/// their bounds with a logistic map. The best of the starts wins; a start whose line search fails keeps the best
/// point it evaluated.
/// </summary>
public static class GpFitter
{
    /// <summary>Default number of L-BFGS starts (the first from the default hyperparameters, the rest random).</summary>
    public const int DefaultRestarts = 4;

    /// <summary>L-BFGS iteration cap per start.</summary>
    public const int MaxIterations = 60;

    /// <summary>Fits hyperparameters and returns the conditioned GP.</summary>
    public static GaussianProcess Fit(double[][] x, double[] y, Random rng, int restarts = DefaultRestarts)
    {
        var d = x[0].Length;
        var lower = Enumerable.Repeat(Math.Log(GpHyperparameters.MinLengthScale), d).Append(Math.Log(GpHyperparameters.MinSignal)).Append(Math.Log(GpHyperparameters.MinNoise)).ToArray();
        var upper = Enumerable.Repeat(Math.Log(GpHyperparameters.MaxLengthScale), d).Append(Math.Log(GpHyperparameters.MaxSignal)).Append(Math.Log(GpHyperparameters.MaxNoise)).ToArray();
        var bestValue = double.PositiveInfinity;
        double[]? bestTheta = null;
        for (var start = 0; start < restarts; start++)
        {
            var theta0 = start == 0
                ? Enumerable.Repeat(Math.Log(0.5), d).Append(0.0).Append(Math.Log(1e-3)).ToArray()
                : lower.Select((lo, i) => lo + (rng.NextDouble() * (upper[i] - lo))).ToArray();
            var u0 = theta0.Select((t, i) => Logit((t - lower[i]) / (upper[i] - lower[i]))).ToArray();
            var localBest = double.PositiveInfinity;
            double[]? localTheta = null;
            (double, Vector<double>) Objective(Vector<double> u)
            {
                var s = u.Select(Sigmoid).ToArray();
                var theta = s.Select((v, i) => lower[i] + (v * (upper[i] - lower[i]))).ToArray();
                var (value, gradTheta) = NegativeLogLikelihood(x, y, theta);
                if (value < localBest)
                    (localBest, localTheta) = (value, theta);
                var grad = gradTheta.Select((g, i) => g * (upper[i] - lower[i]) * s[i] * (1 - s[i])).ToArray();
                return (value, DenseVector.OfArray(grad));
            }

            try
            {
                var minimizer = new LimitedMemoryBfgsMinimizer(1e-5, 1e-6, 1e-7, 7, MaxIterations);
                minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), DenseVector.OfArray(u0));
            }
            catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException or ArithmeticException)
            {
                // Keep the best point evaluated so far (localBest/localTheta).
            }

            if (localTheta is not null && localBest < bestValue)
                (bestValue, bestTheta) = (localBest, localTheta);
        }

        return new GaussianProcess(x, y, ToHyper(bestTheta ?? [.. Enumerable.Repeat(Math.Log(0.5), d), 0.0, Math.Log(1e-3)]));
    }

    /// <summary>Negative log marginal likelihood and its gradient with respect to θ = (log ℓ, log σ², log σ_n²).</summary>
    public static (double Value, double[] Gradient) NegativeLogLikelihood(double[][] x, double[] y, double[] theta)
    {
        var hyper = ToHyper(theta);
        var n = x.Length;
        var d = x[0].Length;
        var k = GaussianProcess.Covariance(x, hyper);
        Cholesky<double> chol;
        try
        {
            chol = k.Cholesky();
        }
        catch (ArgumentException)
        {
            return (1e10, new double[theta.Length]);
        }

        var alpha = chol.Solve(DenseVector.OfArray(y));
        var logDet = 0.0;
        for (var i = 0; i < n; i++)
            logDet += Math.Log(chol.Factor[i, i]);
        var value = (0.5 * DenseVector.OfArray(y).DotProduct(alpha)) + logDet + (0.5 * n * Math.Log(2 * Math.PI));
        var w = (alpha.OuterProduct(alpha) - chol.Solve(DenseMatrix.CreateIdentity(n))).ToArray();
        var grad = new double[theta.Length];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var r = Math.Sqrt(Matern52Kernel.ScaledSquaredDistance(x[i], x[j], hyper.LengthScales));
                var factor = Matern52Kernel.LengthScaleFactor(r, hyper.SignalVariance);
                for (var dim = 0; dim < d; dim++)
                {
                    var t = (x[i][dim] - x[j][dim]) / hyper.LengthScales[dim];
                    grad[dim] -= 0.5 * w[i, j] * factor * t * t;
                }

                var kf = k[i, j] - (i == j ? hyper.NoiseVariance : 0);
                grad[d] -= 0.5 * w[i, j] * kf;
            }

            grad[d + 1] -= 0.5 * w[i, i] * hyper.NoiseVariance;
        }

        return (value, grad);
    }

    private static GpHyperparameters ToHyper(double[] theta)
    {
        var d = theta.Length - 2;
        return new GpHyperparameters(theta.Take(d).Select(Math.Exp).ToArray(), Math.Exp(theta[d]), Math.Exp(theta[d + 1]));
    }

    private static double Sigmoid(double u) => 1 / (1 + Math.Exp(-u));

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}
