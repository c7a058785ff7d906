using McpFlow.Testing;

namespace McpFlow.Data.Tests.Tools;

/// <summary>The gap the fresh-data replay reported: a '1.250'-only column that also holds a missing marker written with
/// spaces (" - ") is text to DuckDB's sniffer (the marker is not in its null list), so the load's decimal-convention
/// check never saw it, and the marker pass then read it as numbers: 1.25 where the file means 1,250. The file below is
/// written by hand: betrag writes its decimals with ',' (decided: "12,50" can only be a decimal comma), gewicht has only
/// '.'-then-three-digits values plus " - ".</summary>
public sealed class AmbiguousNumberMarkerTests : DataServerTestBase
{
    private const string Csv = "nr;betrag;gewicht\n1;12,50;1.250\n2;7,25; - \n3;100,00;2.500\n4;3,10;12.750\n5;8,99; - \n";

    [Fact]
    public async Task Load_KeepsAnAmbiguousColumnWithAPaddedMarkerAsText_AndSaysWhy()
    {
        var load = await LoadAsync(WriteFile("padded.csv", Csv), new { table = "padded" });
        var columns = (await CallOkAsync("data_describe_table", new { table = "padded" })).Structured().GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);
        columns["gewicht"].Should().Be("VARCHAR", "'1.250' is 1.25 or 1,250 in a file whose decimals are written with ','");
        load.GetProperty("detected").GetProperty("ambiguous_numbers").GetString().Should().StartWith("gewicht (values such as").And.Contain("as in betrag");
        // The marker is still missing: the two " - " rows are NULL, the three numbers are kept verbatim as text.
        var rows = (await CallOkAsync("data_query", new { sql = "SELECT count(gewicht), count(*) FROM padded" })).Structured().GetProperty("rows")[0];
        rows[0].GetInt64().Should().Be(3);
        rows[1].GetInt64().Should().Be(5);
    }

    [Fact]
    public async Task Load_StillRetypesAPaddedMarkerColumnWhoseValuesDecide()
    {
        // Same file with gewicht written "1.25": two decimals can only be a decimal point, so nothing is ambiguous.
        var load = await LoadAsync(WriteFile("decided.csv", Csv.Replace("1.250", "1.25", StringComparison.Ordinal)), new { table = "decided" });
        var columns = (await CallOkAsync("data_describe_table", new { table = "decided" })).Structured().GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString()!);
        columns["gewicht"].Should().Be("DOUBLE");
        load.GetProperty("detected").TryGetProperty("ambiguous_numbers", out _).Should().BeFalse();
    }
}
