namespace McpFlow.Core.Configuration;

/// <summary>Limits applied to every SQL statement a client sends.</summary>
public sealed class SqlOptions
{
    /// <summary>Statements that change data are refused unless this is true. Default: false.</summary>
    public bool AllowWrites { get; set; }

    /// <summary>Wall-clock limit per statement, in seconds. Default: 30 (well inside a client's ~60 s cut).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Rows returned per page at most. Default: 500.</summary>
    public int MaxRows { get; set; } = 500;

    /// <summary>Characters of rendered output per call at most. Default: 60 000 (about 15k tokens).</summary>
    public int MaxCharacters { get; set; } = 60_000;
}
