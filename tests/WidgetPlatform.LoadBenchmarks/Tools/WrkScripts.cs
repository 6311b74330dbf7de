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
