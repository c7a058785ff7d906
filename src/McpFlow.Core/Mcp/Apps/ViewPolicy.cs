using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// The security policy of McpFlow's views. Declared to the host in the resource's <c>_meta.ui.csp</c> (no connect, resource,
/// frame or base-URI domains: the view reaches nothing but the host bridge) and enforced by the page itself through a
/// Content-Security-Policy meta tag that allows only the page's own inline scripts and styles, by SHA-256 hash, and
/// images from <c>data:</c> URIs (the run's figures arrive as image content in the tool result).
/// </summary>
public static partial class ViewPolicy
{
    /// <summary>The placeholder in a view's <c>&lt;head&gt;</c> replaced by the meta tag.</summary>
    public const string Placeholder = "<!--csp-->";

    /// <summary>Replaces <see cref="Placeholder"/> in <paramref name="html"/> by the Content-Security-Policy meta tag
    /// (<see cref="ContentSecurityPolicy"/>).</summary>
    public static string Apply(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains(Placeholder, StringComparison.Ordinal))
            throw new InvalidOperationException($"A view needs the placeholder {Placeholder} in its <head>.");
        return html.Replace(Placeholder, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy(html)}\">", StringComparison.Ordinal);
    }

    /// <summary>The policy for <paramref name="html"/>: nothing by default; scripts and styles only the page's inline
    /// ones (by hash); images from <c>data:</c>; no connections, frames, forms or base URI.</summary>
    public static string ContentSecurityPolicy(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scripts = string.Join(" ", ScriptBlock().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        var styles = string.Join(" ", StyleBlock().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        return $"default-src 'none'; script-src {scripts}; style-src {styles}; img-src data:; connect-src 'none'; "
            + "frame-src 'none'; form-action 'none'; base-uri 'none'";
    }

    /// <summary>The resource's <c>_meta.ui</c>: empty domain lists (the specification's secure default, written out)
    /// and a visible border.</summary>
    public static JsonObject ResourceMeta() => new()
    {
        ["csp"] = new JsonObject
        {
            ["connectDomains"] = new JsonArray(),
            ["resourceDomains"] = new JsonArray(),
            ["frameDomains"] = new JsonArray(),
            ["baseUriDomains"] = new JsonArray(),
        },
        ["prefersBorder"] = true,
    };

    /// <summary>A CSP source for an inline block: <c>'sha256-&lt;base64&gt;'</c> of its UTF-8 text.</summary>
    public static string Hash(string block) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block)))}'";

    [GeneratedRegex(@"<script>([\s\S]*?)</script>")]
    private static partial Regex ScriptBlock();

    [GeneratedRegex(@"<style>([\s\S]*?)</style>")]
    private static partial Regex StyleBlock();
}
