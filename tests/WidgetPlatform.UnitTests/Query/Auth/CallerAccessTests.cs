using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using WidgetPlatform.Auth;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.UnitTests.Query.Auth;

public sealed class CallerAccessTests
{
    [Fact]
    public void ReadsSubjectRoleAndEveryStudiesClaim()
    {
        var access = CallerAccess.From(Principal(("sub", "alice"), ("role", "viewer"), ("studies", "STUDY-001"), ("studies", "STUDY-002")));

        Assert.Equal("alice", access.Subject);
        Assert.Equal(GatewayRole.Viewer, access.Role);
        Assert.True(access.CanAccessStudy("STUDY-001"));
        Assert.True(access.CanAccessStudy("STUDY-002"));
        Assert.False(access.CanAccessStudy("STUDY-003"));
        Assert.False(access.AllStudies);
    }

    [Fact]
    public void StarGrantsEveryStudy()
    {
        var access = CallerAccess.From(Principal(("role", "admin"), ("studies", "*")));

        Assert.True(access.AllStudies);
        Assert.True(access.CanAccessStudy("ANY-STUDY"));
    }

    [Fact]
    public void StudyIdsCompareOrdinally()
    {
        var access = CallerAccess.From(Principal(("role", "viewer"), ("studies", "STUDY-001")));

        Assert.False(access.CanAccessStudy("study-001"));
        Assert.False(access.CanAccessStudy("STUDY-001 "));
    }

    [Fact]
    public void NoStudiesClaimGrantsNoStudy()
    {
        var access = CallerAccess.From(Principal(("role", "admin")));

        Assert.False(access.CanAccessStudy("STUDY-001"));
        Assert.Empty(access.Studies);
    }

    [Theory]
    [InlineData("viewer", GatewayRole.Viewer)]
    [InlineData("uploader", GatewayRole.Uploader)]
    [InlineData("admin", GatewayRole.Admin)]
    [InlineData("Admin", GatewayRole.None)]
    [InlineData("superuser", GatewayRole.None)]
    [InlineData("", GatewayRole.None)]
    public void RoleNamesAreExactAndUnknownOnesGrantNothing(string claim, GatewayRole expected) =>
        Assert.Equal(expected, CallerAccess.From(Principal(("role", claim))).Role);

    [Fact]
    public void HighestOfSeveralRolesCounts()
    {
        var access = CallerAccess.From(Principal(("role", "viewer"), ("role", "admin"), ("role", "uploader")));

        Assert.Equal(GatewayRole.Admin, access.Role);
        Assert.True(access.HasRole(GatewayRole.Uploader));
    }

    [Fact]
    public void EachRoleIncludesTheOnesBelowIt()
    {
        var uploader = CallerAccess.From(Principal(("role", "uploader")));

        Assert.True(uploader.HasRole(GatewayRole.Viewer));
        Assert.True(uploader.HasRole(GatewayRole.Uploader));
        Assert.False(uploader.HasRole(GatewayRole.Admin));
        Assert.False(CallerAccess.None.HasRole(GatewayRole.Viewer));
    }

    [Fact]
    public void MintedTokenWithAStudiesArrayBecomesOneClaimPerStudy()
    {
        var issuer = new DevTokenIssuer(DevTokenIssuer.NewSigningKey());
        var token = new JsonWebToken(issuer.Mint("bob", "uploader", ["STUDY-001", "STUDY-007"], TimeSpan.FromHours(1)));

        var access = CallerAccess.From(new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt")));

        Assert.Equal("bob", access.Subject);
        Assert.Equal(GatewayRole.Uploader, access.Role);
        Assert.Equal(["STUDY-001", "STUDY-007"], access.Studies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GatewayPrincipalCarriesTheAccessOfItsClaims()
    {
        var principal = new GatewayPrincipal(Principal(("sub", "carol"), ("role", "admin"), ("studies", "*")));

        Assert.Same(principal.Access, principal.GetAccess());
        Assert.True(principal.CanAccessStudy("STUDY-042"));
        Assert.Equal("carol", principal.FindFirst("sub")?.Value);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "test"));
}
