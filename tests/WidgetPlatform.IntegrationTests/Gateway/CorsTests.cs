using System.Net;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>A platform of its own whose gateway lists exactly one browser origin.</summary>
public sealed class CorsFixture() : PlatformFixture(new TestPlatformOptions
{
    Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["query"] = new Dictionary<string, string> { ["WidgetPlatform__Gateway__Cors__AllowedOrigins__0"] = CorsTests.Dashboard },
    },
});

/// <summary>A dashboard served from another origin.</summary>
public sealed class CorsTests(CorsFixture platform) : IClassFixture<CorsFixture>
{
    public const string Dashboard = "http://dashboard.example.test:5173";
    private const string Data = "/api/studies/STUDY-001/widgets/ae-by-severity/data";
    private readonly TestPlatform _host = platform.Host;

    [Fact]
    public async Task APreflightFromTheListedOriginIsAnsweredWithoutATokenAndMayBeKeptTenMinutes()
    {
        using var anonymous = _host.CreateHttpClient("query");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, Data);
        preflight.Headers.Add("Origin", Dashboard);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,if-none-match");

        using var response = await anonymous.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Dashboard, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("600", Single(response, "Access-Control-Max-Age"));
        Assert.Contains("authorization", Single(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DataAndEventsAreReadableFromTheListedOriginAndFromNoOther()
    {
        using var viewer = _host.CreateHttpClient("query", bearerToken: _host.DevTokens.Viewer);

        using var fromDashboard = await GetAsync(viewer, Data, Dashboard);
        using var fromElsewhere = await GetAsync(viewer, Data, "http://elsewhere.example.test");
        using var events = await GetAsync(viewer, "/api/studies/STUDY-001/events", Dashboard, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, fromDashboard.StatusCode);
        Assert.Equal(Dashboard, Single(fromDashboard, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Single(fromDashboard, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.False(fromElsewhere.Headers.Contains("Access-Control-Allow-Origin"), "an origin not listed was allowed");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(Dashboard, Single(events, "Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> GetAsync(
        HttpClient client, string path, string origin, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, completion);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
