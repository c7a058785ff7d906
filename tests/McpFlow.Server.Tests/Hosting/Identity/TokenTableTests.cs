using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using McpFlow.Server.Hosting.Identity;

namespace McpFlow.Server.Tests.Hosting.Identity;

public sealed class TokenTableTests
{
    // SHA-256("abc") from FIPS 180-2, appendix B.1: the configured form of the token "abc".
    private const string AbcHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Hash_IsTheSha256OfTheTokensUtf8Bytes() =>
        Convert.ToHexStringLower(TokenTable.Hash("abc")).Should().Be(AbcHash);

    [Fact]
    public void Find_MapsAHashedTokenToItsUser_AndTheSharedTokenToTheLocalUser()
    {
        var options = new HttpOptions { Users = [new HttpUser { Name = "ana", Role = "analyst", TokenSha256 = AbcHash.ToUpperInvariant() }] };
        var table = new TokenTable(options, sharedToken: "shared-secret");

        table.Find("abc").Should().Be(new Caller("ana", UserRole.Analyst, MaySelfApprove: false));
        table.Find("shared-secret").Should().BeSameAs(Caller.Local);
        table.Find("abd").Should().BeNull();
        table.Find(AbcHash).Should().BeNull("the hash itself is not a token");
    }

    [Fact]
    public void SelfApproval_IsGranted_PerUserOrToEveryone()
    {
        var user = new HttpUser { Name = "ana", Role = "approver", TokenSha256 = AbcHash, AllowSelfApproval = true };
        new TokenTable(new HttpOptions { Users = [user] }, null).Find("abc")!.MaySelfApprove.Should().BeTrue();
        user.AllowSelfApproval = false;
        new TokenTable(new HttpOptions { Users = [user], AllowSelfApproval = true }, null).Find("abc")!.MaySelfApprove.Should().BeTrue();
        new TokenTable(new HttpOptions { Users = [user] }, null).Find("abc")!.MaySelfApprove.Should().BeFalse();
    }

    [Fact]
    public void NewToken_PrintsATokenAndItsHash()
    {
        using var output = new StringWriter();
        NewToken.Write(output);
        var lines = output.ToString().Split('\n');
        var token = lines[0]["token:".Length..].Trim();
        var hash = lines[1]["tokenSha256:".Length..].Trim();
        token.Length.Should().Be(43, "32 random bytes are 43 characters of unpadded base64");
        hash.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
        output.ToString().Should().Contain($"\"tokenSha256\": \"{hash}\"");
    }
}
