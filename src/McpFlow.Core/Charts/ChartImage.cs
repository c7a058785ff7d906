namespace McpFlow.Core.Charts;

/// <summary>A rendered chart: PNG bytes and, when saved, the artifact path.</summary>
/// <param name="Name">File-safe name, e.g. <c>hist_purchase_amount</c>.</param>
/// <param name="Png">The PNG image.</param>
/// <param name="Path">Full path of the saved artifact, if saved.</param>
public sealed record ChartImage(string Name, byte[] Png, string? Path);
