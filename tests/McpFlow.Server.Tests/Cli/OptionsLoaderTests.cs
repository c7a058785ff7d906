using McpFlow.Server.Cli;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Cli;

public sealed class OptionsLoaderTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("opts");

    public void Dispose() => TempFolder.TryDelete(_temp);

    private static McpFlow.Core.Configuration.McpFlowOptions Load(string[] args, Dictionary<string, string?>? env = null)
    {
        var cli = new CommandLineDefinition();
        var parsed = cli.Build().Parse(args);
        parsed.Errors.Should().BeEmpty();
        return OptionsLoader.Load(parsed, cli, env ?? []);
    }

    [Fact]
    public void CommandLine_OverridesEnvironment_WhichOverridesConfigFile()
    {
        var config = Path.Combine(_temp, "cfg.json");
        File.WriteAllText(config, """{ "workspacePath": "/tmp/from-file", "sql": { "timeoutSeconds": 11, "maxRows": 7 }, "readOnly": true }""");
        var env = new Dictionary<string, string?> { ["MCPFLOW_SQL_TIMEOUT"] = "12", ["MCPFLOW_WORKSPACE"] = "/tmp/from-env" };

        var options = Load(["--config", config, "--workspace", "/tmp/from-cli"], env);

        options.WorkspacePath.Should().Be("/tmp/from-cli");
        options.Sql.TimeoutSeconds.Should().Be(12);
        options.Sql.MaxRows.Should().Be(7);
        options.ReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Groups_AcceptCommaSeparatedAndRepeatedValues()
    {
        Load(["--groups", "data,physics", "--groups", "Workbench"]).Groups.Should().Equal("data", "physics", "workbench");
    }

    [Fact]
    public void MlflowTrackingUri_ComesFromMlflowsOwnVariable()
    {
        Load([], new() { ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:5000" }).MlflowTrackingUri.Should().Be("http://127.0.0.1:5000");
    }

    [Fact]
    public void LogLevel_ComesFromTheCommandLineOverTheEnvironment_AndDefaultsToInformation()
    {
        Load([]).LogLevel.Should().Be("Information");
        Load([], new() { ["MCPFLOW_LOG_LEVEL"] = "Trace" }).LogLevel.Should().Be("Trace");
        Load(["--log-level", "Error"], new() { ["MCPFLOW_LOG_LEVEL"] = "Trace" }).LogLevel.Should().Be("Error");
        McpFlow.Core.Configuration.OptionsValidator.Validate(Load(["--log-level", "loud"]), []).Should().ContainSingle()
            .Which.Should().Contain("log level 'loud' is unknown");
    }

    [Fact]
    public void Secrets_ComeFromTheEnvironmentOnly_NeverFromTheConfigFile()
    {
        var config = Path.Combine(_temp, "secrets.json");
        File.WriteAllText(config, """{ "http": { "token": "file-token" }, "mlflowCredentials": { "token": "file-mlflow", "password": "file-pw" } }""");

        var fromFile = Load(["--config", config]);
        fromFile.Http.Token.Should().BeNull();
        fromFile.MlflowCredentials.Token.Should().BeNull();
        fromFile.MlflowCredentials.Password.Should().BeNull();

        var env = new Dictionary<string, string?>
        {
            ["MCPFLOW_HTTP_TOKEN"] = "env-token", ["MLFLOW_TRACKING_TOKEN"] = "env-mlflow",
            ["MLFLOW_TRACKING_USERNAME"] = "ana", ["MLFLOW_TRACKING_PASSWORD"] = "env-pw",
        };
        var fromEnv = Load(["--config", config], env);
        fromEnv.Http.Token.Should().Be("env-token");
        fromEnv.MlflowCredentials.Token.Should().Be("env-mlflow");
        fromEnv.MlflowCredentials.Username.Should().Be("ana");
        fromEnv.MlflowCredentials.Password.Should().Be("env-pw");
        System.Text.Json.JsonSerializer.Serialize(fromEnv).Should().NotContain("env-token").And.NotContain("env-mlflow").And.NotContain("env-pw");
    }

    [Fact]
    public void BadEnvironmentValues_AreAllReported()
    {
        var act = () => Load([], new() { ["MCPFLOW_READ_ONLY"] = "maybe", ["MCPFLOW_SQL_TIMEOUT"] = "soon" });
        act.Should().Throw<OptionsException>().Which.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void LoadAndExportLimits_ComeFromTheEnvironmentAndTheCommandLine()
    {
        var env = new Dictionary<string, string?>
        {
            ["MCPFLOW_LOAD_TIMEOUT"] = "60", ["MCPFLOW_LOAD_MAX_DEPTH"] = "32", ["MCPFLOW_LOAD_MAX_COLUMNS"] = "500",
            ["MCPFLOW_LOAD_MAX_LINE_BYTES"] = "4096", ["MCPFLOW_LOAD_MAX_UNZIPPED_BYTES"] = "2000000", ["MCPFLOW_LOAD_MAX_ZIP_ENTRIES"] = "100",
            ["MCPFLOW_LOAD_MAX_CELL_BYTES"] = "2048", ["MCPFLOW_EXPORT_TIMEOUT"] = "30", ["MCPFLOW_EXPORT_MAX_ROWS"] = "1000",
            ["MCPFLOW_EXPORT_MAX_BYTES"] = "5000000000",
        };

        var options = Load(["--load-max-columns", "700", "--export-max-rows", "42"], env);

        options.Load.TimeoutSeconds.Should().Be(60);
        options.Load.MaxNestingDepth.Should().Be(32);
        options.Load.MaxColumns.Should().Be(700, "the command line wins over the environment");
        options.Load.MaxLineBytes.Should().Be(4096);
        options.Load.MaxUnzippedBytes.Should().Be(2_000_000);
        options.Load.MaxZipEntries.Should().Be(100);
        options.Load.MaxCellBytes.Should().Be(2048);
        options.Export.TimeoutSeconds.Should().Be(30);
        options.Export.MaxRows.Should().Be(42);
        options.Export.MaxBytes.Should().Be(5_000_000_000, "byte limits above 2 GiB are longs");
    }

    [Fact]
    public void LoadAndExportLimits_OutOfRange_AreAllReported()
    {
        var options = Load(["--load-timeout", "0", "--load-max-depth", "100000", "--export-max-bytes", "10"]);

        var errors = McpFlow.Core.Configuration.OptionsValidator.Validate(options, []);

        errors.Should().Contain(e => e.StartsWith("load timeout 0s", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("load max depth 100000", StringComparison.Ordinal))
            .And.Contain(e => e.StartsWith("export max bytes 10", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingConfigFile_IsReported()
    {
        var act = () => Load(["--config", Path.Combine(_temp, "nope.json")]);
        act.Should().Throw<OptionsException>().Which.Errors.Single().Should().Contain("nope.json").And.Contain("does not exist");
    }

    [Fact]
    public void MalformedConfigFile_IsReported()
    {
        var config = Path.Combine(_temp, "bad.json");
        File.WriteAllText(config, "{ workspacePath: ");
        var act = () => Load(["--config", config]);
        act.Should().Throw<OptionsException>().Which.Errors.Single().Should().Contain("is not valid");
    }

    [Fact]
    public void Tools_AndExcludeTools_AcceptCommaSeparatedValues_FromTheCommandLineOrTheEnvironment()
    {
        var options = Load(["--tools", "data_query,data_describe_table", "--tools", "job_status", "--exclude-tools", "data_export"]);

        options.Tools.Should().Equal("data_query", "data_describe_table", "job_status");
        options.ExcludeTools.Should().Equal("data_export");
        Load([], new() { ["MCPFLOW_TOOLS"] = "data_query", ["MCPFLOW_EXCLUDE_TOOLS"] = "pinn_train,data_export" }).ExcludeTools
            .Should().Equal("pinn_train", "data_export");
    }

    [Fact]
    public void UnknownToolNames_AreAConfigurationError_ListingTheValidNames()
    {
        var options = Load(["--tools", "data_qurey", "--exclude-tools", "nope"]);

        var errors = McpFlow.Core.Configuration.OptionsValidator.Validate(options, ToolGroups.Names(), ToolGroups.ToolNamesToCheck(options));

        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("--tools: tool 'data_qurey' is unknown; valid tools: ").And.Contain("data_query, ").And.Contain("job_status");
        errors[1].Should().StartWith("--exclude-tools: tool 'nope' is unknown");
    }

    [Fact]
    public void ToolNames_AreReadOnlyWhenTheOptionsNameTools()
    {
        var none = Load([]);
        var some = Load(["--exclude-tools", "data_export"]);

        ToolGroups.ToolNamesToCheck(none).Should().BeNull();
        McpFlow.Core.Configuration.OptionsValidator.Validate(none, ToolGroups.Names(), ToolGroups.ToolNamesToCheck(none)).Should().BeEmpty();
        ToolGroups.ToolNamesToCheck(some).Should().ContainKey("data_export").WhoseValue.Should().Be("data");
    }

    [Fact]
    public void ToolOfADisabledGroup_IsAConfigurationError()
    {
        var options = Load(["--groups", "physics", "--tools", "data_query,pinn_train,job_status"]);

        McpFlow.Core.Configuration.OptionsValidator.Validate(options, ToolGroups.Names(), ToolGroups.ToolNames()).Should().ContainSingle()
            .Which.Should().Be("--tools: tool 'data_query' belongs to group 'data', which --groups does not enable; add 'data' to --groups.");
    }

    [Fact]
    public void TeamUsersJwtAndRateLimit_AreReadFromTheConfigFile()
    {
        var config = Path.Combine(_temp, "team.json");
        File.WriteAllText(config, """
            { "http": { "users": [ { "name": "ana", "role": "analyst", "tokenSha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" } ],
                        "jwt": { "issuer": "https://issuer.test", "audience": "mcpflow", "authority": "https://issuer.test" },
                        "rateLimit": { "permitsPerWindow": 5, "windowSeconds": 10 }, "allowSelfApproval": true } }
            """);

        var http = Load(["--config", config, "--http"]).Http;

        http.Users.Should().ContainSingle().Which.Should().BeEquivalentTo(new McpFlow.Core.Configuration.HttpUser
        {
            Name = "ana", Role = "analyst", TokenSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        });
        http.Jwt.Should().BeEquivalentTo(new { Issuer = "https://issuer.test", Audience = "mcpflow", Authority = "https://issuer.test", NameClaim = "preferred_username", RoleClaim = "roles" });
        http.RateLimit.Should().BeEquivalentTo(new { PermitsPerWindow = 5, WindowSeconds = 10 });
        http.AllowSelfApproval.Should().BeTrue();
        http.HasIdentities.Should().BeTrue();
    }

    // SHA-256("abc") (FIPS 180-2 example) and SHA-256("") (the empty string's well-known digest): two valid hashes.
    private const string HashA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string HashB = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Users_ComeFromMcpflowUsers_AndTheCommandLine_WhichReplacesTheFilesAndTheEnvironments()
    {
        var config = Path.Combine(_temp, "users.json");
        File.WriteAllText(config, $$"""{ "http": { "users": [ { "name": "fil", "role": "viewer", "tokenSha256": "{{HashA}}" } ] } }""");

        Load(["--config", config]).Http.Users.Should().ContainSingle().Which.Name.Should().Be("fil");
        var fromEnv = Load(["--config", config], new() { ["MCPFLOW_USERS"] = $"ana:analyst:{HashA}, bea:Approver:{HashB}:self-approval" }).Http.Users;
        fromEnv.Select(u => (u.Name, u.Role, u.TokenSha256, u.AllowSelfApproval, u.Source)).Should().Equal(
            ("ana", "analyst", HashA, false, "MCPFLOW_USERS entry 1 (ana)"), ("bea", "Approver", HashB, true, "MCPFLOW_USERS entry 2 (bea)"));
        var fromCli = Load(["--config", config, "--user", $"cal:approver:{HashB}", "--user", $"vic:viewer:{HashA}"], new() { ["MCPFLOW_USERS"] = $"ana:analyst:{HashA}" }).Http.Users;
        fromCli.Select(u => u.Name).Should().Equal("cal", "vic");
        fromCli[1].Source.Should().Be("--user #2 (vic)");
        McpFlow.Core.Configuration.OptionsValidator.Validate(Load(["--http", "--user", $"cal:approver:{HashB}", "--user", $"vic:viewer:{HashA}"]), []).Should().BeEmpty();
    }

    [Fact]
    public void MalformedUserEntries_StopTheStart_NamingTheEntry_WithoutRepeatingAToken()
    {
        // Shaped like --new-token tokens (43 URL-safe base64 characters); the second is also a valid user name.
        const string token = "Zt3xq9Lw-0aHc_7YbVnE2mKpQr5sTu8vWx1yAz4BcDe";
        const string nameLike = "Qm7rT2vXw9Lk4Bn8Hc1Jd6Fs3Gp5Ya0ZeUiOoPlKjHg";
        var env = new Dictionary<string, string?> { ["MCPFLOW_USERS"] = $"ana:analyst:{token};{nameLike};bea:approver:{HashA}:always" };

        var fromEnv = FluentActions.Invoking(() => Load([], env)).Should().Throw<OptionsException>().Which.Errors;
        fromEnv.Should().Equal(
            "MCPFLOW_USERS entry 2: must be name:role:sha256 (e.g. ana:analyst:<64 hex digits from 'mcpflow --new-token'>), optionally ending in :self-approval; it has 1 field(s).",
            "MCPFLOW_USERS entry 3 (bea): the fourth field may only be 'self-approval'.");
        var options = Load(["--http", "--user", $"ana:analyst:{token}", "--user", $"ana\r\nX-Evil=1:viewer:{HashA}"]); // a header injection in the name
        var validated = McpFlow.Core.Configuration.OptionsValidator.Validate(options, []);
        validated.Should().Equal(
            "--user #1 (ana): tokenSha256 must be 64 hex digits, the SHA-256 of the token and never the token itself (run 'mcpflow --new-token' to make a token and its hash).",
            "--user #2: name must be 1-64 letters, digits or ._@- (e.g. \"ana\").");
        fromEnv.Concat(validated).Should().NotContain(e => e.Contains(token, StringComparison.Ordinal) || e.Contains(nameLike, StringComparison.Ordinal) || e.Contains("X-Evil", StringComparison.Ordinal));
    }

    [Fact]
    public void NestedConfigurationVariables_AreRefused_RatherThanSilentlyIgnored()
    {
        var errors = FluentActions.Invoking(() => Load([], new() { ["MCPFLOW_HTTP__USERS__0__NAME"] = "ana" })).Should().Throw<OptionsException>().Which.Errors;
        errors.Should().Equal("environment variable MCPFLOW_HTTP__USERS__0__NAME is not read (McpFlow reads no nested '__' variables); use MCPFLOW_USERS=name:role:sha256 for users, or the config file.");
    }
}
