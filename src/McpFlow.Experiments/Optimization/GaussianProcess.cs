using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Gaussian-process regression with the Matérn 5/2 ARD kernel, zero prior mean on a standardised target:
/// K = K_f + σ_n²I = LLᵀ (Cholesky, MathNet), α = K⁻¹y, posterior mean k*ᵀα and variance k** − ‖L⁻¹k*‖².
/// </summary>
public sealed class GaussianProcess
{
    private readonly double[][] _x;
    private readonly Cholesky<double> _cholesky;
    private readonly double[] _alpha;
    private readonly double[][] _lower;

    /// <summary>Conditions the GP on (x, y) with fixed hyperparameters.</summary>
    public GaussianProcess(double[][] x, double[] y, GpHyperparameters hyper)
    {
        _x = x;
        Hyper = hyper;
        Y = y;
        var k = Covariance(x, hyper);
        _cholesky = k.Cholesky();
        _alpha = _cholesky.Solve(DenseVector.OfArray(y)).ToArray();
        var factor = _cholesky.Factor;
        _lower = Enumerable.Range(0, x.Length).Select(i => Enumerable.Range(0, i + 1).Select(j => factor.At(i, j)).ToArray()).ToArray();
    }

    /// <summary>The hyperparameters.</summary>
    public GpHyperparameters Hyper { get; }

    /// <summary>The (standardised) targets.</summary>
    public double[] Y { get; }

    /// <summary>Training inputs.</summary>
    public IReadOnlyList<double[]> X => _x;

    /// <summary>Posterior mean of the latent function at <paramref name="point"/> (O(n), without the variance).</summary>
    public double Mean(double[] point)
    {
        var mean = 0.0;
        for (var i = 0; i < _x.Length; i++)
            mean += Matern52Kernel.Value(_x[i], point, Hyper.LengthScales, Hyper.SignalVariance) * _alpha[i];
        return mean;
    }

    /// <summary>Posterior mean and variance of the latent function at <paramref name="point"/>.</summary>
    public (double Mean, double Variance) Predict(double[] point)
    {
        var n = _x.Length;
        var k = new double[n];
        for (var i = 0; i < n; i++)
            k[i] = Matern52Kernel.Value(_x[i], point, Hyper.LengthScales, Hyper.SignalVariance);
        var mean = 0.0;
        for (var i = 0; i < n; i++)
            mean += k[i] * _alpha[i];
        var v = ForwardSubstitute(k);
        var variance = Hyper.SignalVariance - v.Sum(t => t * t);
        return (mean, Math.Max(variance, 1e-12));
    }

    /// <summary>The covariance matrix K_f + σ_n²I of the inputs.</summary>
    public static Matrix<double> Covariance(double[][] x, GpHyperparameters hyper)
    {
        var n = x.Length;
        var k = DenseMatrix.Create(n, n, 0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var v = Matern52Kernel.Value(x[i], x[j], hyper.LengthScales, hyper.SignalVariance);
                k[i, j] = v;
                k[j, i] = v;
            }

            k[i, i] += hyper.NoiseVariance;
        }

        return k;
    }

    private double[] ForwardSubstitute(double[] b)
    {
        var n = b.Length;
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = _lower[i];
            var s = b[i];
            for (var j = 0; j < i; j++)
                s -= row[j] * v[j];
            v[i] = s / row[i];
        }

        return v;
    }
}
