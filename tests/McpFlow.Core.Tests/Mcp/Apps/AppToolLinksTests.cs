using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp.Apps;

public sealed class AppToolLinksTests
{
    private static readonly AppView View = new("review-card", "Review", "Shows a run.", "<html></html>", ["run_card"]);

    [Fact]
    public void Link_ReplacesTheViewsTools_ByLinkedCopies()
    {
        var card = new Tool { Name = "run_card", Description = "Card.", Meta = new JsonObject { ["other"] = 1 } };
        var other = new Tool { Name = "list_runs", Description = "List." };
        var tools = new List<Tool> { card, other };

        AppToolLinks.Link(tools, View);

        tools[0].Should().NotBeSameAs(card);
        tools[0].Description.Should().Be("Card.");
        tools[0].Meta!.ToJsonString().Should().Be("""{"other":1,"ui":{"resourceUri":"ui://mcpflow/review-card"},"ui/resourceUri":"ui://mcpflow/review-card"}""");
        tools[1].Should().BeSameAs(other);
        // The server's own tool object, shared by every session, is untouched.
        card.Meta!.ToJsonString().Should().Be("""{"other":1}""");
    }

    [Fact]
    public void View_UriAndResourceMeta()
    {
        View.Uri.Should().Be("ui://mcpflow/review-card");
        View.ResourceMeta()["ui"]!["csp"]!["connectDomains"]!.AsArray().Should().BeEmpty();
        View.ResourceMeta()["ui"]!["prefersBorder"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void FromEmbedded_NamesTheMissingResource()
    {
        var act = () => AppView.FromEmbedded(typeof(AppToolLinksTests).Assembly, "No.Such.view.html", "x", "X", "X.", []);
        act.Should().Throw<InvalidOperationException>().WithMessage("*'No.Such.view.html'*");
    }
}
