namespace McpFlow.Data.Reports;

/// <summary>A generated EDA report.</summary>
/// <param name="Name">Report name (its folder under the workspace's reports), e.g. <c>customers-20261123-101500</c>.</param>
/// <param name="Table">Table profiled.</param>
/// <param name="Folder">Full path of the report folder.</param>
/// <param name="Files">Written files by format (markdown, html, json).</param>
/// <param name="Charts">Chart PNGs.</param>
/// <param name="Summary">Short summary.</param>
/// <param name="Alerts">Number of alerts.</param>
/// <param name="Recommendations">Number of recommendations.</param>
/// <param name="ElapsedMs">Time taken.</param>
public sealed record EdaReport(string Name, string Table, string Folder, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Charts,
    string Summary, int Alerts, int Recommendations, double ElapsedMs);
