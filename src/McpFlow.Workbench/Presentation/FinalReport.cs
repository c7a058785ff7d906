namespace McpFlow.Workbench.Presentation;

/// <summary>A written final report.</summary>
/// <param name="Path">Full path of the Markdown file in the workspace's reports folder.</param>
/// <param name="Included">Approved runs whose interpretations the report contains.</param>
/// <param name="Excluded">Runs left out because they are not approved (id → state).</param>
/// <param name="Markdown">The report's text.</param>
public sealed record FinalReport(string Path, IReadOnlyList<string> Included, IReadOnlyDictionary<string, string> Excluded, string Markdown);
