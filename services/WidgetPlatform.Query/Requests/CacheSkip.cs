using Microsoft.Net.Http.Headers;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.Query.Requests;

/// <summary>
/// Whether a data request is answered by a fresh computation past every cache layer, not stored (docs/cache.md, "Entry-level
/// control"): an admin checking a suspect answer sets <c>skipCache=true</c> or sends <c>Cache-Control: no-cache</c>. The
/// header from anyone else is ignored (browsers send it on a hard reload); the parameter from anyone else is refused.
/// </summary>
public static partial class CacheSkip
{
    public static bool Requested(HttpContext context, DataQuery query, ILogger logger)
    {
        var header = !query.SkipCache && context.Request.Headers.CacheControl.Count > 0 && NoCache(context.Request.Headers.CacheControl);
        if (!query.SkipCache && !header)
        {
            return false;
        }

        var access = context.User.GetAccess();
        if (!access.HasRole(GatewayRole.Admin))
        {
            return query.SkipCache ? throw ForbiddenException.AdminOnly($"'{WidgetQueryParser.SkipCacheParameter}'") : false;
        }

        LogSkipped(logger, access.Subject ?? "(no subject)", context.Request.Path, query.SkipCache ? WidgetQueryParser.SkipCacheParameter : "Cache-Control: no-cache");
        return true;
    }

    private static bool NoCache(Microsoft.Extensions.Primitives.StringValues values) =>
        CacheControlHeaderValue.TryParse(values.ToString(), out var parsed) && parsed.NoCache;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: admin {Caller} recomputed {Path} past the cache ({Switch})")]
    private static partial void LogSkipped(ILogger logger, string caller, string path, string @switch);
}
