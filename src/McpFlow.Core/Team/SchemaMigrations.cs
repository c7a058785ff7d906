using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace McpFlow.Core.Team;

/// <summary>
/// The schema migrations embedded in an assembly: resources named <c>{prefix}NNNN_name.sql</c>, numbered 1, 2, … without
/// gaps. McpFlow.Core embeds its own (<c>Team/Migrations/*.sql</c>, see <see cref="Core"/>); a new table is a new script
/// with the next number there, never an edit of an applied one (the checksum check refuses that).
/// </summary>
public static partial class SchemaMigrations
{
    /// <summary>Resource name prefix of McpFlow.Core's scripts.</summary>
    public const string CorePrefix = "McpFlow.Core.Migrations.";

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> CoreScripts =
        new(() => FromAssembly(typeof(SchemaMigrations).Assembly, CorePrefix));

    /// <summary>McpFlow's migrations of the team database, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Core => CoreScripts.Value;

    /// <summary>The scripts of <paramref name="assembly"/> under <paramref name="prefix"/>, ordered by number; throws when
    /// a name does not follow <c>NNNN_name.sql</c> or the numbers are not 1..n.</summary>
    public static IReadOnlyList<SchemaMigration> FromAssembly(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var list = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var match = ScriptName().Match(resource[prefix.Length..]);
            if (!match.Success)
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new SchemaMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations under '{prefix}' must be numbered 1..{list.Count} without gaps; found {list[i].Version} at position {i + 1}.");
        }

        return list;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}
