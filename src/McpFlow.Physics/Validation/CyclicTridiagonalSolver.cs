namespace McpFlow.Physics.Validation;

/// <summary>Periodic tridiagonal systems a_i x_{i-1} + b_i x_i + c_i x_{i+1} = d_i with x_{-1} = x_{n-1} and
/// x_n = x_0 (the corners a_0 and c_{n-1}), by the Sherman-Morrison correction of two Thomas solves
/// (Numerical Recipes, 3rd ed., §2.7.2).</summary>
public static class CyclicTridiagonalSolver
{
    /// <summary>Solves the cyclic system (n ≥ 3); returns x.</summary>
    public static double[] Solve(double[] a, double[] b, double[] c, double[] d)
    {
        var n = d.Length;
        var alpha = c[n - 1]; // couples row n-1 to x_0
        var beta = a[0];      // couples row 0 to x_{n-1}
        var gamma = -b[0];
        var bb = (double[])b.Clone();
        bb[0] = b[0] - gamma;
        bb[n - 1] = b[n - 1] - alpha * beta / gamma;
        var lower = (double[])a.Clone();
        var upper = (double[])c.Clone();
        lower[0] = 0;
        upper[n - 1] = 0;
        var x = TridiagonalSolver.Solve(lower, bb, upper, d);
        var u = new double[n];
        u[0] = gamma;
        u[n - 1] = alpha;
        var z = TridiagonalSolver.Solve(lower, bb, upper, u);
        var fact = (x[0] + beta * x[n - 1] / gamma) / (1 + z[0] + beta * z[n - 1] / gamma);
        for (var i = 0; i < n; i++)
            x[i] -= fact * z[i];
        return x;
    }
}
