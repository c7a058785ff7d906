using System.Globalization;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.MariaDb;

namespace McpFlow.Data.Tests.Tools;

/// <summary><c>data_load_source</c> and <c>data_list_sources</c> against a real MariaDB (the collection's fixture), values
/// checked exactly.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class LoadMariaDbSourceTests(MariaDbServer mariaDb) : MariaDbServerTestBase(mariaDb)
{
    // Every mapped type. The admin session runs in the server's +02:00 (so TIMESTAMP 12:00:00.5 is 10:00:00.5 UTC) with
    // sql_mode '' (so zero dates and a zero day are accepted). Row 2 has a TINYINT(1) of 2 and zero DATE/DATETIME; row 3 a
    // zero day ('2026-00-15') and a zero TIMESTAMP.
    private const string TypedTable = """
        SET SESSION sql_mode = '';
        CREATE TABLE typed (id INT PRIMARY KEY, amount DECIMAL(12,2), wide DECIMAL(40,5), flag TINYINT(1), tiny TINYINT, utiny TINYINT UNSIGNED,
            usmall SMALLINT UNSIGNED, medium MEDIUMINT, uint INT UNSIGNED, ubig BIGINT UNSIGNED, bit1 BIT(1), bits BIT(5), ratio FLOAT, dbl DOUBLE,
            at_local DATETIME(3), at_instant TIMESTAMP(6) NULL DEFAULT NULL, day DATE, span TIME, yr YEAR, size ENUM('s','m','l'), tags SET('a','b','c'),
            doc JSON, payload BLOB, code BINARY(4), note TEXT, name VARCHAR(40));
        INSERT INTO typed VALUES
          (1, 1234567890.12, 123456789012345678901234567890.12345, 1, -128, 255, 65535, -8388608, 4294967295, 18446744073709551615, b'1', b'10101',
           0.5, 0.1, '2026-03-29 02:30:00.123', '2026-03-29 12:00:00.5', '2026-03-29', '-838:59:59', 2155, 'm', 'c,a', '{"a": [1, 2]}', x'00ff10', 'ab',
           'Grüße 🌍 — naïve; DROP TABLE x; --', 'He said "hi" & it''s ok'),
          (2, -0.05, NULL, 2, 127, 0, 0, 8388607, 0, 9223372036854775808, b'0', b'0', -1.25, -2.5, '0000-00-00 00:00:00', NULL, '0000-00-00', '25:00:00',
           1901, 's', '', '[]', x'', NULL, '', NULL),
          (3, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '0000-00-00 00:00:00', '2026-00-15', NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL);
        """;

    [Fact]
    public async Task LoadSource_LoadsEveryMariaDbTypeExactly_AndCountsWhatItReplaces()
    {
        await MariaDb.AdminExecuteAsync(TypedTable);

        var result = await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "mcpflow_test.typed" });

        result.Loaded().GetProperty("rows").GetInt64().Should().Be(3);
        result.Loaded().GetProperty("kind").GetString().Should().Be("mariadb");
        result.Text().Should().Contain("amount: DECIMAL(12,2) → DECIMAL(12,2)").And.Contain("wide: DECIMAL(40,5) → DOUBLE (wider than 28 digits")
            .And.Contain("at_local: DATETIME → TIMESTAMP (wall-clock time as stored, no time zone)").And.Contain("at_instant: TIMESTAMP → TIMESTAMPTZ (an instant, read in UTC)")
            .And.Contain("span: TIME → INTERVAL (a duration").And.Contain("doc: JSON (LONGTEXT) → JSON (MariaDB JSON, stored as LONGTEXT)")
            .And.Contain("flag: TINYINT(1) → BOOLEAN").And.Contain("ubig: BIGINT UNSIGNED → UBIGINT");
        // Row 2's flag is 2; row 2's day and at_local and row 3's day and at_instant are zero dates.
        result.Text().Should().Contain("Replaced: flag: 1 values other than 0 and 1 read as true.")
            .And.Contain("Replaced: at_local: 1 zero dates").And.Contain("Replaced: at_instant: 1 zero dates").And.Contain("Replaced: day: 2 zero dates");
        WorkspaceTypes("typed").Should().Equal(new Dictionary<string, string>
        {
            ["id"] = "INTEGER", ["amount"] = "DECIMAL(12,2)", ["wide"] = "DOUBLE", ["flag"] = "BOOLEAN", ["tiny"] = "TINYINT", ["utiny"] = "UTINYINT",
            ["usmall"] = "USMALLINT", ["medium"] = "INTEGER", ["uint"] = "UINTEGER", ["ubig"] = "UBIGINT", ["bit1"] = "BOOLEAN", ["bits"] = "UBIGINT",
            ["ratio"] = "FLOAT", ["dbl"] = "DOUBLE", ["at_local"] = "TIMESTAMP", ["at_instant"] = "TIMESTAMP WITH TIME ZONE", ["day"] = "DATE",
            ["span"] = "INTERVAL", ["yr"] = "SMALLINT", ["size"] = "VARCHAR", ["tags"] = "VARCHAR", ["doc"] = "JSON", ["payload"] = "BLOB",
            ["code"] = "BLOB", ["note"] = "VARCHAR", ["name"] = "VARCHAR",
        });

        var rows = WorkspaceRows("SELECT id, amount::VARCHAR, wide, flag, tiny, utiny, usmall, medium, uint, ubig, bit1, bits, ratio, dbl, at_local::VARCHAR, " +
            "epoch_ms(at_instant), day::VARCHAR, epoch(span), yr, size, tags, doc::VARCHAR, hex(payload), hex(code), note, name FROM typed ORDER BY id");
        // 12:00:00.5 at +02:00 is 10:00:00.5 UTC (DateTimeOffset, not the server). TIME -838:59:59 is -(838·3600 + 59·60 + 59)
        // = -3,020,399 s and 25:00:00 is 90,000 s. BINARY(4) pads 'ab' with two zero bytes (61 62 00 00). SET members come
        // back in the column's order ('a,c'). 123456789012345678901234567890.12345 as a double is 1.2345678901234568E29.
        var instant = DateTimeOffset.Parse("2026-03-29T12:00:00.5+02:00", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        rows[0].Should().Equal(1, "1234567890.12", 1.2345678901234568E29, true, (sbyte)-128, (byte)255, (ushort)65535, -8388608, 4294967295u,
            18446744073709551615UL, true, 21UL, 0.5f, 0.1, "2026-03-29 02:30:00.123", instant, "2026-03-29", -3_020_399.0, (short)2155, "m", "a,c",
            "{\"a\": [1, 2]}", "00FF10", "61620000", "Grüße 🌍 — naïve; DROP TABLE x; --", "He said \"hi\" & it's ok");
        // 2^63 = 9,223,372,036,854,775,808, one past long.MaxValue.
        rows[1].Should().Equal(2, "-0.05", null, true, (sbyte)127, (byte)0, (ushort)0, 8388607, 0u, 9223372036854775808UL, false, 0UL, -1.25f, -2.5,
            null, null, null, 90_000.0, (short)1901, "s", "", "[]", "", null, "", null);
        rows[2].Should().Equal(3, null, null, false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
    }

    [Fact]
    public async Task LoadSource_ReadsAQueryWithLimit_AndStatesItsTypes()
    {
        await MariaDb.AdminExecuteAsync("CREATE TABLE series AS SELECT seq AS n, seq * seq AS sq, JSON_OBJECT('n', seq) AS doc FROM seq_1_to_1000;");

        var result = await CallUntilFinishedAsync("data_load_source",
            new { source = Source, query = "SELECT n, sq, n AS n2, doc FROM series WHERE n % 2 = 0 ORDER BY n", table = "evens", limit = 10 });

        result.Loaded().GetProperty("rows").GetInt64().Should().Be(10);
        result.Loaded().GetProperty("limitReached").GetBoolean().Should().BeTrue();
        // A query's LONGTEXT is text: the json_valid check is a table's, so only a table read maps it to JSON.
        result.Text().Should().Contain("n: BIGINT UNSIGNED → UBIGINT").And.Contain("doc: VARCHAR → VARCHAR");
        var rows = WorkspaceRows("SELECT n, sq, n2, doc FROM evens ORDER BY n");
        // Even n from 2 to 20 and their squares.
        rows.Select(r => (ulong)r[0]!).Should().Equal(Enumerable.Range(1, 10).Select(k => (ulong)(2 * k)));
        rows.Select(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Range(1, 10).Select(k => 4L * k * k));
        rows.Should().OnlyContain(r => Equals(r[2], r[0]));
        rows[0][3].Should().Be("{\"n\": 2}");
    }

    [Fact]
    public async Task LoadSource_RefusesDuplicateColumnNames_WithAHint()
    {
        await MariaDb.AdminExecuteAsync("CREATE TABLE dupes (n INT); INSERT INTO dupes VALUES (1);");

        var result = await CallUntilFinishedOrFailedAsync(new { source = Source, query = "SELECT n, n FROM dupes", table = "dupes" });

        // MariaDB refuses a derived table with two columns named n (ER_DUP_FIELDNAME, 1060).
        Failed(result, MariaDb.ReaderPassword).Should().Contain("refused the query (1060)").And.Contain("give each result column its own name");
    }

    [Fact]
    public async Task LoadSource_SamplesWithASeededRand_RepeatablyBySeed()
    {
        await MariaDb.AdminExecuteAsync("CREATE TABLE population (id INT PRIMARY KEY); INSERT INTO population SELECT seq FROM seq_1_to_20000;");

        var first = await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "population", table = "s1", sample_percent = 10, seed = 7 });
        await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "population", table = "s2", sample_percent = 10, seed = 7 });
        var other = await CallUntilFinishedAsync("data_load_source", new { source = Source, query = "SELECT id FROM population", table = "s3", sample_percent = 10, seed = 8 });

        var rows = first.Loaded().GetProperty("rows").GetInt64();
        // Bernoulli(0.1) on 20,000 rows: mean 2,000, sd √(20000·0.1·0.9) ≈ 42.4; ±6 sd is 1,745..2,255.
        rows.Should().BeInRange(1_745, 2_255);
        other.Loaded().GetProperty("rows").GetInt64().Should().BeInRange(1_745, 2_255);
        first.Text().Should().Contain("Sampled: RAND(7) < 10% per row");
        WorkspaceRows("SELECT count(*) FROM s1 FULL JOIN s2 USING (id) WHERE s1.id IS NULL OR s2.id IS NULL").Single()[0].Should().Be(0L, "the same seed gives the same rows");
        WorkspaceRows("SELECT count(*) FROM s1 FULL JOIN s3 USING (id) WHERE s1.id IS NULL OR s3.id IS NULL").Single()[0].Should().NotBe(0L, "another seed gives other rows");
    }

    [Fact]
    public async Task ListSources_ShowsTheSourceWithoutSecrets_AndItsDatabasesTablesAndColumns()
    {
        await MariaDb.AdminExecuteAsync("CREATE DATABASE IF NOT EXISTS sales; CREATE TABLE sales.orders (id INT, total DECIMAL(10,2), placed DATETIME); " +
            "GRANT SELECT ON sales.orders TO 'mcpflow_reader'@'127.0.0.1'; CREATE DATABASE IF NOT EXISTS hidden; CREATE TABLE hidden.keys (k TEXT);");

        var all = await CallOkAsync("data_list_sources");
        var one = await CallOkAsync("data_list_sources", new { source = Source });

        all.Text().Should().Contain($"- maria (mariadb): 127.0.0.1:{MariaDb.Port}/mcpflow_test as mcpflow_reader");
        // information_schema's COLUMN_TYPE: MariaDB writes INT's default display width, int(11).
        one.Text().Should().Contain("- sales.orders (table): id int(11), total decimal(10,2), placed datetime");
        one.Text().Should().NotContain("hidden.keys", "the reader has no privilege on it").And.NotContain("mysql.user");
        foreach (var r in new[] { all, one })
            (r.Text() + r.Structured().GetRawText()).Should().NotContain(MariaDb.ReaderPassword);
    }
}
