using McpFlow.Core.Errors;
using McpFlow.Data.Sources;

namespace McpFlow.Data.Tests.Sources;

/// <summary>The MySQL/MariaDB rules of <see cref="SourceQuery"/>: each dialect refuses its own dangerous forms, and the
/// other dialect's words stay usable as names.</summary>
public sealed class SourceQueryMySqlTests
{
    [Theory]
    [InlineData("SELECT * FROM t INTO OUTFILE '/tmp/x'", "'into'")]
    [InlineData("SELECT LOAD_FILE('/etc/passwd')", "'load_file'")]
    [InlineData("SELECT a FROM t WHERE b = 1 /*!, LOAD_FILE('x') */", "executable comment")]
    [InlineData("SELECT @x:=1", "':='")]
    [InlineData("SELECT IS_FREE_LOCK('a')", "'is_free_lock'")]
    [InlineData("SELECT MASTER_POS_WAIT('f', 4)", "'master_pos_wait'")]
    [InlineData("SELECT * FROM t FOR SHARE", "locking read")]
    [InlineData("SELECT sys_eval('id')", "'sys_eval'")]
    public void Check_RefusesMySqlForms(string query, string expected)
    {
        var act = () => SourceQuery.Check(query, mySql: true);

        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Check_KeepsReadOnlyMySqlQueries_AndPostgresWordsAsNames()
    {
        // copy and program are PostgreSQL's refused words; in MySQL they are ordinary names.
        SourceQuery.Check("SELECT copy, program, FIND_IN_SET('b', tags) FROM t WHERE note LIKE '%b%' ", mySql: true).Sql
            .Should().Be("SELECT copy, program, FIND_IN_SET('b', tags) FROM t WHERE note LIKE '%b%'");
    }

    [Fact]
    public void Check_RefusesAWord_EvenInsideALiteral()
    {
        // The text is not parsed: a refused word anywhere refuses the query (a false refusal, never a missed one).
        var act = () => SourceQuery.Check("SELECT * FROM t WHERE note LIKE '%into%'", mySql: true);

        act.Should().Throw<McpFlowException>().Which.Message.Should().Contain("'into'");
    }

    [Fact]
    public void Check_KeepsPostgresRules_ForPostgres()
    {
        SourceQuery.Check("SELECT * FROM t INTO OUTFILE", mySql: false).Sql.Should().StartWith("SELECT");
        var act = () => SourceQuery.Check("SELECT pg_read_file('x')", mySql: true);
        act.Should().NotThrow("pg_read_file is no MySQL function: the server will say so");
    }
}
