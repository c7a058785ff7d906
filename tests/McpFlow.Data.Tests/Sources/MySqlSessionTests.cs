using McpFlow.Data.Sources;

namespace McpFlow.Data.Tests.Sources;

/// <summary>The session settings of a MySQL or MariaDB read: MySQL is not installable here (Debian ships MariaDB), so its
/// branch is checked on the SQL chosen.</summary>
public sealed class MySqlSessionTests
{
    [Theory]
    [InlineData("5.5.5-10.11.19-MariaDB-0+deb12u1", true)]
    [InlineData("11.4.2-MariaDB", true)]
    [InlineData("8.0.36", false)]
    [InlineData("8.4.0-commercial", false)]
    public void IsMariaDb_ReadsTheHandshakeVersion(string version, bool expected) => MySqlSession.IsMariaDb(version).Should().Be(expected);

    [Fact]
    public void Settings_UseMaxExecutionTimeInMilliseconds_OnMySql()
    {
        // 300 s is 300,000 ms (MySQL's max_execution_time counts milliseconds and applies to SELECTs).
        MySqlSession.Settings(mariaDb: false, 300).Should().Equal(
            "SET SESSION time_zone = '+00:00'", "SET SESSION max_execution_time = 300000", "SET SESSION wait_timeout = 300");
    }

    [Fact]
    public void Settings_UseMaxStatementTimeInSeconds_OnMariaDb()
    {
        // MariaDB's max_statement_time counts seconds and applies to every statement.
        MySqlSession.Settings(mariaDb: true, 300).Should().Equal(
            "SET SESSION time_zone = '+00:00'", "SET SESSION max_statement_time = 300", "SET SESSION wait_timeout = 300");
    }
}
