namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// The parts every view page shares, kept once in Core and inlined into each page (a view loads nothing from outside):
/// the theme's base style (<c>view-base.css</c>, replacing <see cref="BasePlaceholder"/>) and the view-host protocol
/// (<c>view-host.js</c>, the <c>McpView</c> object: JSON-RPC over postMessage, theme, size reports, first-paint stamp;
/// replacing <see cref="HostPlaceholder"/> ahead of the view's own script).
/// </summary>
public static class ViewPage
{
    /// <summary>The placeholder in a view's <c>&lt;head&gt;</c> replaced by the shared style.</summary>
    public const string BasePlaceholder = "<!--view-base-->";

    /// <summary>The placeholder before a view's own script replaced by the shared protocol script.</summary>
    public const string HostPlaceholder = "<!--view-host-->";

    private static readonly Lazy<string> Base = new(() => Embedded("view-base.css"));
    private static readonly Lazy<string> Host = new(() => Embedded("view-host.js"));

    /// <summary>Inlines the shared style and script into <paramref name="html"/>; a page without both placeholders is an error.</summary>
    public static string Compose(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains(BasePlaceholder, StringComparison.Ordinal) || !html.Contains(HostPlaceholder, StringComparison.Ordinal))
            throw new InvalidOperationException($"A view needs the placeholders {BasePlaceholder} in its <head> and {HostPlaceholder} before its script.");
        return html
            .Replace(BasePlaceholder, "<style>\n" + Base.Value + "</style>", StringComparison.Ordinal)
            .Replace(HostPlaceholder, "<script>\n" + Host.Value + "</script>", StringComparison.Ordinal);
    }

    private static string Embedded(string file)
    {
        var name = "McpFlow.Core.Views." + file;
        using var stream = typeof(ViewPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"McpFlow.Core does not embed '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
