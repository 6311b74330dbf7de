using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WidgetPlatform.Auth;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Every role × a token for its own study, another study or every study × every endpoint (the event stream and the
/// dashboard batch too), against two studies: no answer for a study the token does not cover, no body naming one, no
/// answer beyond the role's rights. Requests that change something carry what fails validation once let in, or change
/// nothing that matters, so the matrix leaves the platform as it was.
/// </summary>
public sealed class TenantMatrixScenario(FaultPlatform platform, ReliabilityReport report)
{
    private const string Own = FaultPlatform.Study;
    private const string Other = "STUDY-002";

    private static readonly string[] Roles = [PlatformRoles.Viewer, PlatformRoles.Uploader, PlatformRoles.Admin];

    private static readonly (string Scope, string[] Studies)[] Scopes = [("own", [Own]), ("other", [Other]), ("every", [PlatformClaims.AllStudies])];

    /// <summary>Method, path and body for study {s}, and the least role (0 viewer, 1 uploader, 2 admin) the endpoint needs.</summary>
    private static readonly (HttpMethod Method, string Path, string? Body, int LeastRole)[] Endpoints =
    [
        (HttpMethod.Get, "api/studies/{s}/widgets/ae-total/data", null, 0),
        (HttpMethod.Post, "api/studies/{s}/dashboard", """{"widgets":[{"widgetId":"ae-total"},{"widgetId":"ae-by-severity"}]}""", 0),
        (HttpMethod.Get, "api/studies/{s}/widgets", null, 0),
        (HttpMethod.Get, "api/studies/{s}/widgets/ae-total", null, 0),
        (HttpMethod.Get, "api/studies/{s}/manifest", null, 0),
        (HttpMethod.Get, "api/studies/{s}/events", null, 0),
        (HttpMethod.Get, "api/cache/studies/{s}/stats", null, 0),
        (HttpMethod.Get, "api/cache/studies/{s}/widgets/ae-total/stats", null, 0),
        (HttpMethod.Get, "api/cache/studies/{s}/widgets/ae-total/entries", null, 2),
        (HttpMethod.Post, "api/cache/invalidations", """{"studyId":"{s}","widgetIds":["ae-total"]}""", 2),
        (HttpMethod.Post, "api/cache/warmups", """{"studyId":"{s}","widgetIds":["ae-total"]}""", 2),
        (HttpMethod.Put, "api/studies/{s}/widgets/tenant-matrix", "{}", 2),
        (HttpMethod.Delete, "api/studies/{s}/widgets/tenant-matrix-none", null, 2),
        (HttpMethod.Put, "api/studies/{s}/datasets/AE?layer=source", "not parquet", 1),
    ];

    public async Task RunAsync()
    {
        var result = report.Scenario("tenant_matrix");
        var store = new DataStore(platform.Host.DataDirectory);
        if (!store.StudyExists(Other))
        {
            await DemoDataGenerator.WriteStudyAsync(store, Other, new DemoDataOptions { AdverseEventRows = 2_000 }, DateTime.UtcNow);
        }

        var crossStudy = new List<string>();
        var leaks = new List<string>();
        var escalations = new List<string>();
        var ownReadsRefused = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var (role, roleIndex) in Roles.Select((role, index) => (role, index)))
        {
            foreach (var (scope, studies) in Scopes)
            {
                using var client = platform.Gateway(0, platform.Token(role, studies));
                bool Covers(string study) => studies.Contains(PlatformClaims.AllStudies) || studies.Contains(study);
                await CheckListingAsync(client, Covers, $"{role}/{scope}", leaks);
                foreach (var target in new[] { Own, Other })
                {
                    foreach (var (method, path, body, leastRole) in Endpoints)
                    {
                        var (status, text) = await SendAsync(client, method, path.Replace("{s}", target, StringComparison.Ordinal), body?.Replace("{s}", target, StringComparison.Ordinal));
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        var what = $"{role}/{scope} {method} {path.Replace("{s}", target, StringComparison.Ordinal)} → {status}";
                        var answered = status is >= 200 and < 300;
                        if (answered && !Covers(target))
                        {
                            crossStudy.Add(what);
                        }

                        if (answered && roleIndex < leastRole)
                        {
                            escalations.Add(what);
                        }

                        if (answered && new[] { Own, Other }.FirstOrDefault(study => !Covers(study) && text.Contains(study, StringComparison.Ordinal)) is { } named)
                        {
                            leaks.Add($"{what} names {named}");
                        }

                        if (!answered && leastRole == 0 && Covers(target) && method == HttpMethod.Get)
                        {
                            ownReadsRefused.Add(what);
                        }
                    }
                }
            }
        }

        result.Figure("requests", statuses.Values.Sum(), "requests");
        foreach (var (status, count) in statuses.OrderBy(pair => pair.Key))
        {
            result.Figure($"answered_{status}", count, "requests");
        }

        result.Check("no answer for a study the token does not cover", crossStudy.Count == 0, Examples(crossStudy));
        result.Check("no answer or listing naming a study the token does not cover", leaks.Count == 0, Examples(leaks));
        result.Check("no answer beyond the role's rights", escalations.Count == 0, Examples(escalations));
        result.Check("every read of a covered study answered", ownReadsRefused.Count == 0, Examples(ownReadsRefused));
    }

    private static string Examples(List<string> found) => found.Count == 0 ? "none" : $"{found.Count}: {string.Join("; ", found.Take(5))}";

    /// <summary>The study listing shows only the studies the token covers.</summary>
    private static async Task CheckListingAsync(HttpClient client, Func<string, bool> covers, string who, List<string> leaks)
    {
        using var response = await client.GetAsync(new Uri("api/studies", UriKind.Relative));
        using var listing = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var listed = listing.RootElement.ValueKind == JsonValueKind.Array
            ? listing.RootElement.EnumerateArray().Select(study => study.ValueKind == JsonValueKind.String ? study.GetString() : study.GetProperty("studyId").GetString())
            : [];
        leaks.AddRange(listed.Where(study => study is not null && !covers(study)).Select(study => $"{who} GET api/studies lists {study}"));
    }

    /// <summary>Status and body; an event stream's headers only (its body never ends).</summary>
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(path.Contains("/datasets/", StringComparison.Ordinal) ? "application/octet-stream" : "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var streamed = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        return ((int)response.StatusCode, streamed ? "" : await response.Content.ReadAsStringAsync());
    }
}
