using System.Globalization;
using System.Text;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// The Zipf scenario's requests: every study × the twelve AE widgets × ten filter variants, ranked in a seeded random
/// order, the k-th requested with probability ∝ 1/k^s. The wrk script draws from that distribution and counts the
/// answers by cache result.
/// </summary>
internal sealed class ZipfWorkload
{
    public const double Exponent = 1.0;

    private static readonly string[] Variants =
    [
        "", "?f.site=S01", "?f.site=S02", "?f.site=S03", "?f.severity=MILD", "?f.severity=SEVERE", "?f.serious=true",
        "?from=2024-01-01&to=2024-03-31", "?from=2024-04-01&to=2024-06-30", "?f.site=S01&f.serious=true",
    ];

    private ZipfWorkload(IReadOnlyList<string> paths, double[] weights, IReadOnlyList<string> studies)
    {
        Paths = paths;
        Weights = weights;
        Studies = studies;
    }

    /// <summary>Paths in rank order: the first is the most requested.</summary>
    public IReadOnlyList<string> Paths { get; }

    public double[] Weights { get; }

    public IReadOnlyList<string> Studies { get; }

    public static ZipfWorkload Create(IReadOnlyList<string> studies, int seed = 7)
    {
        var all = studies.SelectMany(study => Combinations.AdverseEventWidgets.SelectMany(widget =>
            Variants.Select(variant => $"/api/studies/{study}/widgets/{widget}/data{variant}"))).ToArray();
        new Random(seed).Shuffle(all);
        var weights = Enumerable.Range(1, all.Length).Select(rank => 1 / Math.Pow(rank, Exponent)).ToArray();
        var total = weights.Sum();
        return new ZipfWorkload(all, [.. weights.Select(weight => weight / total)], studies);
    }

    /// <summary>The study that receives the largest share of the requests: uploads go there, the worst case for the hit rate.</summary>
    public string BusiestStudy() =>
        Studies.MaxBy(study => Paths.Select((path, rank) => (path, rank)).Where(p => p.path.StartsWith($"/api/studies/{study}/", StringComparison.Ordinal)).Sum(p => Weights[p.rank]))!;

    public double ShareOf(string study) =>
        Paths.Select((path, rank) => (path, rank)).Where(p => p.path.StartsWith($"/api/studies/{study}/", StringComparison.Ordinal)).Sum(p => Weights[p.rank]);

    public string WrkScript(string bearerToken)
    {
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"Authorization\"] = {WrkScripts.LuaString("Bearer " + bearerToken)}");
        lua.AppendLine("local paths = {");
        foreach (var path in Paths)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"  {WrkScripts.LuaString(path)},");
        }

        lua.AppendLine("}");
        lua.AppendLine("local cdf = {");
        var cumulative = 0.0;
        foreach (var weight in Weights)
        {
            cumulative += weight;
            lua.AppendLine(CultureInfo.InvariantCulture, $"  {cumulative:R},");
        }

        lua.AppendLine("}");
        lua.Append("""
            local n = #paths
            cdf[n] = 1.0
            hits, misses, stale, bypass, failed = 0, 0, 0, 0, 0
            local threads = {}
            local next_seed = 1

            function setup(thread)
              thread:set("seed", next_seed)
              next_seed = next_seed + 1
              table.insert(threads, thread)
            end

            function init(args)
              math.randomseed(seed * 7919)
            end

            function request()
              local u = math.random()
              local lo, hi = 1, n
              while lo < hi do
                local mid = math.floor((lo + hi) / 2)
                if cdf[mid] < u then lo = mid + 1 else hi = mid end
              end
              return wrk.format("GET", paths[lo])
            end

            function response(status, headers, body)
              if status ~= 200 then failed = failed + 1
              elseif body:find('"cache":"hit"', 1, true) then hits = hits + 1
              elseif body:find('"cache":"miss"', 1, true) then misses = misses + 1
              elseif body:find('"cache":"stale"', 1, true) then stale = stale + 1
              else bypass = bypass + 1 end
            end

            function done(summary, latency, requests)
              for _, name in ipairs({ "hits", "misses", "stale", "bypass", "failed" }) do
                local total = 0
                for _, thread in ipairs(threads) do total = total + thread:get(name) end
                io.write(string.format("counter %s %d\n", name, total))
              end
            end

            """);
        return WrkScripts.Write(lua.ToString());
    }
}
