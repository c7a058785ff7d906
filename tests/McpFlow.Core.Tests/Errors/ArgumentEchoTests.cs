using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Tests.Errors;

public sealed class ArgumentEchoTests
{
    private static readonly string Long = string.Concat(Enumerable.Range(0, 1_000).Select(i => (char)('a' + i * 7 % 26))); // 1,000 characters

    [Fact]
    public void Shorten_CutsARunLongerThan200Characters_ToItsFirst200()
    {
        var message = $"Column '{Long}' not found.";

        var shortened = ArgumentEcho.Shorten(message, [Long]);

        shortened.Should().Be($"Column '{Long[..200]}… [800 more characters of an argument not shown]' not found.");
    }

    [Fact]
    public void Shorten_FindsAPartOfTheArgument_AndEveryOccurrence()
    {
        var part = Long[300..700]; // 400 characters from the middle
        var message = $"first {part} then {part} end";

        var shortened = ArgumentEcho.Shorten(message, [Long]);

        shortened.Should().Be($"first {part[..200]}… [200 more characters of an argument not shown] then {part[..200]}… [200 more characters of an argument not shown] end");
    }

    [Fact]
    public void Shorten_KeepsRunsOfAtMost200Characters_AndUnrelatedText()
    {
        var message = $"'{Long[..200]}' and {new string('z', 5_000)}";

        ArgumentEcho.Shorten(message, [Long]).Should().BeSameAs(message);
    }

    [Fact]
    public void Shorten_HandlesARepetitiveMegabyteArgument()
    {
        var huge = new string('x', 1_000_000);

        var shortened = ArgumentEcho.Shorten($"bad value {huge}!", [huge]);

        shortened.Should().Be($"bad value {new string('x', 200)}… [999,800 more characters of an argument not shown]!");
    }

    [Fact]
    public void Texts_CollectsLongStringsKeysAndNumbersAtAnyDepth()
    {
        var key = new string('k', 300);
        var number = new string('9', 250);
        using var document = JsonDocument.Parse($$"""{"a": "short", "b": [{"{{key}}": {{number}}}], "c": "{{Long}}"}""");
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        ArgumentEcho.Texts(arguments).Should().BeEquivalentTo([key, number, Long]);
    }

    [Fact]
    public void Show_CutsLongValuesWithAnEllipsis()
    {
        ArgumentEcho.Show("abcdef", 4).Should().Be("abcd…");
        ArgumentEcho.Show("abc", 4).Should().Be("abc");
    }
}
