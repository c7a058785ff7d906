using McpFlow.Data.Sources;

namespace McpFlow.Data.Tests.Sources;

/// <summary>The options McpFlow forces over a MySQL/MariaDB connection string, whatever the operator wrote.</summary>
public sealed class MySqlSettingsTests
{
    [Fact]
    public void Builder_ForcesTheSafeOptions_OverTheConfiguredString()
    {
        var source = new DatabaseSource("m", "mysql",
            "Server=db;Database=sales;User ID=r;AllowLoadLocalInfile=true;AllowUserVariables=true;Pooling=true;Connection Timeout=600;Password=inline", "fromenv");

        var b = MySqlSettings.Builder(source);

        b.AllowLoadLocalInfile.Should().BeFalse();
        b.AllowUserVariables.Should().BeFalse();
        b.Pooling.Should().BeFalse();
        b.ConnectionTimeout.Should().Be((uint)DatabaseSource.MaxConnectSeconds);
        b.ServerRedirectionMode.Should().Be(MySqlConnector.MySqlServerRedirectionMode.Disabled);
        b.Password.Should().Be("fromenv");
        source.Info().Should().Be(new SourceInfo("m", "mysql", "db", 3306, "sales", "r"));
        source.Secrets().Should().Contain("fromenv");
    }

    [Fact]
    public void ToString_NamesTheSourceOnly() => new DatabaseSource("m", "mariadb", "Server=db;Password=pw123", null).ToString().Should().Be("source 'm' (mariadb)");
}
