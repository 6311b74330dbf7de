using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace WidgetPlatform.BrowserTesting;

/// <summary>One request as chromium's network layer saw it: whether it was answered from the HTTP cache, and its bytes on the wire.</summary>
public sealed record NetworkRequest(string Url, DateTime SentAt)
{
    /// <summary>The status the page saw.</summary>
    public int? Status { get; set; }

    /// <summary>The status the server sent: 304 for a revalidation, none when no request left the browser.</summary>
    public int? WireStatus { get; init; }

    public bool Revalidated => WireStatus == 304;

    /// <summary>The answer's body crossed the network: neither the disk cache nor a 304 answered it.</summary>
    public bool BodyFromNetwork => !FromCache && !Revalidated;

    public bool FromCache { get; set; }

    public long WireBytes { get; set; }

    public bool Finished { get; set; }
}

/// <summary>
/// Chromium's own record of a page's requests (DevTools protocol): Playwright's events do not say whether a response came
/// from the disk cache or how many bytes crossed the network, which is what the browser-caching tests measure.
/// </summary>
public sealed class NetworkLog
{
    private readonly ConcurrentDictionary<string, NetworkRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _wireStatuses = new(StringComparer.Ordinal);

    private NetworkLog()
    {
    }

    public static async Task<NetworkLog> RecordAsync(IPage page)
    {
        var log = new NetworkLog();
        var session = await page.Context.NewCDPSessionAsync(page);
        session.Event("Network.requestWillBeSent").OnEvent += (_, json) => log.OnSent(json);
        session.Event("Network.requestServedFromCache").OnEvent += (_, json) => log.Update(json, request => request.FromCache = true);
        session.Event("Network.responseReceived").OnEvent += (_, json) => log.Update(json, request =>
        {
            var response = json!.Value.GetProperty("response");
            request.Status = response.GetProperty("status").GetInt32();
            request.FromCache |= response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean();
        });
        // What came over the wire: a revalidated answer is a 304 there, though the page (and responseReceived) sees the
        // cached 200.
        // It may come before the request is reported as sent, so it is kept apart.
        session.Event("Network.responseReceivedExtraInfo").OnEvent += (_, json) =>
            log._wireStatuses[json!.Value.GetProperty("requestId").GetString()!] = json.Value.GetProperty("statusCode").GetInt32();
        session.Event("Network.loadingFinished").OnEvent += (_, json) => log.Update(json, request =>
        {
            request.WireBytes = request.FromCache ? 0 : (long)json!.Value.GetProperty("encodedDataLength").GetDouble();
            request.Finished = true;
        });
        await session.SendAsync("Network.enable");
        return log;
    }

    /// <summary>Every request so far, in the order they were sent.</summary>
    public IReadOnlyList<NetworkRequest> Requests =>
        [.. _requests.Select(pair => pair.Value with { WireStatus = _wireStatuses.TryGetValue(pair.Key, out var status) ? status : null })
            .OrderBy(request => request.SentAt)];

    public void Clear()
    {
        _requests.Clear();
        _wireStatuses.Clear();
    }

    private void OnSent(JsonElement? json)
    {
        var id = json!.Value.GetProperty("requestId").GetString()!;
        var url = json.Value.GetProperty("request").GetProperty("url").GetString()!;
        // A redirect reuses the request id: the followed request replaces the redirected one.
        _requests[id] = new NetworkRequest(url, DateTime.UtcNow);
    }

    private void Update(JsonElement? json, Action<NetworkRequest> change)
    {
        if (_requests.TryGetValue(json!.Value.GetProperty("requestId").GetString()!, out var request))
        {
            lock (request)
            {
                change(request);
            }
        }
    }
}
