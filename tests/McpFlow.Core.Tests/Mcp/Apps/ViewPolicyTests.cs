using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Core.Tests.Mcp.Apps;

public sealed class ViewPolicyTests
{
    private const string Page = "<html><head><!--csp--><style>p{}</style></head><body><script>console.log(1);</script></body></html>";

    // Both with `printf '%s' '<block>' | openssl dgst -sha256 -binary | base64`.
    private const string ScriptHash = "'sha256-NcFG924SlHfGQGG8hFEeEJDz1NgFlxPmZj3Us1sfdkI='";
    private const string StyleHash = "'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='";

    [Fact]
    public void ContentSecurityPolicy_AllowsOnlyThePagesOwnInlineBlocks()
    {
        ViewPolicy.ContentSecurityPolicy(Page).Should().Be(
            $"default-src 'none'; script-src {ScriptHash}; style-src {StyleHash}; img-src data:; connect-src 'none'; "
            + "frame-src 'none'; form-action 'none'; base-uri 'none'");
    }

    [Fact]
    public void Apply_PutsTheMetaTagInPlaceOfThePlaceholder()
    {
        var html = ViewPolicy.Apply(Page);
        html.Should().StartWith("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " + ScriptHash);
        html.Should().NotContain(ViewPolicy.Placeholder);
        html.Should().EndWith("<style>p{}</style></head><body><script>console.log(1);</script></body></html>");
    }

    [Fact]
    public void Apply_RefusesAPageWithoutThePlaceholder()
    {
        var act = () => ViewPolicy.Apply("<html><head></head></html>");
        act.Should().Throw<InvalidOperationException>().WithMessage("*<!--csp-->*");
    }

    [Fact]
    public void ResourceMeta_DeclaresNoDomainsAtAll()
    {
        var csp = ViewPolicy.ResourceMeta()["csp"]!.AsObject();
        csp.Select(p => p.Key).Should().BeEquivalentTo(["connectDomains", "resourceDomains", "frameDomains", "baseUriDomains"]);
        csp.Should().OnlyContain(p => p.Value!.AsArray().Count == 0);
    }
}
