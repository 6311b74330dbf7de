using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using WidgetPlatform.Auth;

namespace WidgetPlatform.UnitTests.Auth;

public sealed class DevTokenIssuerTests
{
    [Fact]
    public void NewSigningKeyHas256Bits() =>
        Assert.Equal(32, Convert.FromBase64String(DevTokenIssuer.NewSigningKey()).Length);

    [Theory]
    [InlineData(null, "not base64")]
    [InlineData("", "not base64")]
    [InlineData("not base64!", "not base64")]
    [InlineData("c2hvcnQta2V5", "has 72 bits")]
    public void UnusableKeyIsRefusedWithTheReason(string? key, string reason)
    {
        Assert.Null(DevTokenIssuer.TryReadSigningKey(key, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DevTokenIssuer(key!));
    }

    [Fact]
    public void DevTokensAreAViewerAndAnUploaderOfTheDemoStudyAndAnAdminOfAll()
    {
        var now = DateTimeOffset.UtcNow;
        var tokens = new DevTokenIssuer(DevTokenIssuer.NewSigningKey()).MintDevTokens(TimeSpan.FromDays(30));

        AssertToken(tokens.Viewer, "viewer", "STUDY-001");
        AssertToken(tokens.Uploader, "uploader", "STUDY-001");
        AssertToken(tokens.Admin, "admin", "*");
        Assert.InRange(new JsonWebToken(tokens.Admin).ValidTo, now.AddDays(30).UtcDateTime.AddSeconds(-5), now.AddDays(30).UtcDateTime.AddSeconds(5));

        static void AssertToken(string raw, string role, string study)
        {
            var token = new JsonWebToken(raw);
            Assert.Equal(DevTokenIssuer.Issuer, token.Issuer);
            Assert.Equal([DevTokenIssuer.Audience], token.Audiences);
            Assert.Equal("HS256", token.Alg);
            Assert.Equal(role, token.GetClaim("role").Value);
            Assert.Equal([study], token.Claims.Where(claim => claim.Type == "studies").Select(claim => claim.Value));
            Assert.Equal($"dev-{role}", token.Subject);
        }
    }

    [Fact]
    public void TokenIssuedInThePastCanBeMintedForExpiryTests()
    {
        var issuer = new DevTokenIssuer(DevTokenIssuer.NewSigningKey());

        var token = new JsonWebToken(issuer.Mint("old", "viewer", ["STUDY-001"], TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.True(token.ValidTo < DateTime.UtcNow.AddMinutes(-58));
    }

    [Fact]
    public void DevTokensFileHasOneLowerCasePropertyPerRole()
    {
        var json = new DevTokens("v", "u", "a").ToJson();

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["viewer", "uploader", "admin"], document.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(new DevTokens("v", "u", "a"), DevTokens.FromJson(json));
    }
}
