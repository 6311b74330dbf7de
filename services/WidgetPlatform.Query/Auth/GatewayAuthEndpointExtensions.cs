using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// What endpoint code applies (docs/design.md §6), on an endpoint or a group; requirements add up, so
/// <c>group.RequireViewer().RequireStudyAccess()</c> and then <c>.RequireAdmin()</c> on one endpoint of it means an admin
/// with access to that study. Every one of them answers 401 without a valid token.
/// </summary>
public static class GatewayAuthEndpointExtensions
{
    /// <summary>Any role: viewer, uploader or admin (reads).</summary>
    public static TBuilder RequireViewer<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(GatewayPolicies.Viewer);

    /// <summary>Uploader or admin (dataset uploads).</summary>
    public static TBuilder RequireUploader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(GatewayPolicies.Uploader);

    /// <summary>Admin (widget changes, invalidations, warmups, entries), rate-limited per caller with the admin limit, audited in the log.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(GatewayPolicies.Admin).RequireRateLimiting(GatewayPolicies.AdminRateLimit).AddEndpointFilter<TBuilder, AdminAudit>();
        return builder;
    }

    /// <summary>
    /// The route's <c>{studyId}</c> is in the caller's <c>studies</c> claim (or it is <c>*</c>); otherwise 403, decided
    /// before the endpoint runs. An endpoint without <c>{studyId}</c> in its route fails when endpoints are built.
    /// </summary>
    public static TBuilder RequireStudyAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.GetParameter(StudyAccessRequirement.RouteValue) is null)
            {
                throw new InvalidOperationException(
                    $"RequireStudyAccess() is applied to '{route.RoutePattern.RawText}', which has no {{{StudyAccessRequirement.RouteValue}}} route value.");
            }
        });
        return builder.RequireAuthorization(GatewayPolicies.StudyAccess);
    }
}
