using System.IO.Compression;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Data.Loading;
using McpFlow.Testing;

namespace McpFlow.Data.Tests.Loading;

public sealed class JsonNestingTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("json-nesting");

    public void Dispose() => TempFolder.TryDelete(_folder);

    private static (int Depth, long Offset) Deepest(string json, int limit = 64) =>
        JsonNesting.Deepest(new MemoryStream(Encoding.UTF8.GetBytes(json)), limit, CancellationToken.None);

    [Fact]
    public void Deepest_CountsArraysAndObjects_ButNotBracketsInsideStrings()
    {
        // By hand: { (1) [ (2) { (3); the brackets and the escaped quote inside the strings do not count.
        Deepest("""{"a": "[[[[{{", "b": [{"c": "\"]]]{{"}], "d": 1}""").Should().Be((3, -1));
    }

    [Fact]
    public void Deepest_StopsAtTheFirstLevelPastTheLimit_AndSaysWhere()
    {
        // {"a": is 5 bytes, so the 65th '{' (level 65) sits at byte 64 × 5 = 320.
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000);
        Deepest(json, limit: 64).Should().Be((65, 320));
    }

    [Fact]
    public void Deepest_KeepsAnEscapeThatEndsOneBufferForTheNextOne()
    {
        // The backslash is the last byte of the scanner's first 64 KiB buffer; the quote after it is escaped, so the
        // brackets that follow are still inside the string and the depth stays 1 (the outer array).
        var prefix = "[\"" + new string('x', (1 << 16) - 3);
        var json = prefix + "\\\"[[[[[\"]";
        Encoding.UTF8.GetByteCount(prefix).Should().Be((1 << 16) - 1);
        Deepest(json).Should().Be((1, -1));
    }

    [Fact]
    public void Check_RefusesADeepGzippedFile_NamingTheLimitAndTheSwitch()
    {
        // DuckDB decompresses .gz by extension, so the check must see the decompressed bytes.
        var file = Path.Combine(_folder, "deep.json.gz");
        using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));

        var act = () => JsonNesting.Check(file, 64, CancellationToken.None);

        act.Should().Throw<McpFlowException>().Which.ToClientMessage().Should()
            .Contain("more than 64 levels deep").And.Contain("--load-max-depth").And.Contain("deep.json.gz");
    }

    [Fact]
    public void Check_RefusesZstandardFiles_WhichItCannotRead()
    {
        var file = Path.Combine(_folder, "data.json.zst");
        File.WriteAllBytes(file, [0x28, 0xB5, 0x2F, 0xFD]);

        var act = () => JsonNesting.Check(file, 64, CancellationToken.None);

        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain("Zstandard");
    }
}
