using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Core.Tests.Mcp.Apps;

public sealed class ViewPageTests
{
    [Fact]
    public void Compose_InlinesTheSharedStyleAndProtocolScript_WhereThePageAsks()
    {
        var page = ViewPage.Compose("<head><!--csp--><!--view-base--><style>h1{}</style></head><body><!--view-host--><script>McpView.start({});</script></body>");

        page.Should().NotContain(ViewPage.BasePlaceholder).And.NotContain(ViewPage.HostPlaceholder);
        page.Should().Contain("<style>\n:root { color-scheme: light dark;").And.Contain("<script>\n\"use strict\";");
        page.IndexOf("window.McpView = ", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("McpView.start({})", StringComparison.Ordinal));
        // Both inlined blocks are hashed into the page's policy with the view's own.
        ViewPolicy.ContentSecurityPolicy(page).Split("'sha256-").Should().HaveCount(5);
    }

    [Fact]
    public void Compose_RefusesAPageWithoutThePlaceholders()
    {
        var act = () => ViewPage.Compose("<head><!--csp--></head><body><script></script></body>");

        act.Should().Throw<InvalidOperationException>().WithMessage("*<!--view-base-->*<!--view-host-->*");
    }
}
