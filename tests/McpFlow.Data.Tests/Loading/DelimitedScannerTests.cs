using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Data.Loading;

namespace McpFlow.Data.Tests.Loading;

public sealed class DelimitedScannerTests
{
    private const int Line = 1 << 20;

    private static DelimitedShape Scan(string text, string? delimiter = null, int maxLineChars = Line) =>
        DelimitedScanner.Scan(new StringReader(text), delimiter, maxLineChars, "t.csv", CancellationToken.None);

    [Fact]
    public void Scan_CountsStandardFieldsWithoutQuotedDelimiters_AndRawFieldsWithThem()
    {
        // Standard CSV: a, b, "c,d" are 3 fields; with no quoting the comma inside the quotes splits a 4th.
        var shape = Scan("a,b,\"c,d\"\n1,2,3\n");
        shape.WidestStandard.Should().Be(3);
        shape.WidestAnyDialect.Should().Be(4);
        shape.FirstLine.Should().Be("a,b,\"c,d\"");
    }

    [Fact]
    public void Scan_SeesTheWideRecordThatSingleQuotesWithNewlinesMake()
    {
        // Read with quote ' each line ",'" closes the quote, adds a comma outside it and opens it again, so the 3,000
        // lines are one record of 3,001 fields; without quotes (or with ") each line has 2 fields.
        var text = "h'\n" + string.Concat(Enumerable.Repeat("','\n", 3_000)) + "'\n";
        var shape = Scan(text);
        shape.WidestAnyDialect.Should().Be(3_001);
        shape.WidestStandard.Should().Be(2);
    }

    [Fact]
    public void Scan_CountsAGivenMultiCharacterDelimiterWithoutOverlaps()
    {
        // "a||b||c" splits into 3 on "||"; "|||" holds one "||" (non-overlapping), so "x|||y" is 2 fields.
        Scan("a||b||c\nx|||y\n", delimiter: "||").WidestStandard.Should().Be(3);
    }

    [Fact]
    public void Scan_RefusesAnEndlessLine_AfterReadingAboutTheLimit()
    {
        // An endless stream of 'x' with no newline: the scan must stop once the line passes the limit,
        // having read little more than the limit (one 64 KiB buffer of characters past it at most).
        using var endless = new EndlessLine();
        using var reader = new StreamReader(endless, Encoding.UTF8);
        var act = () => DelimitedScanner.Scan(reader, null, 2 << 20, "endless.csv", CancellationToken.None);

        act.Should().Throw<McpFlowException>().Which.ToClientMessage().Should()
            .Contain("Line 1 of 'endless.csv' is longer than 2,097,152 bytes").And.Contain("--load-max-line-bytes");
        endless.Position.Should().BeLessThan((2 << 20) + (1 << 20));
    }

    [Fact]
    public void Scan_StopsAfterTwiceTheSnifferSample()
    {
        // A wide record after the scanned sample is not DuckDB's sniffer's business either: the scan ends before it.
        var text = new StringBuilder();
        for (var i = 0; i < DelimitedScanner.SampleRecords + 10; i++)
            text.Append("1,2\n");
        text.Append(string.Join(",", Enumerable.Range(0, 5_000))).Append('\n');
        Scan(text.ToString()).WidestAnyDialect.Should().Be(2);
    }

    /// <summary>A stream of 'x' bytes that never ends.</summary>
    private sealed class EndlessLine : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
