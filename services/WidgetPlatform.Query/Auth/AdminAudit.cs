using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Every admin call in the log, once it is answered: who (the token's subject), what (method and path) and how it ended —
/// the audit trail of widget changes, invalidations, warmups and entry deletions.
/// </summary>
public sealed partial class AdminAudit(ILogger<AdminAudit> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.User.GetAccess().Subject ?? "(no subject)";
        try
        {
            var result = await next(context);
            LogAnswered(logger, caller, http.Request.Method, http.Request.Path, StatusOf(result) ?? http.Response.StatusCode);
            return result;
        }
        catch (Exception exception)
        {
            LogRefused(logger, caller, http.Request.Method, http.Request.Path, exception.GetType().Name);
            throw;
        }
    }

    /// <summary>The status a result will write: a <c>Results&lt;…&gt;</c> union carries the chosen one inside.</summary>
    private static int? StatusOf(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        INestedHttpResult nested => StatusOf(nested.Result),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: admin {Caller} {Method} {Path} answered {Status}")]
    private static partial void LogAnswered(ILogger logger, string caller, string method, string path, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: admin {Caller} {Method} {Path} refused ({Reason})")]
    private static partial void LogRefused(ILogger logger, string caller, string method, string path, string reason);
}
