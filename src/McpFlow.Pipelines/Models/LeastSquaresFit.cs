namespace McpFlow.Pipelines.Models;

/// <summary>An ordinary least-squares fit with an intercept.</summary>
/// <param name="Intercept">The fitted intercept.</param>
/// <param name="Coefficients">One coefficient per input column, in column order; 0 for an aliased column.</param>
/// <param name="Aliased">Columns left out because they are (numerically) linear combinations of the intercept and
/// the columns before them, in column order (R's <c>lm</c> reports these as NA).</param>
public sealed record LeastSquaresFit(double Intercept, IReadOnlyList<double> Coefficients, IReadOnlyList<int> Aliased)
{
    /// <summary>The fitted value for one row.</summary>
    public double Predict(IReadOnlyList<float> x)
    {
        var sum = Intercept;
        for (var j = 0; j < Coefficients.Count; j++)
            sum += Coefficients[j] * x[j];
        return sum;
    }
}
