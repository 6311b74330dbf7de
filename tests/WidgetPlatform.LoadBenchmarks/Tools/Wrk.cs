using System.Globalization;
using System.Text.RegularExpressions;

namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>wrk (the Debian package) and the parser of its <c>--latency</c> report.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(
        Uri url, int threads, int connections, TimeSpan duration, string? bearerToken = null, string? script = null, TimeSpan? timeout = null)
    {
        var arguments = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", $"{(int)(timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds}s",
            "--latency",
        };
        if (bearerToken is not null)
        {
            arguments.AddRange(["-H", $"Authorization: Bearer {bearerToken}"]);
        }

        var runScript = WrkScripts.WithTailPercentile(script);
        arguments.AddRange(["-s", runScript, url.ToString()]);
        try
        {
            return Parse(await ProcessRunner.RunAsync("wrk", arguments, duration + TimeSpan.FromMinutes(2)));
        }
        finally
        {
            if (runScript != script)
            {
                File.Delete(runScript);
            }
        }
    }

    public static WrkResult Parse(string output)
    {
        var distribution = LatencyLine().Matches(output).ToDictionary(m => m.Groups["p"].Value, m => Milliseconds(m.Groups["v"].Value, m.Groups["u"].Value));
        var socket = SocketErrors().Match(output);
        long SocketField(string name) => socket.Success ? long.Parse(socket.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var non2xx = Non2xx().Match(output);
        var requests = Requests().Match(output);
        var rate = RequestsPerSecond().Match(output);
        if (!rate.Success || !distribution.TryGetValue("99", out var p99))
        {
            throw new FormatException($"Unexpected wrk output:\n{output}");
        }

        // Lines a Lua script's done() prints as "counter NAME VALUE".
        var counters = Counter().Matches(output).ToDictionary(m => m.Groups["n"].Value, m => long.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture));
        return new WrkResult(
            double.Parse(rate.Groups["v"].Value, CultureInfo.InvariantCulture),
            distribution["50"], distribution["90"], p99,
            counters.TryGetValue(WrkScripts.P999Counter, out var p999Microseconds) ? p999Microseconds / 1000.0 : null,
            requests.Success ? long.Parse(requests.Groups["v"].Value, CultureInfo.InvariantCulture) : 0,
            SocketField("connect") + SocketField("read") + SocketField("write") + SocketField("timeout"),
            SocketField("timeout"),
            non2xx.Success ? long.Parse(non2xx.Groups["v"].Value, CultureInfo.InvariantCulture) : 0,
            counters,
            output);
    }

    private static double Milliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            _ => throw new FormatException($"Unknown wrk time unit '{unit}'."),
        };
    }

    [GeneratedRegex(@"^\s+(?<p>50|75|90|99)%\s+(?<v>[\d.]+)(?<u>us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<v>\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"^\s*(?<v>\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+(?<v>[\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^counter (?<n>\S+) (?<v>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Counter();
}
