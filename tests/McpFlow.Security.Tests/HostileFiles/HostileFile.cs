namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>One hostile file: its family (a server process per family), what it is, its file name, how to make it, and
/// which file-taking tools it goes through.</summary>
/// <param name="Family">json, csv, excel, sqlite, duckdb, parquet, special or review.</param>
/// <param name="Name">What makes it hostile, e.g. "object nested 20,000 deep".</param>
/// <param name="FileName">Its name in the family's folder (the extension picks the loader).</param>
/// <param name="Create">Writes it at the given path.</param>
/// <param name="Via">The tools it is handed to.</param>
internal sealed record HostileFile(string Family, string Name, string FileName, Action<string> Create, HostileUse Via)
{
    /// <summary>What the tools are given, relative to the family's folder: the file name, or a glob.</summary>
    public string Argument { get; init; } = FileName;

    /// <inheritdoc />
    public override string ToString() => $"{Family}/{FileName} ({Name})";
}
