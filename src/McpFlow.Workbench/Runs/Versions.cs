using System.Reflection;
using System.Runtime.InteropServices;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Runs;

/// <summary>Collects the versions recorded in manifests: McpFlow, .NET, OS, and the engine assemblies loaded.</summary>
public static class Versions
{
    private static readonly string[] EngineAssemblies =
        ["DuckDB.NET.Data", "Microsoft.ML", "TorchSharp", "ScottPlot", "MathNet.Numerics", "SkiaSharp", "ModelContextProtocol.Core"];

    /// <summary>The versions now (engines loaded later in the process appear in later runs).</summary>
    public static VersionInfo Current()
    {
        var mcpflow = typeof(Versions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var engines = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName())
            .Where(n => n.Name is not null && EngineAssemblies.Contains(n.Name))
            .GroupBy(n => n.Name!)
            .ToDictionary(g => g.Key, g => g.First().Version?.ToString() ?? "unknown");
        return new VersionInfo(mcpflow, Environment.Version.ToString(), RuntimeInformation.OSDescription, engines);
    }
}
