using System.Globalization;
using System.Xml.Linq;

namespace McpFlow.Coverage;

/// <summary>
/// The union of several Cobertura reports. Each test project instruments the product assemblies it loads, so one line
/// appears in several reports: it counts as covered when any report hit it.
/// </summary>
internal sealed class CoverageMerge
{
    private readonly Dictionary<CoverageLine, (bool Covered, string Class)> _lines = [];

    /// <summary>How many reports were added.</summary>
    public int Reports { get; private set; }

    /// <summary>Adds one Cobertura document (coverlet's coverage.cobertura.xml).</summary>
    public void Add(XDocument report)
    {
        Reports++;
        // A class's filename is relative to one of the report's <source> roots, and coverlet picks the roots per report
        // (src/McpFlow.Core/ when a test project covers only Core, src/ when it covers several): the same file must
        // get the same key in every report, so it is keyed by its full path.
        var sources = report.Descendants("source").Select(s => s.Value).ToList();
        foreach (var package in report.Descendants("package"))
        {
            var assembly = (string?)package.Attribute("name") ?? "?";
            foreach (var type in package.Descendants("class"))
            {
                var file = FullPath((string?)type.Attribute("filename") ?? "?", sources);
                var name = TopLevel((string?)type.Attribute("name") ?? "?");
                // Method-level <lines> repeat the class-level ones: read the class's own list only.
                foreach (var line in type.Elements("lines").Elements("line"))
                {
                    var number = int.Parse((string?)line.Attribute("number") ?? "0", CultureInfo.InvariantCulture);
                    var hits = long.Parse((string?)line.Attribute("hits") ?? "0", CultureInfo.InvariantCulture);
                    var key = new CoverageLine(assembly, file, number);
                    _lines[key] = _lines.TryGetValue(key, out var known)
                        ? (known.Covered || hits > 0, known.Class)
                        : (hits > 0, name);
                }
            }
        }
    }

    /// <summary>Covered and total lines per assembly, by name.</summary>
    public IReadOnlyList<(string Assembly, int Covered, int Total)> ByAssembly() =>
        [.. _lines.GroupBy(l => l.Key.Assembly, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(l => l.Value.Covered), g.Count()))
            .OrderBy(a => a.Key, StringComparer.Ordinal)];

    /// <summary>The classes with the most uncovered lines (nested and compiler-generated types folded into their owner).</summary>
    public IReadOnlyList<(string Class, int Uncovered, int Total)> HotSpots(int count) =>
        [.. _lines.GroupBy(l => (l.Key.Assembly, l.Value.Class))
            .Select(g => (g.Key.Class, Uncovered: g.Count(l => !l.Value.Covered), Total: g.Count()))
            .Where(c => c.Uncovered > 0)
            .OrderByDescending(c => c.Uncovered).ThenBy(c => c.Class, StringComparer.Ordinal)
            .Take(count)];

    private static string TopLevel(string name)
    {
        var nested = name.IndexOf('/', StringComparison.Ordinal);
        return nested < 0 ? name : name[..nested];
    }

    private static string FullPath(string file, List<string> sources)
    {
        if (Path.IsPathRooted(file) || sources.Count == 0)
            return file;
        var existing = sources.Select(root => Path.Combine(root, file)).FirstOrDefault(File.Exists);
        return Path.GetFullPath(existing ?? Path.Combine(sources[0], file));
    }
}
