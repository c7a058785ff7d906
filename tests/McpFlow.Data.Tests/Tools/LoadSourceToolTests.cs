using System.Globalization;
using McpFlow.Data.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;

namespace McpFlow.Data.Tests.Tools;

/// <summary><c>data_load_source</c> against a real PostgreSQL (the collection's fixture), values checked exactly.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoadSourceToolTests(PostgresServer postgres) : PostgresServerTestBase(postgres)
{
    // NULLs, numeric(12,2), timestamptz across the Europe/Berlin spring-forward (01:59:59 CET and 03:00:00 CEST are one
    // second apart), quotes and unicode, bytea (with an empty value), jsonb, arrays, uuid, unconstrained numeric.
    private const string MessyTable = """
        CREATE TABLE messy (id int PRIMARY KEY, amount numeric(12,2), at timestamptz, note text, payload bytea, flag boolean,
            day date, doc jsonb, tags text[], uid uuid, big numeric, small smallint, ratio real, at_local timestamp);
        INSERT INTO messy VALUES
          (1, 1234567890.12, '2026-03-29 01:59:59+01', 'He said "hi" & it''s ok', '\x00ff10', true, '2026-03-29', '{"a": [1, 2]}',
           '{x,"y z"}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0.1, -32768, 0.5, '2026-03-29 02:30:00'),
          (2, -0.05, '2026-03-29 03:00:00+02', 'Grüße 🌍 — naïve; DROP TABLE x; --', '', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          (3, NULL, '2026-10-25 02:30:00 Europe/Berlin', NULL, NULL, NULL, '1999-12-31', '[]', '{}', NULL, 12345678901234567890.5, 7, -1.25, NULL);
        """;

    [Fact]
    public async Task LoadSource_LoadsEveryValueExactly_WhenTableHasNullsDecimalsZonesTextAndBytes()
    {
        await Postgres.AdminExecuteAsync(MessyTable);

        var result = await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "public.messy" });

        var s = result.Loaded();
        s.GetProperty("rows").GetInt64().Should().Be(3);
        s.GetProperty("table").GetString().Should().Be("messy");
        result.Text().Should().Contain("amount: numeric(12,2) → DECIMAL(12,2)").And.Contain("at: timestamp with time zone → TIMESTAMPTZ")
            .And.Contain("tags: text[] → VARCHAR (array").And.Contain("big: numeric → DOUBLE");
        WorkspaceTypes("messy").Should().Contain(new Dictionary<string, string>
        {
            ["id"] = "INTEGER", ["amount"] = "DECIMAL(12,2)", ["at"] = "TIMESTAMP WITH TIME ZONE", ["note"] = "VARCHAR", ["payload"] = "BLOB",
            ["flag"] = "BOOLEAN", ["day"] = "DATE", ["doc"] = "JSON", ["tags"] = "VARCHAR", ["uid"] = "UUID", ["big"] = "DOUBLE",
            ["small"] = "SMALLINT", ["ratio"] = "FLOAT", ["at_local"] = "TIMESTAMP",
        });

        var rows = WorkspaceRows("SELECT id, amount::VARCHAR, epoch_ms(\"at\"), note, hex(payload), flag, day::VARCHAR, doc::VARCHAR, tags, uid::VARCHAR, big, small, ratio, at_local::VARCHAR FROM messy ORDER BY id");
        // Instants from the literals' own offsets (DateTimeOffset parsing, not PostgreSQL): 00:59:59Z, 01:00:00Z. The
        // autumn 02:30 in Europe/Berlin happens twice; PostgreSQL's documented rule (docs, "Date/Time Input": an ambiguous
        // time takes the offset in force just after the jump back) gives CET, +01 → 01:30:00Z.
        static long Ms(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        rows.Select(r => r[2]).Should().Equal(Ms("2026-03-29T01:59:59+01:00"), Ms("2026-03-29T03:00:00+02:00"), Ms("2026-10-25T02:30:00+01:00"));
        (Ms("2026-03-29T03:00:00+02:00") - Ms("2026-03-29T01:59:59+01:00")).Should().Be(1000, "the DST jump leaves one real second between them");
        rows[0].Should().Equal(1, "1234567890.12", rows[0][2], "He said \"hi\" & it's ok", "00FF10", true, "2026-03-29", "{\"a\": [1, 2]}",
            "{x,\"y z\"}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", 0.1, (short)-32768, 0.5f, "2026-03-29 02:30:00");
        rows[1].Should().Equal(2, "-0.05", rows[1][2], "Grüße 🌍 — naïve; DROP TABLE x; --", "", false, null, null, null, null, null, null, null, null);
        // jsonb prints '[]' as is; an empty array prints '{}'; 12345678901234567890.5 as a double is 1.2345678901234567E19.
        rows[2].Should().Equal(3, null, rows[2][2], null, null, null, "1999-12-31", "[]", "{}", null, 12345678901234567890.5, (short)7, -1.25f, null);
        result.NextSteps().Should().ContainSingle(s => s.Contains("data_describe_table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadSource_LoadsAVeryWideRowAndALongText()
    {
        // 300 integer columns c1..c300 holding 1..300, and a 500,000-character text (under the 1 MiB cell limit).
        var columns = string.Join(", ", Enumerable.Range(1, 300).Select(i => $"c{i} int"));
        var values = string.Join(", ", Enumerable.Range(1, 300));
        await Postgres.AdminExecuteAsync($"CREATE TABLE wide (long_text text, {columns}); INSERT INTO wide VALUES (repeat('é', 500000), {values});");

        var result = await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "wide", table = "wide_copy" });

        result.Loaded().GetProperty("columns").GetArrayLength().Should().Be(301);
        result.Text().Should().Contain("201 more columns in the structured content");
        var sum = string.Join(" + ", Enumerable.Range(1, 300).Select(i => $"c{i}"));
        var row = WorkspaceRows($"SELECT length(long_text), {sum}, c300 FROM wide_copy").Single();
        // 1 + 2 + … + 300 = 300 · 301 / 2 = 45,150.
        row.Should().Equal(500_000L, 45_150L, 300);
    }

    [Fact]
    public async Task LoadSource_ReadsAQueryWithLimit()
    {
        await Postgres.AdminExecuteAsync("CREATE TABLE series AS SELECT g AS n, g * g AS sq FROM generate_series(1, 1000) g;");

        var result = await CallUntilFinishedAsync("data_load_source",
            new { source = Source, query = "SELECT n, sq, n AS n FROM series WHERE n % 2 = 0 ORDER BY n", table = "evens", limit = 10 });

        result.Loaded().GetProperty("rows").GetInt64().Should().Be(10);
        result.Loaded().GetProperty("limitReached").GetBoolean().Should().BeTrue();
        // Even n from 2 to 20 and their squares; the duplicate column name becomes n_2.
        var rows = WorkspaceRows("SELECT n, sq, n_2 FROM evens ORDER BY n");
        rows.Select(r => (int)r[0]!).Should().Equal(Enumerable.Range(1, 10).Select(k => 2 * k));
        rows.Select(r => (int)r[1]!).Should().Equal(Enumerable.Range(1, 10).Select(k => 4 * k * k));
        rows.Should().OnlyContain(r => (int)r[2]! == (int)r[0]!);
    }

    [Fact]
    public async Task LoadSource_SamplesWithTableSample_RepeatablyBySeed()
    {
        await Postgres.AdminExecuteAsync("CREATE TABLE population AS SELECT g AS id FROM generate_series(1, 20000) g;");

        var first = await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "population", table = "s1", sample_percent = 10, seed = 7 });
        await CallUntilFinishedAsync("data_load_source", new { source = Source, source_table = "population", table = "s2", sample_percent = 10, seed = 7 });

        var rows = first.Loaded().GetProperty("rows").GetInt64();
        // Bernoulli(0.1) on 20,000 rows: mean 2,000, sd √(20000·0.1·0.9) ≈ 42.4; ±6 sd is 1,745..2,255.
        rows.Should().BeInRange(1_745, 2_255);
        first.Text().Should().Contain("TABLESAMPLE BERNOULLI(10%) REPEATABLE(7)");
        WorkspaceRows("SELECT count(*) FROM s1 FULL JOIN s2 USING (id) WHERE s1.id IS NULL OR s2.id IS NULL").Single()[0].Should().Be(0L, "the same seed gives the same rows");
    }

    [Fact]
    public async Task ListSources_ShowsTheSourceWithoutSecrets_AndItsTablesAndColumns()
    {
        await Postgres.AdminExecuteAsync("CREATE SCHEMA IF NOT EXISTS sales; GRANT USAGE ON SCHEMA sales TO mcpflow_reader; CREATE TABLE sales.orders (id int, total numeric(10,2)); GRANT SELECT ON sales.orders TO mcpflow_reader;");

        var all = await CallOkAsync("data_list_sources");
        var one = await CallOkAsync("data_list_sources", new { source = Source });

        all.Text().Should().Contain($"- pg (postgresql): 127.0.0.1:{Postgres.Port}/mcpflow_test as mcpflow_reader");
        one.Text().Should().Contain("- sales.orders (table): id integer, total numeric");
        foreach (var r in new[] { all, one })
            (r.Text() + r.Structured().GetRawText()).Should().NotContain(Postgres.ReaderPassword);
    }
}
