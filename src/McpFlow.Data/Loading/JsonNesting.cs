using System.Buffers;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>
/// Measures how deeply a JSON or NDJSON file nests arrays and objects before DuckDB parses it: DuckDB's schema detection
/// recurses once per level (a 20,000-deep object overflows the native stack and ends the process) and takes time
/// quadratic in the depth. A byte scanner, not a parser: it skips strings (with their escapes) and counts brackets, so it
/// runs at memory speed, holds one buffer, and stops at the first level past the limit. Malformed JSON is left to DuckDB.
/// </summary>
internal static class JsonNesting
{
    private const int BufferSize = 1 << 16;
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"[]{}"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    /// <summary>Refuses <paramref name="file"/> when it nests deeper than <paramref name="maxDepth"/>.</summary>
    public static void Check(string file, int maxDepth, CancellationToken cancellationToken)
    {
        using var stream = TextSource.Open(file);
        var (depth, offset) = Deepest(stream, maxDepth, cancellationToken);
        if (depth > maxDepth)
            throw McpFlowException.Invalid(
                $"'{Path.GetFileName(file)}' nests arrays or objects more than {maxDepth} levels deep (passed at byte {offset:N0}); loads accept at most {maxDepth} levels.",
                $"Flatten the document, or ask the operator to raise the limit with {LoadLimits.NestingDepthSwitch}.");
    }

    /// <summary>The deepest nesting in <paramref name="stream"/>, or the first depth past <paramref name="limit"/> and the
    /// byte offset where it was reached (-1 when the limit holds).</summary>
    public static (int Depth, long Offset) Deepest(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int depth = 0, deepest = 0;
            bool inString = false, escaped = false;
            long offset = 0;
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var span = buffer.AsSpan(0, read);
                var i = 0;
                if (escaped)
                {
                    // The escape's backslash ended the previous buffer: skip the escaped byte.
                    escaped = false;
                    i = 1;
                }

                while (i < span.Length)
                {
                    if (inString)
                    {
                        var k = span[i..].IndexOfAny(StringEnd);
                        if (k < 0)
                            break;
                        i += k;
                        if (span[i] == (byte)'\\')
                        {
                            escaped = i + 1 == span.Length;
                            i += 2;
                            continue;
                        }

                        inString = false;
                        i++;
                        continue;
                    }

                    var j = span[i..].IndexOfAny(Structural);
                    if (j < 0)
                        break;
                    i += j;
                    switch (span[i])
                    {
                        case (byte)'"':
                            inString = true;
                            break;
                        case (byte)'[' or (byte)'{':
                            if (++depth > deepest)
                            {
                                deepest = depth;
                                if (deepest > limit)
                                    return (deepest, offset + i);
                            }

                            break;
                        default:
                            depth = Math.Max(0, depth - 1);
                            break;
                    }

                    i++;
                }

                offset += read;
            }

            return (deepest, -1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
