using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WidgetPlatform.Auth;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>
/// Authorization on the real gateway started by the AppHost model (docs/design.md §6): every endpoint against each role, with
/// access to its study or to another; tokens without which, or with a bad one, nothing is answered; the admin rate limit;
/// and the dev key and tokens the AppHost hands out.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class GatewayAuthTests(PlatformFixture platform)
{
    private const string Study = DevTokenIssuer.DevStudy;
    private const string OtherStudy = "STUDY-002";

    /// <summary>
    /// Method, path (with {study}), body, least role, and the status when allowed. Writes carry invalid bodies, so that an
    /// allowed call is refused by the endpoint itself (400) and changes nothing.
    /// </summary>
    public static TheoryData<string, string, string?, string, int> Endpoints => new()
    {
        { "GET", "/api/studies/{study}/widgets", null, "viewer", 200 },
        { "GET", "/api/studies/{study}/widgets/ae-total", null, "viewer", 200 },
        { "GET", "/api/studies/{study}/widgets/ae-total/data", null, "viewer", 200 },
        { "POST", "/api/studies/{study}/dashboard", """{"widgets":[{"widgetId":"ae-total"}]}""", "viewer", 200 },
        { "GET", "/api/studies/{study}/manifest", null, "viewer", 200 },
        { "GET", "/api/cache/studies/{study}/stats", null, "viewer", 200 },
        { "PUT", "/api/studies/{study}/datasets/AE?layer=source", "not a parquet file", "uploader", 400 },
        { "PUT", "/api/studies/{study}/widgets/auth-probe", """{"widgetId":"auth-probe"}""", "admin", 400 },
        { "DELETE", "/api/studies/{study}/widgets/no-such-widget", null, "admin", 404 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachRoleReachesWhatItMayOnItsOwnStudyOnly(string method, string path, string? body, string leastRole, int allowed)
    {
        foreach (var role in new[] { PlatformRoles.Viewer, PlatformRoles.Uploader, PlatformRoles.Admin })
        {
            var token = platform.Host.MintToken(role, [Study]);
            var mayCall = Rank(role) >= Rank(leastRole);

            using var own = await SendAsync(method, path.Replace("{study}", Study, StringComparison.Ordinal), body, token);
            using var other = await SendAsync(method, path.Replace("{study}", OtherStudy, StringComparison.Ordinal), body, token);

            if (mayCall)
            {
                AssertAllowed(own, allowed, $"{role} {method} {path}");
            }
            else
            {
                await AssertProblemAsync(own, HttpStatusCode.Forbidden);
            }

            await AssertProblemAsync(other, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoTokenIsRefusedOnEveryEndpoint(string method, string path, string? body, string leastRole, int allowed)
    {
        _ = (leastRole, allowed);

        using var response = await SendAsync(method, path.Replace("{study}", Study, StringComparison.Ordinal), body, token: null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CacheStatisticsNeedAToken()
    {
        using var anonymous = await SendAsync("GET", "/api/cache/stats", null, token: null);
        using var viewer = await SendAsync("GET", "/api/cache/stats", null, platform.Host.DevTokens.Viewer);

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
    }

    [Fact]
    public async Task AdminOfOneStudyCannotManageTheCacheOfAnother()
    {
        var admin = platform.Host.MintToken(PlatformRoles.Admin, [Study], subject: $"study-admin-{Guid.NewGuid():N}");

        using var response = await SendAsync("POST", "/api/cache/warmups", $$"""{"studyId":"{{OtherStudy}}"}""", admin);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyAnAdminOfEveryStudyMayWarmEveryStudy()
    {
        var studyAdmin = platform.Host.MintToken(PlatformRoles.Admin, [Study], subject: $"study-admin-{Guid.NewGuid():N}");
        var globalAdmin = platform.Host.MintToken(PlatformRoles.Admin, ["*"], subject: $"global-admin-{Guid.NewGuid():N}");

        using var refused = await SendAsync("POST", "/api/cache/warmups", "{}", studyAdmin);
        using var accepted = await SendAsync("POST", "/api/cache/warmups", "{}", globalAdmin);

        await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKeyIsRefused()
    {
        var forged = new DevTokenIssuer(DevTokenIssuer.NewSigningKey()).Mint("mallory", PlatformRoles.Admin, ["*"], TimeSpan.FromHours(1));

        using var response = await SendAsync("GET", $"/api/studies/{Study}/manifest", null, forged);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        var expired = platform.Host.MintToken(PlatformRoles.Viewer, [Study], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await SendAsync("GET", $"/api/studies/{Study}/manifest", null, expired);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminFloodIsLimitedWithRetryAfter()
    {
        // A subject of its own, so that other tests' admin calls neither count here nor get limited by this flood.
        var admin = platform.Host.MintToken(PlatformRoles.Admin, ["*"], subject: $"flood-{Guid.NewGuid():N}");
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 200 && limited is null; i++)
        {
            // An invalid body: allowed requests are refused with 400 and publish nothing, but still count.
            var response = await SendAsync("POST", "/api/cache/invalidations", """{"studyId":"not*valid"}""", admin);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);
        }
    }

    [Fact]
    public async Task DevTokensFileHoldsTheHostsTokensForItsOwnerOnly()
    {
        var path = Path.Combine(platform.Host.StateDirectory, DevTokens.FileName);

        var tokens = DevTokens.FromJson(await File.ReadAllTextAsync(path));

        Assert.Equal(platform.Host.DevTokens, tokens);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task DevTokensWorkAgainstTheGateway()
    {
        var tokens = platform.Host.DevTokens;

        using var viewer = await SendAsync("GET", $"/api/studies/{Study}/manifest", null, tokens.Viewer);
        using var viewerOther = await SendAsync("GET", $"/api/studies/{OtherStudy}/manifest", null, tokens.Viewer);
        using var admin = await SendAsync("GET", $"/api/studies/{OtherStudy}/manifest", null, tokens.Admin);

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? body, string? token)
    {
        using var client = platform.Host.CreateHttpClient("query");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "application/octet-stream");
        }

        return await client.SendAsync(request);
    }

    private static int Rank(string role) => Array.IndexOf([PlatformRoles.Viewer, PlatformRoles.Uploader, PlatformRoles.Admin], role);

    private static void AssertAllowed(HttpResponseMessage response, int allowed, string what) =>
        Assert.True((int)response.StatusCode == allowed, $"{what}: {(int)response.StatusCode}, expected {allowed}");

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
