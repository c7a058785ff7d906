using System.Text;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile JSON and NDJSON: issue 11's object nested 20,000 deep (crashed the process in 3 s) and array nested
/// 100,000 deep (hung the load), and their relatives.</summary>
internal static class JsonFiles
{
    private const HostileUse Via = HostileUse.Loaders | HostileUse.Record;

    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        new("json", "object nested 20,000 deep", "deep-object.json", p => FileWriting.Nested(p, "{\"a\":", "1", "}", 20_000), Via),
        new("json", "array nested 100,000 deep", "deep-array.json", p => FileWriting.Nested(p, "[", "", "]", 100_000), Via),
        new("json", "array nested 1,000 deep", "deep-array-1000.json", p => FileWriting.Nested(p, "[", "1", "]", 1_000), HostileUse.Loaders),
        new("json", "objects and arrays nested 50,000 deep", "deep-mixed.json", p => FileWriting.Nested(p, "[{\"a\":", "1", "}]", 50_000), HostileUse.Loaders),
        new("json", "one object with 100,000 keys", "wide-keys.json", p => FileWriting.Lines(p, ["{" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\":{i}")) + "}"]), HostileUse.Loaders),
        new("json", "NDJSON whose second line nests 100,000 deep", "deep-line.ndjson", p => FileWriting.Lines(p, ["{\"a\":1}", new string('[', 100_000) + new string(']', 100_000)]), HostileUse.Loaders),
        new("json", "one 20 MB string value", "long-string.json", p => FileWriting.Repeat(p, "[{\"a\":\"", "x", 20_000_000, "\"}]"), HostileUse.Loaders),
        new("json", "a number of 100,000 digits", "long-number.json", p => FileWriting.Repeat(p, "[{\"a\":", "7", 100_000, "}]"), HostileUse.Loaders),
        new("json", "exponent 1e999999", "huge-exponent.json", p => File.WriteAllText(p, "[{\"a\":1e999999},{\"a\":-1e999999}]"), HostileUse.Loaders),
        new("json", "invalid UTF-8", "invalid-utf8.json", p => File.WriteAllBytes(p, [.. "[{\"a\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}]"u8]), HostileUse.Loaders),
        new("json", "truncated document", "truncated.json", p => File.WriteAllText(p, "[{\"a\":1},{\"a\":"), HostileUse.Loaders),
        new("json", "NUL bytes", "nul.json", p => File.WriteAllBytes(p, [.. "[{\"a\":\"x"u8, 0, 0, 0, .. "\"}]"u8]), HostileUse.Loaders),
        new("json", "a bare scalar", "scalar.json", p => File.WriteAllText(p, "42"), HostileUse.Loaders),
        new("json", "10,000 duplicate keys", "duplicate-keys.json", p => File.WriteAllText(p, "[{" + string.Join(",", Enumerable.Repeat("\"a\":1", 10_000)) + "}]"), HostileUse.Loaders),
        new("json", "NDJSON rows of 20,000 keys each", "wide-rows.ndjson", p => FileWriting.Lines(p, Enumerable.Repeat("{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"c{i}\":1")) + "}", 3)), HostileUse.Loaders),
        new("json", "byte-order mark then garbage", "bom-garbage.json", p => File.WriteAllBytes(p, [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("}{][\"\\u12")]), HostileUse.Loaders),
    ];
}
