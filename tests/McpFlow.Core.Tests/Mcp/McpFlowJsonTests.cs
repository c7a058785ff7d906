using System.Text.Json;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;

namespace McpFlow.Core.Tests.Mcp;

public sealed class McpFlowJsonTests
{
    [Fact]
    public void Serialize_WritesNonFiniteNumbersAsNamedLiterals_AndEnumsAsSnakeCase()
    {
        var json = JsonSerializer.Serialize(new { skew = double.NaN, max = double.PositiveInfinity, state = JobState.Succeeded }, McpFlowJson.Options);
        json.Should().Be("{\"skew\":\"NaN\",\"max\":\"Infinity\",\"state\":\"succeeded\"}");
    }
}
