using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpFlow.Server.Tests.Support;

/// <summary>A local OpenID Connect issuer for tests: an RSA key made in the test, its public half as a JWKS file, and
/// signed JWTs (no network).</summary>
internal sealed class TestIssuer : IDisposable
{
    public const string Issuer = "https://issuer.test/realms/team";
    public const string Audience = "mcpflow";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestIssuer(string kid = "key-1") => Kid = kid;

    public string Kid { get; }

    /// <summary>Writes the public key as a JWKS file and returns its path.</summary>
    public string WriteJwks(string folder)
    {
        var p = _rsa.ExportParameters(false);
        var path = Path.Combine(folder, $"jwks-{Kid}.json");
        File.WriteAllText(path, $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{Kid}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""");
        return path;
    }

    /// <summary>A signed token for <paramref name="user"/> with <paramref name="roles"/>, valid from <paramref name="issuedAt"/>
    /// for <paramref name="lifetime"/>.</summary>
    public string Token(string user, string[] roles, DateTimeOffset issuedAt, TimeSpan lifetime, string audience = Audience, string issuer = Issuer) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience,
            IssuedAt = issuedAt.UtcDateTime, NotBefore = issuedAt.UtcDateTime, Expires = (issuedAt + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "id-" + user, ["preferred_username"] = user, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256),
        });

    public void Dispose() => _rsa.Dispose();
}
