using static TorchSharp.torch;

namespace McpFlow.Physics.Training;

/// <summary>Evaluates a trained model on doubles: u, or the PDE residual, at given points (rows in input order).</summary>
public static class PinnPredictor
{
    private const int Batch = 8192; // bounds memory of the autograd graph for residuals

    /// <summary>u at each point; <paramref name="cancellationToken"/> is checked between batches.</summary>
    public static double[] Predict(PinnModel model, IReadOnlyList<double[]> points, CancellationToken cancellationToken = default) =>
        Run(model, points, residual: false, cancellationToken);

    /// <summary>The residual at each point; <paramref name="cancellationToken"/> is checked between batches.</summary>
    public static double[] Residual(PinnModel model, IReadOnlyList<double[]> points, CancellationToken cancellationToken = default) =>
        Run(model, points, residual: true, cancellationToken);

    private static double[] Run(PinnModel model, IReadOnlyList<double[]> points, bool residual, CancellationToken cancellationToken)
    {
        var result = new double[points.Count];
        var d = model.Problem.Inputs.Count;
        for (var start = 0; start < points.Count; start += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(Batch, points.Count - start);
            var flat = new double[n * d];
            for (var i = 0; i < n; i++)
                Array.Copy(points[start + i], 0, flat, i * d, d);
            using var scope = NewDisposeScope();
            var x = tensor(flat, [n, d], dtype: model.Dtype, device: model.Device).requires_grad_(residual);
            Tensor y;
            if (residual)
            {
                y = model.Residual(x);
            }
            else
            {
                using (no_grad())
                    y = model.U(x);
            }

            var values = y.detach().to(float64).cpu().data<double>().ToArray();
            Array.Copy(values, 0, result, start, n);
        }

        return result;
    }
}
