namespace McpFlow.Testing;

/// <summary>Locates the repository (for examples/ data and README checks).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor folder holding McpFlow.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>The examples/data folder.</summary>
    public static string ExampleData => Path.Combine(Root, "examples", "data");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "McpFlow.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("McpFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
