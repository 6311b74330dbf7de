using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.Dashboard.Tests.Fakes;

namespace WidgetPlatform.Dashboard.Tests;

public sealed class DashboardApiTests : IAsyncLifetime
{
    private RunningDashboard _dashboard = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await RunningDashboard.StartAsync();
        _client = _dashboard.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public void ServerListensOnLoopbackWithTheBoundPort()
    {
        Assert.Equal("127.0.0.1", _dashboard.Server.Url.Host);
        Assert.NotEqual(0, _dashboard.Server.Url.Port);
    }

    [Theory]
    [InlineData("http://0.0.0.0:18888")]
    [InlineData("http://192.168.1.10:18888")]
    [InlineData("https://127.0.0.1:18888")]
    public async Task StartingOnAnythingButPlainLoopbackHttpIsRefused(string url)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            DashboardServer.StartAsync(_dashboard.Control, new Uri(url), CancellationToken.None));
    }

    [Fact]
    public async Task ResourcesAreEverySnapshotInCamelCaseWithEnumsAsStrings()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("api/resources", UriKind.Relative)));

        var resources = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(SampleResources.All.Select(r => r.Name).Order(StringComparer.Ordinal), resources.Select(r => r.GetProperty("name").GetString()));
        var query = resources.Single(r => r.GetProperty("name").GetString() == "query");
        Assert.Equal("query", query.GetProperty("resource").GetString());
        Assert.Equal("project", query.GetProperty("kind").GetString());
        Assert.Equal("Running", query.GetProperty("state").GetString());
        Assert.Equal("Healthy", query.GetProperty("health").GetString());
        Assert.Equal(4103, query.GetProperty("pid").GetInt32());
        Assert.Equal("http://127.0.0.1:40103", query.GetProperty("endpoints")[0].GetString());
        Assert.Equal(0, query.GetProperty("restartCount").GetInt32());
        Assert.Equal(SampleResources.Query.StartedAt, query.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, query.GetProperty("lastExit").ValueKind);
        var invalidation = resources.Single(r => r.GetProperty("name").GetString() == "invalidation");
        Assert.Equal("Exited", invalidation.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, invalidation.GetProperty("pid").ValueKind);
        Assert.Equal("exit code 134 at 09:42:10", invalidation.GetProperty("lastExit").GetString());
    }

    [Fact]
    public async Task LogsAreTheLinesAfterTheGivenSequenceOldestFirst()
    {
        _dashboard.Control.AppendLog("query", "stdout", "one");
        _dashboard.Control.AppendLog("query", "stderr", "two");
        _dashboard.Control.AppendLog("query", "apphost", "three");

        var lines = await GetLogsAsync("api/resources/query/logs?after=1");

        Assert.Equal([2L, 3L], lines.Select(line => line.GetProperty("sequence").GetInt64()));
        Assert.Equal(["stderr", "apphost"], lines.Select(line => line.GetProperty("stream").GetString()));
        Assert.Equal(["two", "three"], lines.Select(line => line.GetProperty("text").GetString()));
        Assert.True(lines[0].TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task LogsWithMaxAreTheMostRecentLines()
    {
        for (var i = 1; i <= 5; i++)
        {
            _dashboard.Control.AppendLog("cache", "stdout", $"line {i}");
        }

        var lines = await GetLogsAsync("api/resources/cache/logs?after=0&max=2");

        Assert.Equal(["line 4", "line 5"], lines.Select(line => line.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task LogsOfAnUnknownResourceAreANotFoundProblem()
    {
        using var response = await _client.GetAsync(new Uri("api/resources/nope/logs", UriKind.Relative));

        await AssertNotFoundProblemAsync(response, "nope");
    }

    [Theory]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("restart")]
    public async Task ActionsCallTheControlForThatInstance(string action)
    {
        using var response = await _client.PostAsync(new Uri($"api/resources/query-2/{action}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(_dashboard.Control.Calls.TryRead(out var call));
        Assert.Equal(new ResourceCall(action, "query-2"), call);
    }

    [Fact]
    public async Task ActionOnAnUnknownResourceIsANotFoundProblemAndCallsNothing()
    {
        using var response = await _client.PostAsync(new Uri("api/resources/nope/restart", UriKind.Relative), null);

        await AssertNotFoundProblemAsync(response, "nope");
        Assert.False(_dashboard.Control.Calls.TryRead(out _));
    }

    [Fact]
    public async Task ActionThatFailsIsAProblemCarryingTheReason()
    {
        _dashboard.Control.ActionFailure = new InvalidOperationException("redis-server is not installed");

        using var response = await _client.PostAsync(new Uri("api/resources/cache/start", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("redis-server is not installed", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ActionPostedFromAnotherSiteIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/resources/query/stop", UriKind.Relative));
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(_dashboard.Control.Calls.TryRead(out _));
    }

    [Fact]
    public async Task RequestForAnotherHostNameIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/resources", UriKind.Relative));
        request.Headers.Host = "rebound.example";

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard.js", "text/javascript")]
    [InlineData("/dashboard.css", "text/css")]
    public async Task PageFilesAreServedFromTheAssembly(string path, string contentType)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<JsonElement>> GetLogsAsync(string path)
    {
        var lines = await _client.GetFromJsonAsync<List<JsonElement>>(new Uri(path, UriKind.Relative));
        return lines!;
    }

    private static async Task AssertNotFoundProblemAsync(HttpResponseMessage response, string name)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(name, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
