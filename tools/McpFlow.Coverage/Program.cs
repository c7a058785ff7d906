using System.Globalization;
using System.Xml.Linq;
using McpFlow.Coverage;

// Usage: dotnet run --project tools/McpFlow.Coverage -- <folder with coverage.cobertura.xml files> [hot spots, default 10]
if (args.Length is < 1 or > 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: McpFlow.Coverage <results folder> [number of hot spots]");
    return 2;
}

var count = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var merge = new CoverageMerge();
foreach (var file in Directory.EnumerateFiles(args[0], "coverage.cobertura.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    merge.Add(XDocument.Load(file));
if (merge.Reports == 0)
{
    Console.Error.WriteLine($"no coverage.cobertura.xml under {args[0]}");
    return 1;
}

Console.WriteLine($"Line coverage of the product assemblies (reports of {merge.Reports} test projects merged; code that runs only in child server processes is not counted):");
var all = merge.ByAssembly();
foreach (var (assembly, covered, total) in all)
    Console.WriteLine($"  {assembly,-24} {Percent(covered, total),6}  ({covered:N0} of {total:N0} lines)");
Console.WriteLine($"  {"all",-24} {Percent(all.Sum(a => a.Covered), all.Sum(a => a.Total)),6}  ({all.Sum(a => a.Covered):N0} of {all.Sum(a => a.Total):N0} lines)");
Console.WriteLine($"Uncovered hot spots (the {count} classes with the most uncovered lines):");
foreach (var (type, uncovered, total) in merge.HotSpots(count))
    Console.WriteLine($"  {uncovered,5} of {total,5} lines uncovered  {type}");
return 0;

static string Percent(int covered, int total) =>
    total == 0 ? "n/a" : (100.0 * covered / total).ToString("F1", CultureInfo.InvariantCulture) + "%";
