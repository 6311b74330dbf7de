using System.Text;

namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>wrk Lua scripts, written to a temporary file each (wrk takes a path).</summary>
internal static class WrkScripts
{
    /// <summary>Every request a POST of <paramref name="json"/>; the Authorization header, if any, comes from wrk's -H.</summary>
    public static string PostJson(string json) => Write($"""
        wrk.method = "POST"
        wrk.body = {LuaString(json)}
        wrk.headers["Content-Type"] = "application/json"
        """);

    /// <summary>The counter a run's done() prints its p99.9 latency under, in microseconds (wrk's --latency stops at p99).</summary>
    public const string P999Counter = "latency_p999_us";

    private const string TailPercentileDone = $$"""

        function done(summary, latency, requests)
          io.write(string.format("counter {{P999Counter}} %d\n", latency:percentile(99.9)))
        end
        """;

    /// <summary>
    /// <paramref name="script"/> (or nothing) with a done() that prints p99.9; a script with a done() of its own is left as
    /// it is.
    /// </summary>
    public static string WithTailPercentile(string? script)
    {
        var lua = script is null ? "" : File.ReadAllText(script);
        return lua.Contains("function done", StringComparison.Ordinal) ? script! : Write(lua + TailPercentileDone);
    }

    public static string Write(string lua)
    {
        var path = Path.Combine(Path.GetTempPath(), $"widgetplatform-bench-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, lua);
        return path;
    }

    /// <summary>A Lua long string that cannot be closed by its content.</summary>
    public static string LuaString(string text)
    {
        var level = new StringBuilder();
        while (text.Contains($"]{level}]", StringComparison.Ordinal))
        {
            level.Append('=');
        }

        return $"[{level}[{text}]{level}]";
    }
}
