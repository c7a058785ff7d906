namespace McpFlow.Pipelines.Ensembles;

/// <summary>
/// The binary stacking meta-learner: logistic regression of the label on the base models' log-odds, fitted by Newton's
/// method (IRLS) with a small ridge penalty on the slopes so that separable or collinear inputs still converge.
/// </summary>
public sealed class LogisticMeta
{
    /// <summary>Ridge penalty on the slopes (not the intercept): small against the hundreds of rows it is fitted on.</summary>
    public const double Ridge = 1e-3;

    /// <summary>Newton steps; a handful reach machine precision on these few inputs.</summary>
    public const int Iterations = 50;

    /// <summary>Probabilities are clipped to [Clip, 1 - Clip] before the log-odds.</summary>
    public const double Clip = 1e-6;

    private LogisticMeta(double[] beta) => Coefficients = beta;

    /// <summary>Intercept first, then one slope per base model.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Fits the label (true = class 1) on the base probabilities of class 1 (one array per row).</summary>
    public static LogisticMeta Fit(IReadOnlyList<double[]> probabilities, IReadOnlyList<bool> labels)
    {
        var x = probabilities.Select(Features).ToList();
        var p = x[0].Length;
        var beta = new double[p];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            for (var i = 0; i < x.Count; i++)
            {
                var mu = Sigmoid(Dot(beta, x[i]));
                var w = Math.Max(mu * (1 - mu), 1e-12);
                for (var a = 0; a < p; a++)
                {
                    gradient[a] += ((labels[i] ? 1 : 0) - mu) * x[i][a];
                    for (var b = 0; b < p; b++)
                        hessian[a, b] += w * x[i][a] * x[i][b];
                }
            }

            for (var a = 1; a < p; a++)
            {
                gradient[a] -= Ridge * beta[a];
                hessian[a, a] += Ridge;
            }

            var step = Solve(hessian, gradient);
            for (var a = 0; a < p; a++)
                beta[a] += step[a];
            if (step.Max(Math.Abs) < 1e-10)
                break;
        }

        return new LogisticMeta(beta);
    }

    /// <summary>Probability of class 1 for one row of base probabilities.</summary>
    public double Predict(double[] probabilities) => Sigmoid(Dot([.. Coefficients], Features(probabilities)));

    private static double[] Features(double[] probabilities) =>
        [1, .. probabilities.Select(q => Math.Clamp(q, Clip, 1 - Clip)).Select(q => Math.Log(q / (1 - q)))];

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();

    // Gaussian elimination with partial pivoting on a small symmetric positive-definite system.
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var r = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = Enumerable.Range(c, n - c).MaxBy(i => Math.Abs(m[i, c]));
            if (pivot != c)
            {
                for (var j = 0; j < n; j++)
                    (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                (r[c], r[pivot]) = (r[pivot], r[c]);
            }

            for (var i = c + 1; i < n; i++)
            {
                var f = m[i, c] / m[c, c];
                for (var j = c; j < n; j++)
                    m[i, j] -= f * m[c, j];
                r[i] -= f * r[c];
            }
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
            x[i] = (r[i] - Enumerable.Range(i + 1, n - i - 1).Sum(j => m[i, j] * x[j])) / m[i, i];
        return x;
    }
}
