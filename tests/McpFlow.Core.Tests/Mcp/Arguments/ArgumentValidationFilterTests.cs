using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Mcp.Arguments;

/// <summary>Calls through the real SDK pipeline: every answer is checked to name the parameter, what it must be and an example.</summary>
public sealed class ArgumentValidationFilterTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task WrongType_NamesTheParameter_TheExpectedType_AndAnExample()
    {
        var result = await CallAsync("test_shapes", new { table = "t", limit = "many" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("test_shapes: invalid arguments, so nothing was run:")
            .And.Contain("- 'limit' must be an integer from 1 to 200; got the string \"many\". E.g. limit=50.")
            .And.NotContain("JsonException");
    }

    [Fact]
    public async Task MissingRequiredParameter_IsNamedWithItsDescriptionAndExample()
    {
        var result = await CallAsync("test_shapes", new { limit = 5 });

        result.Text().Should().Contain("- 'table' is required but missing (Table name, e.g. \"customers\"): a string. E.g. table=\"customers\".");
    }

    [Fact]
    public async Task UnknownParameter_IsRefused_WithTheNearestNameAndTheParameterList()
    {
        var result = await CallAsync("test_shapes", new { table = "t", limt = 5 });

        result.Text().Should().Contain("- 'limt' is not a parameter of this tool; did you mean 'limit'? Its parameters: table, limit, wait_seconds, direction,");
    }

    [Theory]
    [InlineData(-5, "- 'limit' must be an integer from 1 to 200; got -5. E.g. limit=50.")]
    [InlineData(1e308, "- 'limit' must be an integer from 1 to 200; got 1E+308. E.g. limit=50.")]
    [InlineData(2.5, "- 'limit' must be an integer from 1 to 200; got 2.5. E.g. limit=50.")]
    public async Task OutOfRangeOrFractionalCount_IsRefusedWithTheRange(double limit, string expected)
    {
        var result = await CallAsync("test_shapes", new { table = "t", limit });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(expected);
    }

    [Fact]
    public async Task UnknownEnumValue_ListsTheAllowedValues()
    {
        var result = await CallAsync("test_shapes", new { table = "t", direction = "sideways" });

        result.Text().Should().Contain("- 'direction' must be one of \"maximize\", \"minimize\" or \"auto\"; got the string \"sideways\". E.g. direction=\"maximize\".");
    }

    [Fact]
    public async Task WrongItemInANestedArray_IsLocated()
    {
        var result = await CallAsync("test_shapes", new { table = "t", points = new object[] { new[] { 0.5, 0.5 }, new object[] { 0.25, "x" } } });

        result.Text().Should().Contain("- 'points' has a wrong item at index 1: it has a wrong item at index 1: it must be a number; got the string \"x\". E.g. points=[[0.5, 0.5]].");
    }

    [Fact]
    public async Task NullForANonNullableParameter_AndABooleanAsText_AreRefused()
    {
        var result = await CallAsync("test_shapes", new Dictionary<string, object?> { ["table"] = null, ["flag"] = "yes" });

        result.Text().Should().Contain("- 'table' must not be null: it must be a string. E.g. table=\"customers\".")
            .And.Contain("- 'flag' must be true or false; got the string \"yes\". E.g. flag=true.");
    }

    [Fact]
    public async Task ValuesTheBinderAccepts_Pass_IntegralNumbersWithAFractionAreNormalized()
    {
        // 5.0 and 1e1 are integers in JSON Schema; the binder needs them written as 5 and 10. Numeric strings bind as numbers.
        var result = await CallOkAsync("test_shapes", new Dictionary<string, object?>
        {
            ["table"] = "t", ["limit"] = Json("5.0"), ["wait_seconds"] = "12.5", ["direction"] = "Maximize", ["offset"] = Json("1e10"),
            ["parameters"] = new Dictionary<string, double> { ["lambda"] = 0.25 }, ["spec"] = new { anything = new[] { 1, 2 } },
        });

        var echoed = result.Structured();
        echoed.GetProperty("limit").GetInt32().Should().Be(5);
        echoed.GetProperty("wait_seconds").GetDouble().Should().Be(12.5);
        echoed.GetProperty("offset").GetInt64().Should().Be(10_000_000_000);
        echoed.GetProperty("direction").GetString().Should().Be("Maximize");
    }

    private static System.Text.Json.JsonElement Json(string raw) => System.Text.Json.JsonDocument.Parse(raw).RootElement.Clone();

    [Fact]
    public async Task AllProblemsOfOneCall_AreReportedTogether()
    {
        var result = await CallAsync("test_shapes", new { limit = 0, wait_seconds = 99, bogus = 1 });

        var lines = result.Text().Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        lines.Should().HaveCount(4); // bogus (unknown), limit and wait_seconds (range), table (missing)
        result.Text().Should().Contain("'wait_seconds' must be a number from 0 to 45; got 99. E.g. wait_seconds=30.");
    }
}
