namespace McpFlow.Physics.Expressions;

/// <summary>
/// Names of the unknown and its derivatives: <c>u</c>, <c>u_x</c>, <c>u_xx</c>, <c>u_xy</c>, <c>u_t</c>, <c>u_tt</c>…
/// The letters after the underscore are the variables differentiated by, kept in the canonical order x, y, z, t.
/// </summary>
public static class DerivativeSymbol
{
    /// <summary>The unknown.</summary>
    public const string Unknown = "u";

    /// <summary>Coordinates, in canonical order.</summary>
    public const string Variables = "xyzt";

    /// <summary>True for <c>u</c> or a derivative of it; <paramref name="order"/> lists the variables.</summary>
    public static bool TryParse(string name, out string order)
    {
        order = "";
        if (name == Unknown)
            return true;
        if (!name.StartsWith("u_", StringComparison.Ordinal) || name.Length < 3)
            return false;
        var letters = name[2..];
        if (letters.Any(c => !Variables.Contains(c)))
            return false;
        order = Canonical(letters);
        return true;
    }

    /// <summary>The symbol of u differentiated by the letters of <paramref name="order"/>.</summary>
    public static string Of(string order) => order.Length == 0 ? Unknown : "u_" + Canonical(order);

    /// <summary>Sorts the letters into x, y, z, t order (mixed partials commute for smooth u).</summary>
    public static string Canonical(string letters) =>
        new(letters.OrderBy(c => Variables.IndexOf(c)).ToArray());
}
