using System.Net;
using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Gateway;

[Collection(GatewayPlatform.Name)]
public sealed class BadInputTests(GatewayFixture platform)
{
    private const string Data = $"/api/studies/{GatewayFixture.Study}/widgets/ae-by-severity/data";

    public static TheoryData<string, string> BadDataRequests => new()
    {
        { $"{Data}?from=2024-13-01", "from" },
        { $"{Data}?from=2024-02-01&to=2024-01-01", "from" },
        { $"{Data}?since=2024-01-01", "since" },
        { $"{Data}?f.site=", "f.site" },
        { $"{Data}?f.{new string('x', 65)}=1", "f." },
        { $"{Data}?f.sev%2A=MILD", "f.sev*" },
        { $"{Data}?f.site={new string('s', 257)}", "f.site" },
        { $"{Data}?{string.Join('&', Enumerable.Range(0, 11).Select(i => $"f.c{i}=1"))}", "f." },
        { $"{Data}?{string.Join('&', Enumerable.Range(0, 51).Select(i => $"f.site=S{i}"))}", "f.site" },
    };

    public static TheoryData<string> GlobIdentifiers => new()
    {
        "/api/studies/STUDY-%2A/widgets/ae-by-severity/data",
        "/api/studies/STUDY-001/widgets/ae-%3F/data",
        "/api/studies/STUDY-001/widgets/%5Bae%5D/data",
        "/api/studies/STUDY%5C001/widgets",
        "/api/cache/studies/STUDY-%2A/stats",
    };

    [Theory]
    [MemberData(nameof(BadDataRequests))]
    public async Task ABadDataRequestIsA400ProblemNamingTheParameter(string path, string field)
    {
        using var client = platform.Replica(0);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), error => error.Name.StartsWith(field, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GlobIdentifiers))]
    public async Task GlobCharactersInAnIdentifierAreRefusedWith400(string path)
    {
        using var client = platform.Replica(1);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUnknownWidgetIsA404Problem()
    {
        using var client = platform.Replica(0);
        using var response = await client.GetAsync(new Uri($"/api/studies/{GatewayFixture.Study}/widgets/no-such-widget/data", UriKind.Relative));

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFilterOnAColumnTheDatasetLacksIsA400NamingIt()
    {
        using var client = platform.Replica(0);
        using var response = await client.GetAsync(new Uri($"{Data}?f.no_such_column=1", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("no_such_column", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyOrOversizedDashboardIsA400()
    {
        using var client = platform.Replica(0);
        var uri = new Uri($"/api/studies/{GatewayFixture.Study}/dashboard", UriKind.Relative);

        using var empty = await client.PostAsync(uri, System.Net.Http.Json.JsonContent.Create(new { widgets = Array.Empty<object>() }));
        using var oversized = await client.PostAsync(uri, System.Net.Http.Json.JsonContent.Create(new
        {
            widgets = Enumerable.Range(0, 51).Select(_ => new { widgetId = "ae-total" }),
        }));
        using var badItem = await client.PostAsync(uri, System.Net.Http.Json.JsonContent.Create(new { widgets = new[] { new { widgetId = "a*" } } }));
        // Found by the fault suite's hostile input (issue 18): a null item was a 500.
        using var nullItem = await client.PostAsync(uri, new StringContent("""{"widgets":[null]}""", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAsync(empty, HttpStatusCode.BadRequest);
        await ProblemAsync(oversized, HttpStatusCode.BadRequest);
        await ProblemAsync(badItem, HttpStatusCode.BadRequest);
        Assert.Contains("widgets[0]", (await ProblemAsync(nullItem, HttpStatusCode.BadRequest)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadParquetUploadIsA400AndPublishesNothing()
    {
        using var client = platform.Replica(0, platform.Host.DevTokens.Uploader);
        var datasetFolder = Path.Combine(platform.Host.DataDirectory, "studies", GatewayFixture.Study, "source", "AE");
        var versionsBefore = Directory.GetDirectories(datasetFolder).Order().ToArray();
        var manifestBefore = await File.ReadAllTextAsync(Path.Combine(platform.Host.DataDirectory, "studies", GatewayFixture.Study, "manifest.json"));

        using var notParquet = await client.PutAsync(
            new Uri($"/api/studies/{GatewayFixture.Study}/datasets/AE?layer=source", UriKind.Relative),
            new ByteArrayContent("PAR1 this is not a parquet file PAR1"u8.ToArray()));
        using var badLayer = await client.PutAsync(
            new Uri($"/api/studies/{GatewayFixture.Study}/datasets/AE?layer=raw", UriKind.Relative),
            new ByteArrayContent([1, 2, 3]));

        await ProblemAsync(notParquet, HttpStatusCode.BadRequest);
        await ProblemAsync(badLayer, HttpStatusCode.BadRequest);
        Assert.Equal(versionsBefore, Directory.GetDirectories(datasetFolder).Order().ToArray());
        Assert.Equal(manifestBefore, await File.ReadAllTextAsync(Path.Combine(platform.Host.DataDirectory, "studies", GatewayFixture.Study, "manifest.json")));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
