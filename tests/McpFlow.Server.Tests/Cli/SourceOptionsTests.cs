using McpFlow.Core.Configuration;
using McpFlow.Server.Cli;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Cli;

/// <summary>Database sources come from the file, <c>--source</c> or the environment; their passwords from the environment only.</summary>
public sealed class SourceOptionsTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("opts-sources");

    public void Dispose() => TempFolder.TryDelete(_temp);

    private static McpFlowOptions Load(string[] args, Dictionary<string, string?>? env = null)
    {
        var cli = new CommandLineDefinition();
        var parsed = cli.Build().Parse(args);
        parsed.Errors.Should().BeEmpty();
        return OptionsLoader.Load(parsed, cli, env ?? []);
    }

    [Fact]
    public void Sources_ComeFromFileCommandLineAndEnvironment_WithNamesLowerCased()
    {
        var config = Path.Combine(_temp, "cfg.json");
        File.WriteAllText(config, """{ "sources": { "Files": "postgresql:Host=a;Database=f;Username=u" } }""");
        var env = new Dictionary<string, string?>
        {
            ["MCPFLOW_SOURCE__WAREHOUSE"] = "postgresql:Host=b;Database=w;Username=u;Password=envpw",
            ["MCPFLOW_SOURCE_PASSWORD__FILES"] = "filespw",
        };

        var options = Load(["--config", config, "--source", "cli=postgres:Host=c;Database=c"], env);

        options.Sources.Keys.Should().BeEquivalentTo("files", "warehouse", "cli");
        options.Sources["warehouse"].Should().Be("postgresql:Host=b;Database=w;Username=u;Password=envpw");
        options.SourcePasswords["files"].Should().Be("filespw");
        OptionsValidator.Validate(options, []).Should().BeEmpty();
    }

    [Fact]
    public void Passwords_InTheFileOrOnTheCommandLine_StopTheServer_NamingTheVariable()
    {
        var config = Path.Combine(_temp, "pw.json");
        File.WriteAllText(config, """{ "sources": { "wh": "postgresql:Host=a;Password=filepw" } }""");

        var fromFile = () => Load(["--config", config]);
        var fromCli = () => Load(["--source", "wh=postgresql:Host=a;Pwd=clipw"]);

        fromFile.Should().Throw<OptionsException>().Which.Message.Should().Contain("MCPFLOW_SOURCE_PASSWORD__WH").And.NotContain("filepw");
        fromCli.Should().Throw<OptionsException>().Which.Message.Should().Contain("MCPFLOW_SOURCE_PASSWORD__WH").And.NotContain("clipw");
    }

    [Fact]
    public void Validation_RefusesUnknownKindsAndBadNames_WithoutQuotingTheConnectionString()
    {
        var options = Load([], new() { ["MCPFLOW_SOURCE__ORACLE"] = "oracle:Host=a;Password=secretpw", ["MCPFLOW_SOURCE__1BAD"] = "postgresql:Host=a" });

        var errors = OptionsValidator.Validate(options, []);

        errors.Should().Contain(e => e.Contains("source 'oracle' must be 'kind:connection string'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("source name '1bad'", StringComparison.Ordinal));
        string.Join("\n", errors).Should().NotContain("secretpw");
    }

    [Fact]
    public void MySqlAndMariaDbSources_AreAccepted_AndTheirPasswordKeysStopTheServerOnTheCommandLine()
    {
        var options = Load(["--source", "shop=mysql:Server=a;Database=s;User ID=u", "--source", "legacy=mariadb:Server=b;Database=l;User ID=u"]);
        var withPassword = () => Load(["--source", "shop=mysql:Server=a;User ID=u;Password=clipw"]);
        var withCertificatePassword = () => Load(["--source", "shop=mariadb:Server=a;CertificatePassword=certpw"]);

        OptionsValidator.Validate(options, []).Should().BeEmpty();
        DatabaseSourceSpec.Split(options.Sources["legacy"]).Should().Be(("mariadb", "Server=b;Database=l;User ID=u"));
        withPassword.Should().Throw<OptionsException>().Which.Message.Should().Contain("MCPFLOW_SOURCE_PASSWORD__SHOP").And.NotContain("clipw");
        withCertificatePassword.Should().Throw<OptionsException>().Which.Message.Should().NotContain("certpw");
    }
}
