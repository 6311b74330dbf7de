using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Admin endpoints: a fixed window of <see cref="AdminRateLimitOptions.PermitLimit"/> requests per caller, keyed by the
/// token's subject (the authorization middleware has refused anonymous callers by then). Over it: 429 problem details
/// and <c>Retry-After</c> in whole seconds.
/// </summary>
internal sealed class AdminRateLimiterPolicy(IOptions<GatewayAuthOptions> options, IProblemDetailsService problems) : IRateLimiterPolicy<string>
{
    private readonly AdminRateLimitOptions _limit = options.Value.AdminRateLimit;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.User.GetAccess().Subject ?? "", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _limit.PermitLimit,
            Window = _limit.Window,
            QueueLimit = 0,
        });

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _limit.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Admin requests are limited to {_limit.PermitLimit} per {_limit.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s " +
                    $"for each caller; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s.",
            },
        });
    }
}
