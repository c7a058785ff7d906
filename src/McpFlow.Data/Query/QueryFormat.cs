namespace McpFlow.Data.Query;

/// <summary>How query results are rendered in the text answer.</summary>
public enum QueryFormat
{
    /// <summary>A Markdown table (default).</summary>
    Markdown,
    /// <summary>A JSON array of row objects.</summary>
    Json,
    /// <summary>CSV with a header line.</summary>
    Csv,
}
