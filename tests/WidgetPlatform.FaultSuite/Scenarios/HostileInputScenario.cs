using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Hostile input (<see cref="HostileRequests"/>) against both gateway replicas: no answer of 500 or more, no connection
/// dropped without an answer, the gateway healthy and as fast afterwards, and no Redis key made for what was refused.
/// </summary>
public sealed class HostileInputScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    private const int Concurrency = 8;

    public async Task RunAsync()
    {
        var result = report.Scenario("hostile_input");
        var requests = HostileRequests.All(platform);
        var rounds = (int)Math.Ceiling((double)options.HostileRequests / requests.Count);
        var before = await HitMedianMsAsync();

        var outcomes = new ConcurrentBag<(string Category, int Status, string Request)>();
        using var clients = new GatewayClients(platform);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rounds).SelectMany(_ => requests).Select((request, index) => (request, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (item, _) => outcomes.Add((item.request.Category, await SendAsync(clients.For(item.index), item.request), Describe(item.request))));

        var after = await HitMedianMsAsync();
        var healthy = await HealthyAsync();
        var keys = await KeysForRefusedInputAsync();
        // 505 is Kestrel's answer to a request line naming HTTP/0.9 or 9.9: the protocol's own refusal, not a failure.
        var serverErrors = outcomes.Where(outcome => outcome.Status >= 500 && !(outcome.Category == "http" && outcome.Status == 505)).ToList();
        var dropped = outcomes.Where(outcome => outcome.Status == 0).ToList();

        result.Figure("requests", outcomes.Count, "requests");
        foreach (var category in outcomes.GroupBy(outcome => outcome.Category))
        {
            result.Figure($"requests_{category.Key}", category.Count(), "requests");
        }

        foreach (var status in outcomes.GroupBy(outcome => outcome.Status).OrderBy(group => group.Key))
        {
            result.Figure($"answered_{status.Key}", status.Count(), "requests");
        }

        // What was let in is listed for a reader to judge: a valid request among the hostile ones (a range, a known token's
        // own study) is answered 200 or 202 as it should be.
        foreach (var accepted in outcomes.Where(outcome => outcome.Status is >= 200 and < 300).Select(outcome => $"{outcome.Status} {outcome.Request}").Distinct().Order())
        {
            Console.WriteLine($"    accepted: {accepted}");
        }

        result.Figure("hit_p50_before_ms", before, "ms");
        result.Figure("hit_p50_after_ms", after, "ms");
        result.Check("no answer of 500 or more", serverErrors.Count == 0, Examples(serverErrors));
        result.Check("no connection dropped without an answer", dropped.Count == 0, Examples(dropped));
        result.Check("every gateway replica healthy afterwards", healthy, healthy ? "/health 200 on each" : "a replica's /health was not 200");
        result.Check("no Redis key or epoch made for refused input", keys.Count == 0, keys.Count == 0 ? "none" : string.Join(", ", keys.Take(5)));
    }

    private static string Examples(List<(string Category, int Status, string Request)> outcomes) =>
        outcomes.Count == 0 ? "none" : $"{outcomes.Count}: " + string.Join("; ", outcomes.Select(outcome => $"{outcome.Status} {outcome.Request}").Distinct().Take(8));

    private static string Describe(HostileRequest request) =>
        request.Raw is { } raw
            ? $"raw {Shorten(Encoding.Latin1.GetString(raw))}"
            : $"{request.Method} {Shorten(request.Path)}{(request.Body is { } body ? $" {Shorten(body)}" : "")}";

    private static string Shorten(string text) => (text.Length <= 60 ? text : $"{text[..40]}…({text.Length:N0} chars)").ReplaceLineEndings("⏎").Replace("\0", "\\0", StringComparison.Ordinal);

    private static async Task<int> SendAsync(HttpClient client, HostileRequest request)
    {
        if (request.Raw is { } raw)
        {
            return await SendRawAsync(client.BaseAddress!, raw);
        }

        using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative));
        if (request.Token is { } token)
        {
            message.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        if (request.BinaryBody is { } bytes)
        {
            message.Content = new ByteArrayContent(bytes);
        }
        else if (request.Body is { } body)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = request.ContentType is { } type ? new MediaTypeHeaderValue(type) : null;
        }

        try
        {
            // Headers only: an event stream that was let in would otherwise be read until the run ends.
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Bytes on a fresh connection; the status of the answer's first line, or 0 when the connection ended without one.</summary>
    private static async Task<int> SendRawAsync(Uri gateway, byte[] raw)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await tcp.ConnectAsync(gateway.Host, gateway.Port, timeout.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync(raw, timeout.Token);
            var buffer = new byte[64];
            var read = 0;
            while (read < 12)
            {
                var count = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (count == 0)
                {
                    break;
                }

                read += count;
            }

            var line = Encoding.ASCII.GetString(buffer, 0, read);
            return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(9, 3), out var status) ? status : 0;
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return 0;
        }
    }

    /// <summary>The median of 300 hits on replica 0, in milliseconds.</summary>
    private async Task<double> HitMedianMsAsync()
    {
        using var client = platform.Gateway(0, platform.Viewer);
        var path = new Uri($"api/studies/{FaultPlatform.Study}/widgets/ae-total/data", UriKind.Relative);
        (await client.GetAsync(path)).Dispose();
        var times = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var started = History.SuiteClock.NowMs;
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(History.SuiteClock.NowMs - started);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private async Task<bool> HealthyAsync()
    {
        for (var replica = 0; replica < FaultPlatform.GatewayReplicas; replica++)
        {
            using var client = platform.Gateway(replica, platform.Viewer);
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Keys that name the marker of refused input, or whose hash tag is not a study of the data folder (nor the fleet's
    /// <c>*</c>): every key of a study carries it, so a key made for a refused identifier shows there; and epochs of
    /// made-up widget names.
    /// </summary>
    private async Task<IReadOnlyList<string>> KeysForRefusedInputAsync()
    {
        var studies = new DataStore(platform.Host.DataDirectory).ListStudies().Append("*").ToHashSet(StringComparer.Ordinal);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var server = redis.GetServers()[0];
        var found = new List<string>();
        await foreach (var key in server.KeysAsync(pageSize: 1_000))
        {
            var name = key.ToString();
            var open = name.IndexOf('{', StringComparison.Ordinal);
            var close = open < 0 ? -1 : name.IndexOf('}', open + 1);
            var tag = close > open + 1 ? name[(open + 1)..close] : null;
            if (name.Contains(HostileRequests.Marker, StringComparison.OrdinalIgnoreCase) || (tag is not null && !studies.Contains(tag)))
            {
                found.Add(name);
            }
        }

        // Fields are not keys, but the fence's epochs of a study have no TTL: a made-up widget name must not add one.
        foreach (var study in studies.Where(study => study != "*"))
        {
            var epochs = RedisKeys.WidgetEpochs(study);
            found.AddRange((await redis.GetDatabase().HashKeysAsync(epochs))
                .Where(field => field.ToString().Contains(HostileRequests.Marker, StringComparison.OrdinalIgnoreCase))
                .Select(field => $"{epochs} field {field}"));
        }

        return found;
    }

    /// <summary>One client per gateway replica, requests spread over both.</summary>
    private sealed class GatewayClients(FaultPlatform platform) : IDisposable
    {
        private readonly HttpClient[] _clients = [.. Enumerable.Range(0, FaultPlatform.GatewayReplicas).Select(replica => platform.Gateway(replica, token: ""))];

        public HttpClient For(int index) => _clients[index % _clients.Length];

        public void Dispose()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
    }
}
