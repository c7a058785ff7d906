using System.Text.Json.Nodes;
using McpFlow.Workbench.Audit;

namespace McpFlow.Workbench.Tests.Audit;

public sealed class ArgumentSummaryTests
{
    [Fact]
    public void Summarize_KeepsSmallArgumentsAsTheyAre()
    {
        var node = JsonNode.Parse("""{"title":"Ridge","metrics":{"rmse":1.5},"output_files":["a.csv","b.png"],"n":3,"ok":true,"none":null}""");
        ArgumentSummary.Summarize(node)!.ToJsonString().Should().Be(node!.ToJsonString());
    }

    [Fact]
    public void Summarize_ShortensLongStrings_ToTheirStartAndLength()
    {
        var node = new JsonObject { ["sql"] = new string('x', 1_000_000) };
        var summary = ArgumentSummary.Summarize(node)!["sql"]!.GetValue<string>();
        summary.Should().Be(new string('x', 200) + "… (1,000,000 characters)");
    }

    [Fact]
    public void Summarize_KeepsTheFirstItemsOfLongArrays_AndCountsTheRest()
    {
        var node = new JsonObject { ["ids"] = new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode)i).ToArray()) };
        var ids = ArgumentSummary.Summarize(node)!["ids"]!.AsArray();
        ids.Should().HaveCount(11);
        ids[9]!.GetValue<int>().Should().Be(9);
        ids[10]!.GetValue<string>().Should().Be("… 4,990 more items (5,000 in all)");
    }

    [Fact]
    public void Summarize_KeepsTheFirstPropertiesOfLargeObjects_AndDescribesDeepNesting()
    {
        var wide = new JsonObject();
        for (var i = 0; i < 100; i++)
            wide[$"p{i}"] = i;
        JsonNode deep = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 10; i++)
            deep = new JsonObject { ["d"] = deep };
        var summary = ArgumentSummary.Summarize(new JsonObject { ["wide"] = wide, ["deep"] = deep })!;

        summary["wide"]!.AsObject().Should().HaveCount(31);
        summary["wide"]!["…"]!.GetValue<string>().Should().Be("70 more properties (100 in all)");
        // Depth 0 is the arguments object; the objects at depths 1-4 ("deep" and three "d") are kept, the one at depth 5 is described.
        summary["deep"]!["d"]!["d"]!["d"]!["d"]!.GetValue<string>().Should().Be("{object with 1 properties}");
    }

    [Fact]
    public void Summarize_StaysWithinItsValueBudget_WhateverTheInput()
    {
        var node = new JsonObject();
        for (var i = 0; i < 30; i++)
            node[new string('k', 1000) + i] = new JsonArray(Enumerable.Range(0, 10).Select(_ => (JsonNode)new string('v', 10_000)).ToArray());

        var summary = ArgumentSummary.Summarize(node)!.AsObject();

        // 100 values of at most ~225 characters plus 30 names of at most ~130: well under 40 kB.
        summary.ToJsonString().Length.Should().BeLessThan(40_000);
        summary.Should().HaveCount(30, "names that share their first 100 characters stay apart");
        summary.Last().Value!.GetValue<string>().Should().Be("…", "the value budget is spent by then");
    }
}
