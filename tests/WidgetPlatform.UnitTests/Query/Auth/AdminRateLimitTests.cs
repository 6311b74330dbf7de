using System.Net;

namespace WidgetPlatform.UnitTests.Query.Auth;

public sealed class AdminRateLimitTests
{
    [Fact]
    public async Task AdminFloodGets429WithRetryAfterWhileAnotherAdminIsUnaffected()
    {
        await using var app = await AuthTestApp.StartAsync(new()
        {
            ["WidgetPlatform:Auth:AdminRateLimit:PermitLimit"] = "3",
            ["WidgetPlatform:Auth:AdminRateLimit:Window"] = "00:01:00",
        });
        var flooder = app.Token("admin", ["*"], subject: "flooder");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var accepted = await app.SendAsync(HttpMethod.Post, "/api/cache/invalidations", flooder);
            statuses.Add(accepted.StatusCode);
        }

        using var limited = await app.SendAsync(HttpMethod.Post, "/api/cache/invalidations", flooder);
        using var other = await app.SendAsync(HttpMethod.Post, "/api/cache/invalidations", app.Token("admin", ["*"], subject: "colleague"));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, (HttpStatusCode)429], statuses);
        var problem = await GatewayAuthorizationTests.ProblemAsync(limited, (HttpStatusCode)429);
        Assert.Contains("3 per 60 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(4, app.EndpointCalls);
    }

    [Fact]
    public async Task ReadsAreNotRateLimited()
    {
        await using var app = await AuthTestApp.StartAsync(new() { ["WidgetPlatform:Auth:AdminRateLimit:PermitLimit"] = "1" });
        var admin = app.Token("admin", ["*"]);

        for (var i = 0; i < 5; i++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/api/studies/STUDY-001/manifest", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
