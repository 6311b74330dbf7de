using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using WidgetPlatform.Auth;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.UnitTests.Query.Auth;

/// <summary>The authorization matrix of docs/design.md §6: each role against its own and another study, on each kind of endpoint.</summary>
public sealed class GatewayAuthorizationTests : IAsyncLifetime
{
    private AuthTestApp _app = null!;

    public async Task InitializeAsync() => _app = await AuthTestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("viewer", "GET", "/api/studies/STUDY-001/manifest", HttpStatusCode.OK)]
    [InlineData("viewer", "GET", "/api/studies/STUDY-002/manifest", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "PUT", "/api/studies/STUDY-001/datasets/AE", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "PUT", "/api/studies/STUDY-001/widgets/w1", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "POST", "/api/cache/invalidations", HttpStatusCode.Forbidden)]
    [InlineData("uploader", "GET", "/api/studies/STUDY-001/manifest", HttpStatusCode.OK)]
    [InlineData("uploader", "GET", "/api/studies/STUDY-002/manifest", HttpStatusCode.Forbidden)]
    [InlineData("uploader", "PUT", "/api/studies/STUDY-001/datasets/AE", HttpStatusCode.Accepted)]
    [InlineData("uploader", "PUT", "/api/studies/STUDY-002/datasets/AE", HttpStatusCode.Forbidden)]
    [InlineData("uploader", "PUT", "/api/studies/STUDY-001/widgets/w1", HttpStatusCode.Forbidden)]
    [InlineData("uploader", "POST", "/api/cache/invalidations", HttpStatusCode.Forbidden)]
    [InlineData("admin", "GET", "/api/studies/STUDY-001/manifest", HttpStatusCode.OK)]
    [InlineData("admin", "GET", "/api/studies/STUDY-002/manifest", HttpStatusCode.Forbidden)]
    [InlineData("admin", "PUT", "/api/studies/STUDY-001/datasets/AE", HttpStatusCode.Accepted)]
    [InlineData("admin", "PUT", "/api/studies/STUDY-001/widgets/w1", HttpStatusCode.OK)]
    [InlineData("admin", "PUT", "/api/studies/STUDY-002/widgets/w1", HttpStatusCode.Forbidden)]
    [InlineData("admin", "POST", "/api/cache/invalidations", HttpStatusCode.Accepted)]
    [InlineData("intern", "GET", "/api/studies/STUDY-001/manifest", HttpStatusCode.Forbidden)]
    public async Task RoleWithAccessToStudy001Only(string role, string method, string path, HttpStatusCode expected)
    {
        using var response = await _app.SendAsync(new HttpMethod(method), path, _app.Token(role, ["STUDY-001"]));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Forbidden ? 0 : 1, _app.EndpointCalls);
    }

    [Theory]
    [InlineData("viewer", "GET", "/api/studies/ANY-STUDY/manifest", HttpStatusCode.OK)]
    [InlineData("viewer", "PUT", "/api/studies/ANY-STUDY/widgets/w1", HttpStatusCode.Forbidden)]
    [InlineData("admin", "PUT", "/api/studies/ANY-STUDY/widgets/w1", HttpStatusCode.OK)]
    public async Task StarGrantsEveryStudyButNoMoreRole(string role, string method, string path, HttpStatusCode expected)
    {
        using var response = await _app.SendAsync(new HttpMethod(method), path, _app.Token(role, ["*"]));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OtherStudyIsRefusedWithProblemDetailsNamingIt()
    {
        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-002/manifest", _app.Token("viewer", ["STUDY-001"]));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains("STUDY-002", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRoleIsRefusedWithProblemDetailsNamingIt()
    {
        using var response = await _app.SendAsync(HttpMethod.Put, "/api/studies/STUDY-001/widgets/w1", _app.Token("viewer", ["STUDY-001"]));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("admin role", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTokenIsRefusedWith401ProblemDetailsAndABearerChallenge()
    {
        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token: null);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(0, _app.EndpointCalls);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRefused()
    {
        var forged = new DevTokenIssuer(AuthTestApp.NewKey()).Mint("mallory", "admin", ["*"], TimeSpan.FromHours(1));

        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", forged);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, _app.EndpointCalls);
    }

    [Fact]
    public async Task ExpiredTokenIsRefusedAndSaysSo()
    {
        var expired = _app.Issuer.Mint("old", "viewer", ["STUDY-001"], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", expired);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task GarbageTokenIsRefused(string token)
    {
        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnsignedTokenIsRefused()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"mallory","role":"admin","studies":["*"],"iss":"widgetplatform-dev","aud":"widgetplatform","exp":{{exp}}}""");

        using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", $"{header}.{payload}.");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TamperedCopyOfACachedTokenIsRefused()
    {
        var genuine = _app.Token("viewer", ["STUDY-001"]);
        using (var first = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", genuine))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var parts = genuine.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"viewer\"", "\"admin\"", StringComparison.Ordinal)
            .Replace("[\"STUDY-001\"]", "[\"*\"]", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        using var response = await _app.SendAsync(HttpMethod.Put, "/api/studies/STUDY-002/widgets/w1", tampered);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(1, _app.EndpointCalls);
    }

    [Fact]
    public async Task RepeatedTokenIsServedFromTheCacheWithTheSamePrincipal()
    {
        var token = _app.Token("viewer", ["STUDY-001"]);
        var cache = _app.App.Services.GetRequiredService<ValidatedTokenCache>();

        for (var i = 0; i < 3; i++)
        {
            using var response = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, cache.Count);
        var callers = _app.Callers.ToArray();
        Assert.IsType<GatewayPrincipal>(callers[0]);
        Assert.Same(callers[0], callers[1]);
        Assert.Same(callers[0], callers[2]);
    }

    [Fact]
    public async Task CachedTokenIsStillRefusedForAnotherStudy()
    {
        var token = _app.Token("viewer", ["STUDY-001"]);
        using var allowed = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);

        using var refused = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-002/manifest", token);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ARequirementOfAnotherKindOnTheEndpointIsNeverSkipped()
    {
        // The endpoint asks for viewer and study access, which this token has, and for a policy of its own that refuses
        // everyone: the fast path must leave the decision to the standard middleware.
        var token = _app.Token("admin", ["*"]);
        using var warm = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", token);

        using var refused = await _app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/refusing", token);

        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, _app.EndpointCalls);
    }

    [Fact]
    public async Task EventStreamAcceptsTheTokenFromTheQueryBecauseEventSourceSendsNoHeaders()
    {
        var token = _app.Token("viewer", ["STUDY-001"]);

        using var events = await _app.Client.GetAsync($"/api/studies/STUDY-001/events?access_token={token}");
        using var manifest = await _app.Client.GetAsync($"/api/studies/STUDY-001/manifest?access_token={token}");

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, manifest.StatusCode);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
