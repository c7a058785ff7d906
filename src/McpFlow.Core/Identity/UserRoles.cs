namespace McpFlow.Core.Identity;

/// <summary>The names of <see cref="UserRole"/> in configuration, role claims and messages.</summary>
public static class UserRoles
{
    /// <summary>Every role name, lowest first.</summary>
    public static readonly IReadOnlyList<string> Names = ["viewer", "analyst", "approver"];

    /// <summary>The role's name, e.g. <c>analyst</c>.</summary>
    public static string Name(this UserRole role) => Names[(int)role];

    /// <summary>The role named <paramref name="name"/> (case-insensitive), or null for an unknown name.</summary>
    public static UserRole? TryParse(string? name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
                return (UserRole)i;
        }

        return null;
    }
}
