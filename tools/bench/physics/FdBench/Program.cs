using System.Diagnostics;
using System.Globalization;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

// Times FdReferenceSolver.Solve (coarse + fine solve, default grid sizes) on problems of each class, warm (second
// call), and compares its Richardson error estimate with the true max error where a closed form is known.
// Closed forms: each u below satisfies its equation and boundary data (derivations in the comments).
var pi = Math.PI;
var cases = new (string Name, string Spec, Func<double[], double>? Exact)[]
{
    // -Δu = 2π² u for u = sin(πx)sin(πy).
    ("poisson 2D dirichlet", """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => Math.Sin(pi * q[0]) * Math.Sin(pi * q[1])),
    // Issue 18's failures of the old unpreconditioned BiCGStab: -u'' = 1 has u = x(1 - x)/2 (the stencil is exact for it);
    // f = 1 in 2D and 3D and Helmholtz k = 1, f = 1 have no closed form here (EllipticReferenceSourcesTests checks them
    // against Fourier series).
    ("poisson 1D f = 1", """{"preset":"poisson","domain":{"x":[0,1]},"source":"1","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => q[0] * (1 - q[0]) / 2),
    ("poisson 2D f = 1", """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"1","boundary_conditions":[{"where":"all","value":"0"}]}""", null),
    ("poisson 3D f = 1", """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},"source":"1","boundary_conditions":[{"where":"all","value":"0"}]}""", null),
    ("helmholtz 2D k = 1, f = 1", """{"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[0,1],"y":[0,1]},"source":"1","boundary_conditions":[{"where":"all","value":"0"}]}""", null),
    // -Δu = 3π² u for u = sin(πx)sin(πy)sin(πz); compared at z = 0.5.
    ("poisson 3D dirichlet", """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},"source":"3*pi^2*sin(pi*x)*sin(pi*y)*sin(pi*z)","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => Math.Sin(pi * q[0]) * Math.Sin(pi * q[1]) * Math.Sin(pi * q[2])),
    // u = e^{-2π²αt}cos(πx)cos(πy), zero normal derivative on every face.
    ("heat 2D neumann", """{"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"cos(pi*x)*cos(pi*y)","boundary_conditions":[{"where":"all","type":"neumann","value":"0"}]}""",
        q => Math.Exp(-0.2 * pi * pi * q[2]) * Math.Cos(pi * q[0]) * Math.Cos(pi * q[1])),
    // u = e^{-8π²Dt} sin(2π(x - t)) sin(2πy), a = (1, 0), periodic.
    ("advection-diffusion 2D periodic", """{"preset":"advection_diffusion","coefficients":{"D":0.01},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"sin(2*pi*x)*sin(2*pi*y)","boundary_conditions":[{"where":"all","type":"periodic"}]}""",
        q => Math.Exp(-0.08 * pi * pi * q[2]) * Math.Sin(2 * pi * (q[0] - q[2])) * Math.Sin(2 * pi * q[1])),
    ("allen-cahn 2D periodic (defaults)", """{"preset":"allen_cahn","domain":{"x":[-1,1],"y":[-1,1],"t":[0,1]},"initial_condition":"x^2*cos(pi*x)*cos(pi*y)","boundary_conditions":[{"where":"all","type":"periodic"}]}""", null),
    // u = cos(√2πt) sin(πx) sin(πy).
    ("wave 2D dirichlet", """{"preset":"wave","domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)*sin(pi*y)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => Math.Cos(Math.Sqrt(2) * pi * q[2]) * Math.Sin(pi * q[0]) * Math.Sin(pi * q[1])),
    // u = e^{-3π²αt} sin(πx) sin(πy) sin(πz).
    ("heat 3D dirichlet", """{"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"y":[0,1],"z":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)*sin(pi*y)*sin(pi*z)","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => Math.Exp(-0.3 * pi * pi * q[3]) * Math.Sin(pi * q[0]) * Math.Sin(pi * q[1]) * Math.Sin(pi * q[2])),
    // u = cos(√3πt) sin(πx) sin(πy) sin(πz).
    ("wave 3D dirichlet", """{"preset":"wave","domain":{"x":[0,1],"y":[0,1],"z":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)*sin(pi*y)*sin(pi*z)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]}""",
        q => Math.Cos(Math.Sqrt(3) * pi * q[3]) * Math.Sin(pi * q[0]) * Math.Sin(pi * q[1]) * Math.Sin(pi * q[2])),
    ("burgers 1D periodic (defaults)", """{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}""", null),
};

var process = Process.GetCurrentProcess();
Console.WriteLine("| problem | reference | wall ms | CPU ms | error estimate | true max error |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var (name, spec, exact) in cases)
{
    var p = PdeSpecCompiler.Compile(spec);
    FdReferenceSolver.Solve(p); // warm-up (JIT)
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var g = FdReferenceSolver.Solve(p);
    watch.Stop();
    process.Refresh();
    var trueError = exact is null ? "n/a" : TrueError(p, g, exact).ToString("G3", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {g.Method} | {watch.ElapsedMilliseconds} | {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} | {g.ErrorEstimate:G3} | {trueError} |"));
}

static double TrueError(PdeProblem p, GridSolution g, Func<double[], double> exact)
{
    var rest = p.Inputs.Skip(g.Axes.Count).Select(a => a.Name == 't' ? a.Max : (a.Min + a.Max) / 2).ToArray();
    var max = 0.0;
    for (var i = 0; i < g.Values.GetLength(0); i++)
        for (var j = 0; j < g.Values.GetLength(1); j++)
        {
            double[] at = g.Nodes.Count > 1 ? [g.Nodes[0][i], g.Nodes[1][j], .. rest] : [g.Nodes[0][i], .. rest];
            max = Math.Max(max, Math.Abs(g.Values[i, j] - exact(at)));
        }

    return max;
}
