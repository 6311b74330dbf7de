using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>What the warmer tests do to a study through the gateway: ask for widgets, wait until they count as active, upload.</summary>
public static class StudyTraffic
{
    public static async Task<WidgetResponse[]> RequestAllAsync(HttpClient client, IReadOnlyList<string> paths)
    {
        var responses = new WidgetResponse[paths.Count];
        await Parallel.ForAsync(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
            responses[index] = await WidgetResponse.GetAsync(client, paths[index]));
        return responses;
    }

    /// <summary>The gateway records what was requested in batches (every second): the warm only covers what it recorded.</summary>
    public static async Task WaitUntilActiveAsync(IDatabase redis, string study, int combinations)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long active;
        while ((active = await redis.SortedSetLengthAsync(RedisKeys.ActiveCombinations(study))) < combinations && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(combinations, active);
    }

    /// <summary>Uploads a new AE version through the gateway; returns the version it was given.</summary>
    public static async Task<string> UploadAsync(HttpClient uploader, string study, byte[] parquet)
    {
        using var upload = await uploader.PutAsync(new Uri($"/api/studies/{study}/datasets/AE?layer=source", UriKind.Relative), new ByteArrayContent(parquet));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
    }
}
