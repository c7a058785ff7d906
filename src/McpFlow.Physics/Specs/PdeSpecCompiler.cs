using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Physics.Expressions;

namespace McpFlow.Physics.Specs;

/// <summary>Parses and checks a JSON spec into a <see cref="PdeProblem"/>. Structural errors (bad JSON, unknown
/// axes, degenerate domains, unknown symbols, derivatives along missing axes) throw with an actionable message;
/// missing or conflicting conditions are left to <see cref="Analysis.WellPosednessChecker"/>.</summary>
public static class PdeSpecCompiler
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses JSON text.</summary>
    public static PdeProblem Compile(string json)
    {
        PdeSpecDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<PdeSpecDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            throw McpFlowException.Invalid($"The problem spec is not valid JSON for a PDE spec: {ex.Message}",
                "Example: {\"preset\":\"poisson\",\"domain\":{\"x\":[0,1],\"y\":[0,1]},\"source\":\"2*pi^2*sin(pi*x)*sin(pi*y)\",\"boundary_conditions\":[{\"where\":\"all\",\"type\":\"dirichlet\",\"value\":\"0\"}]}");
        }

        return Compile(doc ?? throw McpFlowException.Invalid("The problem spec is empty (JSON null)."));
    }

    /// <summary>Compiles a parsed document.</summary>
    public static PdeProblem Compile(PdeSpecDocument doc)
    {
        var (space, time) = Domain(doc.Domain);
        var preset = doc.Preset is null ? null : PdePresets.Get(doc.Preset);
        if (preset is not null && doc.Equation is not null)
            throw McpFlowException.Invalid("Give either \"preset\" or \"equation\", not both.");
        if (preset is null && string.IsNullOrWhiteSpace(doc.Equation))
            throw McpFlowException.Invalid("The spec needs a \"preset\" or an \"equation\".",
                $"Presets: {string.Join(", ", PdePresets.All.Keys)}. Custom: \"equation\": \"u_t - 0.1*u_xx = 0\".");
        if (preset is not null && preset.NeedsTime && time is null)
            throw McpFlowException.Invalid($"The {preset.Name} equation evolves in time; add a time axis to the domain, e.g. \"t\": [0, 1].");
        if (preset is not null && !preset.NeedsTime && time is not null)
            throw McpFlowException.Invalid($"The {preset.Name} equation is steady (no time derivative); remove \"t\" from the domain or use the heat/wave preset.");
        if (preset is not null && space.Count > preset.MaxSpaceDims)
            throw McpFlowException.Invalid($"The {preset.Name} preset supports {preset.MaxSpaceDims} space dimension(s); the domain has {space.Count}.",
                "Write a custom \"equation\" for other dimensions.");

        var coefficients = new Dictionary<string, double>(preset?.Defaults ?? new Dictionary<string, double>(), StringComparer.Ordinal);
        foreach (var (name, value) in doc.Coefficients ?? [])
        {
            if (!IsCoefficientName(name))
                throw McpFlowException.Invalid($"Coefficient name '{name}' is not allowed: use a letter-led name that is not x, y, z, t, u, f, pi, e or a function name.");
            if (!double.IsFinite(value))
                throw McpFlowException.Invalid($"Coefficient '{name}' must be a finite number; got {value}.");
            if (preset is not null && !preset.Defaults.ContainsKey(name))
                throw McpFlowException.Invalid($"The {preset.Name} preset has no coefficient '{name}'.",
                    preset.Defaults.Count == 0 ? "It takes no coefficients; put the forcing into \"source\"." : $"Its coefficients: {string.Join(", ", preset.Defaults.Keys)}.");
            coefficients[name] = value;
        }

        var axes = space.Select(a => a.Name).Concat(time is null ? [] : ['t']).ToList();
        var pointSymbols = axes.Select(a => a.ToString()).Concat(coefficients.Keys).ToHashSet(StringComparer.Ordinal);
        var source = doc.Source is null ? null : Checked(doc.Source, "source", pointSymbols, axes, allowU: false);

        string residualText;
        if (preset is not null)
        {
            residualText = PdePresets.Expand(preset, space.Select(a => a.Name).ToList());
        }
        else
        {
            var parts = doc.Equation!.Split('=');
            if (parts.Length > 2)
                throw McpFlowException.Invalid($"The equation \"{doc.Equation}\" has more than one '='.");
            residualText = parts.Length == 2 ? $"{parts[0].Trim()} - ({parts[1].Trim()})" : doc.Equation!;
        }

        var equationSymbols = new HashSet<string>(pointSymbols, StringComparer.Ordinal) { "f" };
        var residual = Checked(preset is null ? doc.Equation!.Split('=')[0] : residualText, "equation", equationSymbols, axes, allowU: true);
        if (preset is null && doc.Equation!.Contains('=', StringComparison.Ordinal))
            Checked(doc.Equation.Split('=')[1], "equation's right-hand side", equationSymbols, axes, allowU: true);
        residual = ExprParser.Parse(residualText, "equation");
        if (!residual.Symbols().Any(s => DerivativeSymbol.TryParse(s, out _)))
            throw McpFlowException.Invalid($"The equation \"{doc.Equation}\" does not involve u.", "Write it over u and its derivatives, e.g. \"u_xx + u_yy = f\".");
        residual = Substitution.Apply(residual, new Dictionary<string, Expr> { ["f"] = source ?? new NumExpr(0) });

        return new PdeProblem
        {
            Kind = preset?.Name ?? "custom",
            Display = preset?.Display ?? doc.Equation!,
            ResidualText = residualText,
            Residual = residual,
            Coefficients = coefficients,
            Space = space,
            Time = time,
            Source = source,
            Boundaries = Boundaries(doc.BoundaryConditions, space, pointSymbols, axes),
            Initial = doc.InitialCondition is null ? null : Checked(doc.InitialCondition, "initial_condition", pointSymbols, axes, allowU: false),
            InitialVelocity = doc.InitialVelocity is null ? null : Checked(doc.InitialVelocity, "initial_velocity", pointSymbols, axes, allowU: false),
            Exact = doc.ExactSolution is null ? null : Checked(doc.ExactSolution, "exact_solution", pointSymbols, axes, allowU: false),
            ExactText = doc.ExactSolution,
            Document = doc,
        };
    }

    private static (IReadOnlyList<Axis> Space, Axis? Time) Domain(Dictionary<string, double[]>? domain)
    {
        if (domain is null || domain.Count == 0)
            throw McpFlowException.Invalid("The spec needs a \"domain\", e.g. {\"x\": [0, 1], \"y\": [0, 1]} (add \"t\": [0, 1] for time-dependent problems).");
        var space = new List<Axis>();
        Axis? time = null;
        foreach (var (key, range) in domain)
        {
            var name = key.Trim().ToLowerInvariant();
            if (name.Length != 1 || !DerivativeSymbol.Variables.Contains(name[0]))
                throw McpFlowException.Invalid($"Unknown domain axis '{key}'; axes are x, y, z (space) and t (time).");
            if (range is null || range.Length != 2)
                throw McpFlowException.Invalid($"Domain axis '{key}' must be [min, max].");
            if (!double.IsFinite(range[0]) || !double.IsFinite(range[1]) || range[1] <= range[0])
                throw McpFlowException.Invalid($"Domain axis '{key}' is degenerate: [{range[0]}, {range[1]}]; it needs min < max, both finite.");
            var axis = new Axis(name[0], range[0], range[1]);
            if (name == "t")
                time = axis;
            else
                space.Add(axis);
        }

        if (space.Count == 0)
            throw McpFlowException.Invalid("The domain has no space axis; give at least \"x\": [min, max].");
        space.Sort((a, b) => DerivativeSymbol.Variables.IndexOf(a.Name).CompareTo(DerivativeSymbol.Variables.IndexOf(b.Name)));
        var names = string.Concat(space.Select(a => a.Name));
        if (names is not ("x" or "xy" or "xyz"))
            throw McpFlowException.Invalid($"Space axes must be x, then y, then z (got {string.Join(", ", names.ToCharArray())}).");
        return (space, time);
    }

    private static List<BoundaryCondition> Boundaries(List<BoundarySpec>? specs, IReadOnlyList<Axis> space, ISet<string> symbols, IReadOnlyList<char> axes)
    {
        var result = new List<BoundaryCondition>();
        foreach (var spec in specs ?? [])
        {
            if (spec.Extra is { Count: > 0 })
                throw McpFlowException.Invalid($"Unknown key(s) in a boundary condition: {string.Join(", ", spec.Extra.Keys)}.", "Keys: where, type, value.");
            var kind = spec.Type.Trim().ToLowerInvariant() switch
            {
                "dirichlet" => BoundaryKind.Dirichlet,
                "neumann" => BoundaryKind.Neumann,
                "periodic" => BoundaryKind.Periodic,
                _ => throw McpFlowException.Invalid($"Unknown boundary type '{spec.Type}'; use dirichlet, neumann or periodic."),
            };
            var value = kind == BoundaryKind.Periodic ? null : Checked(spec.Value ?? "0", "boundary value", symbols, axes, allowU: false);
            foreach (var face in Faces(spec.Where, space))
                result.Add(new BoundaryCondition(face, kind, value, kind == BoundaryKind.Periodic ? null : spec.Value ?? "0"));
        }

        return result;
    }

    private static IEnumerable<Face> Faces(string where, IReadOnlyList<Axis> space)
    {
        var w = where.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (w is "all" or "")
            return space.SelectMany(a => new[] { new Face(a.Name, false), new Face(a.Name, true) });
        var axis = space.FirstOrDefault(a => a.Name == w[0]) ?? throw McpFlowException.Invalid(
            $"Boundary 'where' = '{where}' names an axis that is not a space axis of the domain ({string.Join(", ", space.Select(a => a.Name))}).",
            "Use all, x, x=min, x=max or x=<value at a face>; initial conditions go in \"initial_condition\".");
        if (w.Length == 1)
            return [new Face(axis.Name, false), new Face(axis.Name, true)];
        var side = w.Length > 2 && w[1] == '=' ? w[2..] : throw McpFlowException.Invalid($"Boundary 'where' = '{where}' is not understood; use all, x, x=min, x=max or x=0.");
        if (side is "min") return [new Face(axis.Name, false)];
        if (side is "max") return [new Face(axis.Name, true)];
        if (double.TryParse(side, NumberStyles.Float, CultureInfo.InvariantCulture, out var at))
        {
            if (Math.Abs(at - axis.Min) <= 1e-12 * Math.Max(1, Math.Abs(axis.Min))) return [new Face(axis.Name, false)];
            if (Math.Abs(at - axis.Max) <= 1e-12 * Math.Max(1, Math.Abs(axis.Max))) return [new Face(axis.Name, true)];
            throw McpFlowException.Invalid($"Boundary '{where}': {axis.Name}={side} is not a face of the domain ({axis.Name} runs from {axis.Min} to {axis.Max}).");
        }

        throw McpFlowException.Invalid($"Boundary 'where' = '{where}' is not understood; use all, x, x=min, x=max or x=0.");
    }

    private static Expr Checked(string text, string label, ISet<string> allowed, IReadOnlyList<char> axes, bool allowU)
    {
        var expr = ExprParser.Parse(text, label);
        foreach (var sym in Occurrences(expr))
        {
            if (allowed.Contains(sym.Name))
                continue;
            if (DerivativeSymbol.TryParse(sym.Name, out var order))
            {
                if (!allowU)
                    throw ExprParser.ErrorAt(text, label, sym.Position, $"'{sym.Name}' (the unknown) cannot appear here; this must be a known function of the coordinates");
                var missing = order.FirstOrDefault(c => !axes.Contains(c));
                if (missing != default)
                    throw ExprParser.ErrorAt(text, label, sym.Position, $"'{sym.Name}' differentiates along '{missing}', which is not an axis of the domain ({string.Join(", ", axes)})");
                continue;
            }

            throw ExprParser.ErrorAt(text, label, sym.Position,
                $"unknown symbol '{sym.Name}' (known here: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}{(allowU ? ", u and its derivatives such as u_x, u_xx" : "")})");
        }

        return expr;
    }

    private static IEnumerable<SymExpr> Occurrences(Expr e) => e switch
    {
        SymExpr s => [s],
        NegExpr n => Occurrences(n.Operand),
        BinExpr b => Occurrences(b.Left).Concat(Occurrences(b.Right)),
        CallExpr c => Occurrences(c.Argument),
        _ => [],
    };

    private static bool IsCoefficientName(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && name is not ("x" or "y" or "z" or "t" or "u" or "f" or "pi" or "e")
        && !Functions.Names.Contains(name) && !DerivativeSymbol.TryParse(name, out _);
}
