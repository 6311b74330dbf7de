using System.Security.Cryptography;
using System.Text;
using WidgetPlatform.Auth;
using WidgetPlatform.FaultSuite.Platform;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// The hostile requests: identifiers with glob characters, traversal, overlong and unicode ones in every position of every
/// endpoint; invalid dates and filters; malformed, nested and oversized JSON; garbage uploads; forged tokens; malformed
/// HTTP. Every identifier that could become part of a key carries <see cref="Marker"/>, so that a key created for
/// rejected input would be found.
/// </summary>
public static class HostileRequests
{
    public const string Marker = "zzhostile";

    private const string Study = FaultPlatform.Study;

    private static readonly string[] Identifiers =
    [
        "*", $"{Marker}*", "?", $"[{Marker}]", "%2A", "..", "%2e%2e", $"..%2f..%2f{Marker}", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        $"{Marker}%00x", $"%C3%A9{Marker}", $"%F0%9F%98%80{Marker}", $"%E2%80%AE{Marker}", $"{Marker}%E2%80%8B", Marker + new string('a', 60),
        Marker + new string('x', 4_000), $"-{Marker}", $"{Marker}%20x", $"{Marker}%0Ax", $"%7B{Marker}%7D", $"{Marker}%3Ax", $"{Marker}%5Cx",
        $"{Marker}-unknown", "%25", "%", $"{Marker}'%20OR%201=1", $"{Marker}%22%3E%3Cscript%3E",
    ];

    /// <summary>Every endpoint that takes an identifier, with {s} the study and {w} a widget, dataset or key.</summary>
    private static readonly (HttpMethod Method, string Template)[] Endpoints =
    [
        (HttpMethod.Get, "api/studies/{s}/widgets/{w}/data"),
        (HttpMethod.Get, "api/studies/{s}/widgets/{w}"),
        (HttpMethod.Delete, "api/studies/{s}/widgets/{w}"),
        (HttpMethod.Get, "api/studies/{s}/manifest"),
        (HttpMethod.Get, "api/cache/studies/{s}/stats"),
        (HttpMethod.Get, "api/cache/studies/{s}/widgets/{w}/stats"),
        (HttpMethod.Get, "api/cache/studies/{s}/widgets/{w}/entries"),
        (HttpMethod.Get, "api/cache/studies/{s}/entries/{w}"),
        (HttpMethod.Delete, "api/cache/studies/{s}/entries/{w}"),
        (HttpMethod.Put, "api/studies/{s}/datasets/{w}?layer=source"),
    ];

    public static IReadOnlyList<HostileRequest> All(FaultPlatform platform)
    {
        var requests = new List<HostileRequest>();
        requests.AddRange(InIdentifiers(platform.Admin));
        requests.AddRange(InQueries(platform.Admin));
        requests.AddRange(InBodies(platform.Admin));
        requests.AddRange(InUploads(platform.Admin));
        requests.AddRange(InTokens(platform));
        requests.AddRange(InHttp());
        return requests;
    }

    private static IEnumerable<HostileRequest> InIdentifiers(string admin) =>
        from endpoint in Endpoints
        from identifier in Identifiers
        from path in new[]
        {
            endpoint.Template.Replace("{s}", identifier, StringComparison.Ordinal).Replace("{w}", "ae-total", StringComparison.Ordinal),
            endpoint.Template.Replace("{s}", Study, StringComparison.Ordinal).Replace("{w}", identifier, StringComparison.Ordinal),
        }
        where path.Contains(identifier, StringComparison.Ordinal)
        select new HostileRequest("identifiers", endpoint.Method, path, admin, BinaryBody: endpoint.Method == HttpMethod.Put ? [1, 2, 3] : null);

    private static IEnumerable<HostileRequest> InQueries(string admin)
    {
        string[] queries =
        [
            "from=2024-13-45", "from=2024-02-30", "from=yesterday", "from=0001-01-01&to=9999-12-31", "from=2024-05-01&to=2024-01-01",
            "from=%00", "to=%27%20OR%201=1", "from=", "from=2024-01-01T00:00:00Z", "from=2024-01-01&from=2024-02-01", "to=" + new string('9', 5_000),
            "f.site=" + string.Join(",", Enumerable.Range(0, 2_000).Select(site => $"S{site}")),
            string.Join("&", Enumerable.Range(0, 500).Select(site => $"f.site=S{site}")),
            "f.site=" + new string('s', 300), "f.*=x", "f.=x", "f..=x", $"f.{Marker}=x", $"f.site={Marker}%00",
            string.Join("&", Enumerable.Range(0, 11).Select(column => $"f.c{column}{Marker}=x")), "f.site=%E2%80%AE", "f.site=",
            "v=garbage", "v=" + new string('9', 200), "v=..%2f..", "skipCache=maybe", "skipCache=1", $"{Marker}=1&{new string('q', 3_000)}=2",
        ];
        return from widget in new[] { "ae-total", "ae-by-severity", "ae-daily" }
               from query in queries
               select new HostileRequest("queries", HttpMethod.Get, $"api/studies/{Study}/widgets/{widget}/data?{query}", admin);
    }

    private static List<HostileRequest> InBodies(string admin)
    {
        var dashboard = $"api/studies/{Study}/dashboard";
        string[] dashboards =
        [
            "{", "[", "null", "\"x\"", "{\"widgets\":5}", "{\"widgets\":[{}]}", "{\"widgets\":[null]}", "{\"widgets\":[]}",
            new string('[', 10_000) + new string(']', 10_000), "{\"widgets\":" + new string('[', 2_000) + new string(']', 2_000) + "}",
            "{\"widgets\":[" + string.Join(",", Enumerable.Range(0, 60).Select(_ => "{\"widgetId\":\"ae-total\"}")) + "]}",
            $"{{\"widgets\":[{{\"widgetId\":\"{Marker}*\"}}]}}", $"{{\"widgets\":[{{\"widgetId\":\"../{Marker}\"}}]}}",
            "{\"widgets\":[{\"widgetId\":\"ae-total\",\"from\":\"2024-99-99\"}]}",
            "{\"widgets\":[{\"widgetId\":\"ae-total\",\"filters\":{\"site\":" + "[" + string.Join(",", Enumerable.Range(0, 5_000).Select(site => $"\"S{site}\"")) + "]}}]}",
            "{\"widgets\":[{\"widgetId\":\"ae-total\",\"filters\":{\"site\":\"S01\"}}]}", "{\"widgets\":[{\"widgetId\":123}]}",
            "\u0000\u0001garbage", new string(' ', 2_000_000) + "{}",
        ];
        var requests = dashboards.Select(body => new HostileRequest("bodies", HttpMethod.Post, dashboard, admin, body)).ToList();
        requests.Add(new HostileRequest("bodies", HttpMethod.Post, dashboard, admin, "{\"widgets\":[{\"widgetId\":\"ae-total\"}]}", ContentType: "text/plain"));

        string[] invalidations =
        [
            "{}", "{\"studyId\":\"*\"}", $"{{\"studyId\":\"{Marker}*\"}}", $"{{\"studyId\":\"{Study}\",\"widgetIds\":[\"../{Marker}\"]}}",
            $"{{\"studyId\":\"{Study}\",\"datasets\":[\"AE\"]}}", $"{{\"studyId\":\"{Study}\",\"layer\":\"bogus\",\"datasets\":[\"AE\"]}}",
            $"{{\"studyId\":\"{Study}\",\"tags\":[\"a\\nb\"]}}", $"{{\"studyId\":\"{Study}\",\"tags\":[\"{new string('t', 300)}\"]}}",
            $"{{\"studyId\":\"{Study}\",\"widgetIds\":[" + string.Join(",", Enumerable.Range(0, 10_000).Select(index => $"\"{Marker}{index}\"")) + "]}",
            $"{{\"studyId\":\"{Study}\",\"entryKeys\":[\"{Marker}\",\"widget:{{{Study}}}:../x\"]}}", "[]", "{\"studyId\":null}",
        ];
        requests.AddRange(invalidations.Select(body => new HostileRequest("bodies", HttpMethod.Post, "api/cache/invalidations", admin, body)));

        string[] warmups =
        [
            "{}", $"{{\"studyId\":\"{Marker}*\"}}", $"{{\"studyId\":\"{Study}\",\"ranges\":[\"{Marker}_days\"],\"force\":true}}",
            $"{{\"studyId\":\"{Study}\",\"widgetIds\":[\"{Marker}\"]}}", $"{{\"studyId\":\"{Study}\",\"ranges\":[\"today\"]}}",
            $"{{\"studyId\":\"{Study}\",\"filters\":{{\"site\":[\"S01\"]}}}}",
        ];
        requests.AddRange(warmups.Select(body => new HostileRequest("bodies", HttpMethod.Post, "api/cache/warmups", admin, body)));

        string[] definitions =
        [
            "{", "{}", $"{{\"widgetId\":\"{Marker}\",\"type\":\"metric\",\"dataset\":\"../AE\",\"measure\":{{\"op\":\"count\"}}}}",
            $"{{\"widgetId\":\"{Marker}\",\"type\":\"breakdown\",\"dataset\":\"AE\",\"dimension\":\"../etc\",\"measure\":{{\"op\":\"count\"}}}}",
            $"{{\"widgetId\":\"{Marker}\",\"type\":\"metric\",\"dataset\":\"AE\",\"measure\":{{\"op\":\"drop table\"}}}}",
            $"{{\"widgetId\":\"{Marker}\",\"type\":\"table\",\"dataset\":\"AE\",\"dimension\":\"subject_id\",\"limit\":2147483647,\"measure\":{{\"op\":\"count\"}}}}",
            $"{{\"widgetId\":\"{Marker}\",\"type\":\"metric\",\"dataset\":\"AE\",\"measure\":{{\"op\":\"count\"}},\"tags\":[\"\\u0000\"]}}",
        ];
        requests.AddRange(definitions.Select(body => new HostileRequest("bodies", HttpMethod.Put, $"api/studies/{Study}/widgets/{Marker}", admin, body)));
        return requests;
    }

    private static IEnumerable<HostileRequest> InUploads(string admin)
    {
        var random = new byte[4_096];
        new Random(18).NextBytes(random);
        var upload = $"api/studies/{Study}/datasets/{Marker}-DS?layer=source";
        return
        [
            new HostileRequest("uploads", HttpMethod.Put, upload, admin, BinaryBody: random),
            new HostileRequest("uploads", HttpMethod.Put, upload, admin, BinaryBody: []),
            new HostileRequest("uploads", HttpMethod.Put, upload, admin, BinaryBody: [.. "PAR1"u8, .. random[..100], .. "PAR1"u8]),
            new HostileRequest("uploads", HttpMethod.Put, $"api/studies/{Study}/datasets/AE?layer=bogus", admin, BinaryBody: random),
            new HostileRequest("uploads", HttpMethod.Put, $"api/studies/{Study}/datasets/AE", admin, BinaryBody: random),
            new HostileRequest("uploads", HttpMethod.Put, $"api/studies/{Study}/datasets/AE?layer=source", admin, BinaryBody: random),
            // A length over the 1 GiB limit, announced but not sent: refused before a byte of the body is read.
            new HostileRequest("uploads", HttpMethod.Put, upload, admin, Raw: Encoding.ASCII.GetBytes(
                $"PUT /{upload} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {admin}\r\nContent-Length: 1073741825\r\n\r\nPAR1")),
        ];
    }

    private static IEnumerable<HostileRequest> InTokens(FaultPlatform platform)
    {
        var viewer = platform.Viewer;
        var parts = viewer.Split('.');
        var adminClaims = Base64Url($"{{\"sub\":\"{Marker}\",\"role\":\"{PlatformRoles.Admin}\",\"studies\":[\"*\"],\"exp\":4102444800}}");
        string[] tokens =
        [
            "", "x", "a.b.c", new string('t', 10_000), viewer + "x",
            $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{adminClaims}.",
            $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{adminClaims}.{parts[2]}",
            $"{parts[0]}.{adminClaims}.{parts[2]}",
            SignedWithAnotherKey($"{parts[0]}.{adminClaims}"),
            platform.Host.MintToken(PlatformRoles.Admin, [PlatformClaims.AllStudies], TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(-1), subject: Marker),
            platform.Token(PlatformRoles.Admin, [$"{Marker}-other"]),
            platform.Token($"{Marker}-role", [PlatformClaims.AllStudies]),
        ];
        (HttpMethod Method, string Path, string? Body)[] endpoints =
        [
            (HttpMethod.Get, $"api/studies/{Study}/widgets/ae-total/data", null),
            (HttpMethod.Post, "api/cache/invalidations", $"{{\"studyId\":\"{Study}\",\"widgetIds\":[\"ae-total\"]}}"),
            (HttpMethod.Post, "api/cache/warmups", $"{{\"studyId\":\"{Study}\"}}"),
            (HttpMethod.Delete, $"api/studies/{Study}/widgets/ae-total", null),
            (HttpMethod.Get, $"api/cache/studies/{Study}/widgets/ae-total/entries", null),
            (HttpMethod.Get, $"api/studies/{Study}/events?access_token=x", null),
        ];
        return from token in tokens
               from endpoint in endpoints
               select new HostileRequest("tokens", endpoint.Method, endpoint.Path, token, endpoint.Body);
    }

    private static IEnumerable<HostileRequest> InHttp()
    {
        string[] raw =
        [
            "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/0.9\r\n\r\n", "GET /api/studies HTTP/9.9\r\nHost: x\r\n\r\n",
            $"GET /api/studies/{Study}/widgets/ae-total/data HTTP/1.1\r\nHost: x\r\nX-Big: {new string('h', 70_000)}\r\n\r\n",
            $"GET /api/studies/{Study}/widgets/ae-total/data HTTP/1.1\r\nHost: x\r\nX-Null: a\0b\r\n\r\n",
            $"GET /{new string('p', 20_000)} HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/cache/invalidations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nzz\r\n",
            "GET /api/studies/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", "\0\0\0\0\0\0\0\0\r\n\r\n",
        ];
        return raw.Select(text => new HostileRequest("http", HttpMethod.Get, "", null, Raw: Encoding.Latin1.GetBytes(text)));
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string SignedWithAnotherKey(string headerAndPayload)
    {
        var signature = HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(headerAndPayload));
        return $"{headerAndPayload}.{Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    }
}
