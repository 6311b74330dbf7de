using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>redis-benchmark GET of a value of the given size (a SET of it runs first), parsed from its CSV report.</summary>
internal static class RedisBenchmark
{
    public static async Task<(double RequestsPerSecond, double P50Ms, double P99Ms)> GetAsync(RedisEndpoint redis, int valueBytes, int connections, int requests)
    {
        var arguments = new List<string>
        {
            "-h", redis.Host, "-p", redis.Port.ToString(CultureInfo.InvariantCulture),
            "-t", "set,get", "-d", valueBytes.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture), "--csv",
        };
        if (redis.Password is not null)
        {
            arguments.AddRange(["-a", redis.Password]);
        }

        var output = await ProcessRunner.RunAsync("redis-benchmark", arguments, TimeSpan.FromMinutes(5));
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var get = output.Split('\n').Select(line => line.Trim().Split(',').Select(field => field.Trim('"')).ToArray())
            .FirstOrDefault(fields => fields.Length >= 7 && fields[0] == "GET")
            ?? throw new FormatException($"Unexpected redis-benchmark output:\n{output}");
        double Field(int index) => double.Parse(get[index], CultureInfo.InvariantCulture);
        return (Field(1), Field(4), Field(6));
    }
}
