namespace McpFlow.Data.Loading;

/// <summary>Reads one format into a new table of the workspace database, within the request's limits.</summary>
internal interface IFormatLoader
{
    /// <summary>Creates the request's table (which does not exist yet) from its files; returns what was detected
    /// (delimiter, header, sheet, ...). Checks the files against the limits before the engine reads them.</summary>
    IReadOnlyDictionary<string, string> Load(LoadRequest request);
}
