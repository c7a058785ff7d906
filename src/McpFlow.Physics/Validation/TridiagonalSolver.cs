namespace McpFlow.Physics.Validation;

/// <summary>Thomas algorithm for tridiagonal systems a_i x_{i-1} + b_i x_i + c_i x_{i+1} = d_i (stable for the
/// diagonally dominant matrices of implicit diffusion steps).</summary>
public static class TridiagonalSolver
{
    /// <summary>Solves in place of a copy; returns x.</summary>
    public static double[] Solve(double[] a, double[] b, double[] c, double[] d)
    {
        var n = d.Length;
        var cp = new double[n];
        var dp = new double[n];
        cp[0] = c[0] / b[0];
        dp[0] = d[0] / b[0];
        for (var i = 1; i < n; i++)
        {
            var m = b[i] - a[i] * cp[i - 1];
            cp[i] = c[i] / m;
            dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
        }

        var x = new double[n];
        x[n - 1] = dp[n - 1];
        for (var i = n - 2; i >= 0; i--)
            x[i] = dp[i] - cp[i] * x[i + 1];
        return x;
    }
}
