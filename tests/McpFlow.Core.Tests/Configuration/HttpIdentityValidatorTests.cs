using McpFlow.Core.Configuration;

namespace McpFlow.Core.Tests.Configuration;

public sealed class HttpIdentityValidatorTests
{
    private const string Hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // SHA-256("abc"), FIPS 180-2 example

    private static List<string> Errors(HttpOptions http)
    {
        var errors = new List<string>();
        HttpIdentityValidator.Validate(http, errors);
        return errors;
    }

    [Fact]
    public void AValidUser_AndTheDefaults_PassTheChecks()
    {
        Errors(new HttpOptions()).Should().BeEmpty();
        Errors(new HttpOptions { Users = [new HttpUser { Name = "ana", Role = "Analyst", TokenSha256 = Hash }] }).Should().BeEmpty();
    }

    [Fact]
    public void UsersWithBadNamesRolesOrHashes_AreNamed()
    {
        var errors = Errors(new HttpOptions
        {
            Users =
            [
                new HttpUser { Name = "ana", Role = "admin", TokenSha256 = Hash },
                new HttpUser { Name = "ana", Role = "viewer", TokenSha256 = "abc" },
                new HttpUser { Name = "local", Role = "viewer", TokenSha256 = Hash },
            ],
        });
        errors.Should().BeEquivalentTo(
            "http.users[0].role 'admin' must be one of viewer, analyst, approver.",
            "http.users[1].name 'ana' is used twice.",
            "http.users[1].tokenSha256 must be 64 hex digits, the SHA-256 of the token and never the token itself (run 'mcpflow --new-token' to make a token and its hash).",
            "http.users[2].name 'local' is reserved for the local user.",
            "http.users[2].tokenSha256 is the hash of another user's token too; give every user their own token.");
    }

    [Fact]
    public void EntriesFromTheEnvironmentOrCommandLine_AreNamedByWhereTheyCameFrom_AndTheirFieldsAreNotRepeated()
    {
        const string token = "tok-abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";
        var errors = Errors(new HttpOptions
        {
            Users =
            [
                new HttpUser { Name = "ana", Role = token, TokenSha256 = Hash, Source = "--user #1 (ana)" },
                new HttpUser { Name = "LOCAL", Role = "viewer", TokenSha256 = token, Source = "MCPFLOW_USERS entry 2" },
            ],
        });
        errors.Should().BeEquivalentTo(
            "--user #1 (ana): role must be one of viewer, analyst, approver.",
            "MCPFLOW_USERS entry 2: name 'LOCAL' is reserved for the local user.",
            "MCPFLOW_USERS entry 2: tokenSha256 must be 64 hex digits, the SHA-256 of the token and never the token itself (run 'mcpflow --new-token' to make a token and its hash).");
        errors.Should().NotContain(e => e.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void AJwtIssuer_NeedsAnAudience_AndOneKeySource()
    {
        Errors(new HttpOptions { Jwt = { Issuer = "https://issuer.test" } }).Should().BeEquivalentTo(
            "http.jwt.audience is required with http.jwt.issuer (the aud your issuer puts in McpFlow's tokens).",
            "http.jwt needs exactly one of signingKeysFile (a JWKS file) or authority (an https OpenID Connect issuer).");
        Errors(new HttpOptions { Jwt = { Issuer = "https://issuer.test", Audience = "mcpflow", Authority = "http://issuer.test" } })
            .Should().Equal("http.jwt.authority 'http://issuer.test' must be an absolute https URL.");
    }
}
