namespace McpFlow.Workbench.Records;

/// <summary>Versions of McpFlow, .NET and the engine assemblies loaded when the run was recorded.</summary>
/// <param name="McpFlow">McpFlow's informational version.</param>
/// <param name="Dotnet">The .NET runtime version.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Engines">Engine assembly name → version, for the engines loaded in the process.</param>
public sealed record VersionInfo(string McpFlow, string Dotnet, string Os, IReadOnlyDictionary<string, string> Engines);
