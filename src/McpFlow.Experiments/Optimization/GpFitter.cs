using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Optimization;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Fits GP hyperparameters by maximising the log posterior: the log marginal likelihood
/// log p(y) = −½yᵀα − Σ log L_ii − (n/2) log 2π with its analytic gradient
/// ∂/∂θ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ), plus the log of weak priors (<see cref="NegativeLogPrior"/>), using multi-start
/// L-BFGS (MathNet) over log-hyperparameters squashed into their bounds with a logistic map. The best of the starts
/// wins; a start whose line search fails keeps the best point it evaluated. Without the priors, 40 noisy runs in 6
/// dimensions gave length scales jumping between 0.6 and the bound 20 and a noise of 0 from one run to the next
/// (interpolating the noise of a cross-validated score); see docs/benchmarks.md.
/// </summary>
public static class GpFitter
{
    /// <summary>Default number of L-BFGS starts (the first from the default hyperparameters, the rest random).</summary>
    public const int DefaultRestarts = 4;

    /// <summary>L-BFGS iteration cap per start.</summary>
    public const int MaxIterations = 60;

    /// <summary>
    /// Location of the log-normal length-scale prior for a unit-cube input: log ℓ ~ N(√2 + ½·log D, 3), the
    /// dimension-scaled prior of Hvarfner, Hellsten and Nardi (2024, "Vanilla Bayesian optimization performs great in
    /// high dimensions"), BoTorch's default since 0.12. Its mode in ℓ, exp(μ − σ²), is 0.50 for D = 6 and 0.20 for D = 1.
    /// </summary>
    public static double LengthScalePriorLocation(int dimension) => Math.Sqrt(2) + (0.5 * Math.Log(dimension));

    /// <summary>Variance of the length-scale prior in log ℓ (σ = √3, as in Hvarfner et al.).</summary>
    public const double LengthScalePriorVariance = 3;

    /// <summary>Location of the log-normal noise-variance prior for a standardised target: log σ_n² ~ N(−4, 1) (BoTorch's
    /// default), mode exp(−5) ≈ 0.0067: a little noise unless the data says more, never an exact interpolation by default.</summary>
    public const double NoisePriorLocation = -4;

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
                var (likelihood, gradLikelihood) = NegativeLogLikelihood(x, y, theta);
                var (prior, gradPrior) = NegativeLogPrior(theta);
                var value = likelihood + prior;
                var gradTheta = gradLikelihood.Select((g, i) => g + gradPrior[i]).ToArray();
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

    /// <summary>
    /// Negative log prior density of the hyperparameters (up to a constant) and its gradient in θ = (log ℓ, log σ²,
    /// log σ_n²): log-normal densities evaluated on ℓ and σ_n² themselves (as GPyTorch does), so each contributes
    /// (θ − μ)²/(2s²) + θ; the signal variance has a flat prior within its bounds.
    /// </summary>
    public static (double Value, double[] Gradient) NegativeLogPrior(double[] theta)
    {
        var d = theta.Length - 2;
        var location = LengthScalePriorLocation(d);
        var value = 0.0;
        var grad = new double[theta.Length];
        for (var i = 0; i < d; i++)
        {
            var t = theta[i] - location;
            value += (t * t / (2 * LengthScalePriorVariance)) + theta[i];
            grad[i] = (t / LengthScalePriorVariance) + 1;
        }

        var n = theta[d + 1] - NoisePriorLocation;
        value += (n * n / 2) + theta[d + 1];
        grad[d + 1] = n + 1;
        return (value, grad);
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
