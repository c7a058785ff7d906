using McpFlow.Core.Errors;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// A uniform tensor grid over a problem's space axes (1 to 3) that knows each face's boundary condition:
/// Dirichlet nodes are fixed to g; Neumann faces (outward normal derivative = g) use a ghost node mirrored across
/// the face, u(-h) = u(h) + 2h·g, so the Laplacian there is (2u₁ - 2u₀)/h² + 2g/h (second order); periodic axes keep
/// nodes 0..n-1 as unknowns and node n as a copy of node 0. Node indices run with the last axis fastest.
/// </summary>
public sealed class FdGrid
{
    private const double MaxNodes = 2_000_000; // ~16M matrix nonzeros at 7 per row; refused before allocating
    private const int MinCells = 4;            // a periodic line needs ≥ 3 unknowns for the cyclic solve
    private readonly Func<double[], double>?[] _faceValue; // [axis * 2 + (isMax ? 1 : 0)], null for periodic
    private readonly double[] _buffer;
    private readonly int[] _strides;
    private readonly int[] _neighbourLow;  // [node * Dims + axis]; for a Neumann end both neighbours are the inner node
    private readonly int[] _neighbourHigh;
    private readonly int[] _neumannFace;   // [node * Dims + axis]: face index, or -1
    private readonly int[] _source;        // fixed: Dirichlet face index; copy: master node

    /// <summary>Builds the grid with <paramref name="cells"/> intervals on every space axis.</summary>
    public FdGrid(PdeProblem problem, int cells)
    {
        if (FdBoundaryCheck.Problem(problem) is { } reason)
            throw McpFlowException.Invalid($"No finite-difference grid for this problem: {reason}");
        if (cells < MinCells || Math.Pow(cells + 1, problem.Space.Count) > MaxNodes)
            throw McpFlowException.Invalid($"{cells} cells per axis in {problem.Space.Count}D is outside what the reference solver handles ({MinCells} or more cells, at most {MaxNodes:N0} nodes).");
        Problem = problem;
        Sampler = new PointSampler(problem);
        Dims = problem.Space.Count;
        Cells = cells;
        Kinds = new BoundaryKind[2 * Dims];
        _faceValue = new Func<double[], double>?[2 * Dims];
        foreach (var bc in problem.Boundaries)
        {
            var face = Face(problem.Space.ToList().FindIndex(a => a.Name == bc.Face.Axis), bc.Face.IsMax);
            Kinds[face] = bc.Kind;
            _faceValue[face] = bc.Value is null ? null : Sampler.Compile(bc.Value);
        }

        H = problem.Space.Select(a => a.Length / cells).ToArray();
        Nodes = problem.Space.Select(a => Enumerable.Range(0, cells + 1).Select(i => a.Min + a.Length * i / cells).ToArray()).ToArray();
        _strides = new int[Dims];
        Count = 1;
        for (var a = Dims - 1; a >= 0; a--)
        {
            _strides[a] = Count;
            Count *= cells + 1;
        }

        _buffer = Sampler.At(new double[problem.Inputs.Count]);
        Roles = new NodeRole[Count];
        _source = new int[Count];
        _neighbourLow = new int[Count * Dims];
        _neighbourHigh = new int[Count * Dims];
        _neumannFace = new int[Count * Dims];
        for (var node = 0; node < Count; node++)
            Classify(node);
    }

    /// <summary>The problem.</summary>
    public PdeProblem Problem { get; }

    /// <summary>Compiles expressions and lays out points.</summary>
    public PointSampler Sampler { get; }

    /// <summary>Space dimensions.</summary>
    public int Dims { get; }

    /// <summary>Intervals per axis.</summary>
    public int Cells { get; }

    /// <summary>Spacing per axis.</summary>
    public double[] H { get; }

    /// <summary>Node coordinates per axis (Cells + 1 each).</summary>
    public double[][] Nodes { get; }

    /// <summary>Total nodes.</summary>
    public int Count { get; }

    /// <summary>Boundary kind per face (axis * 2 + side).</summary>
    public BoundaryKind[] Kinds { get; }

    /// <summary>Role of each node.</summary>
    public NodeRole[] Roles { get; }

    /// <summary>True when some face is Dirichlet (otherwise a steady Laplacian is singular).</summary>
    public bool HasDirichlet => Kinds.Contains(BoundaryKind.Dirichlet);

    /// <summary>Index of a node from its per-axis indices.</summary>
    public int Index(ReadOnlySpan<int> indices)
    {
        var node = 0;
        for (var a = 0; a < Dims; a++)
            node += indices[a] * _strides[a];
        return node;
    }

    /// <summary>The index of <paramref name="node"/> along <paramref name="axis"/>.</summary>
    public int IndexAlong(int node, int axis) => node / _strides[axis] % (Cells + 1);

    /// <summary>Index step along an axis.</summary>
    public int Stride(int axis) => _strides[axis];

    /// <summary>The sampler's slot array at a node and time (a shared buffer: read it before the next call).</summary>
    public double[] Point(int node, double t)
    {
        for (var a = 0; a < Dims; a++)
            _buffer[a] = Nodes[a][IndexAlong(node, a)];
        if (Problem.Time is not null)
            _buffer[Dims] = t;
        return _buffer;
    }

    /// <summary>Sets fixed nodes to their Dirichlet values at time <paramref name="t"/> and copies periodic nodes.</summary>
    public void ApplyConstraints(double[] u, double t)
    {
        for (var node = 0; node < Count; node++)
            if (Roles[node] == NodeRole.Fixed)
                u[node] = DirichletValue(node, t);
        CopyPeriodic(u);
    }

    /// <summary>Copies node n of periodic axes from node 0.</summary>
    public void CopyPeriodic(double[] u)
    {
        for (var node = 0; node < Count; node++)
            if (Roles[node] == NodeRole.Copy)
                u[node] = u[_source[node]];
    }

    /// <summary>An expression of the coordinates (and t) at every node.</summary>
    public double[] Field(Expr expression, double t)
    {
        var f = Sampler.Compile(expression);
        var u = new double[Count];
        for (var node = 0; node < Count; node++)
            u[node] = f(Point(node, t));
        CopyPeriodic(u);
        return u;
    }

    /// <summary>The node a periodic copy node repeats.</summary>
    public int Master(int node) => Roles[node] == NodeRole.Copy ? _source[node] : node;

    /// <summary>The Dirichlet value of a fixed node.</summary>
    public double DirichletValue(int node, double t) => _faceValue[_source[node]]!(Point(node, t));

    /// <summary>Second difference of u along an axis at an active node, with the Neumann data term.</summary>
    public double SecondDifference(double[] u, int node, int axis, double t)
    {
        var k = node * Dims + axis;
        var h = H[axis];
        var value = (u[_neighbourLow[k]] - 2 * u[node] + u[_neighbourHigh[k]]) / (h * h);
        return _neumannFace[k] < 0 ? value : value + NeumannData(node, axis, t);
    }

    /// <summary>The Neumann term 2g/h of the ghost-node Laplacian at an active node (0 off Neumann faces).</summary>
    public double NeumannData(int node, int axis, double t)
    {
        var face = _neumannFace[node * Dims + axis];
        return face < 0 ? 0 : 2 * _faceValue[face]!(Point(node, t)) / H[axis];
    }

    /// <summary>Central first difference along an axis at an active node; on a Neumann face the condition itself
    /// (u_a = -g at the min face, +g at the max face).</summary>
    public double FirstDifference(double[] u, int node, int axis, double t)
    {
        var k = node * Dims + axis;
        var face = _neumannFace[k];
        if (face >= 0)
        {
            var g = _faceValue[face]!(Point(node, t));
            return face % 2 == 1 ? g : -g;
        }

        return (u[_neighbourHigh[k]] - u[_neighbourLow[k]]) / (2 * H[axis]);
    }

    /// <summary>Neighbours of an active node along an axis (equal at a Neumann face).</summary>
    public (int Low, int High) Neighbours(int node, int axis) => (_neighbourLow[node * Dims + axis], _neighbourHigh[node * Dims + axis]);

    private static int Face(int axis, bool isMax) => axis * 2 + (isMax ? 1 : 0);

    private void Classify(int node)
    {
        Span<int> idx = stackalloc int[Dims];
        for (var a = 0; a < Dims; a++)
            idx[a] = IndexAlong(node, a);
        for (var a = 0; a < Dims; a++)
        {
            var face = idx[a] == 0 ? Face(a, false) : idx[a] == Cells ? Face(a, true) : -1;
            if (face >= 0 && Kinds[face] == BoundaryKind.Dirichlet)
            {
                Roles[node] = NodeRole.Fixed;
                _source[node] = face;
                return;
            }
        }

        var master = node;
        for (var a = 0; a < Dims; a++)
            if (idx[a] == Cells && Kinds[Face(a, true)] == BoundaryKind.Periodic)
                master -= Cells * _strides[a];
        if (master != node)
        {
            Roles[node] = NodeRole.Copy;
            _source[node] = master;
            return;
        }

        Roles[node] = NodeRole.Active;
        for (var a = 0; a < Dims; a++)
        {
            var k = node * Dims + a;
            var s = _strides[a];
            _neumannFace[k] = -1;
            (_neighbourLow[k], _neighbourHigh[k]) = (node - s, node + s);
            if (Kinds[Face(a, false)] == BoundaryKind.Periodic)
            {
                if (idx[a] == 0) _neighbourLow[k] = node + (Cells - 1) * s;
                if (idx[a] == Cells - 1) _neighbourHigh[k] = node - (Cells - 1) * s;
            }
            else if (idx[a] == 0 || idx[a] == Cells)
            {
                var inner = idx[a] == 0 ? node + s : node - s;
                (_neighbourLow[k], _neighbourHigh[k]) = (inner, inner);
                _neumannFace[k] = Face(a, idx[a] == Cells);
            }
        }
    }
}
