using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Query.Auth;

/// <summary>The <c>{studyId}</c> route value is in the caller's <c>studies</c> claim, or the claim is <c>*</c>.</summary>
public sealed class StudyAccessRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "studyId";

    public static readonly StudyAccessRequirement Instance = new();

    private StudyAccessRequirement()
    {
    }

    /// <summary>The study the request's route names; null when the route has no <c>{studyId}</c>.</summary>
    public static string? StudyOf(HttpContext context) => context.Request.RouteValues.GetValueOrDefault(RouteValue) as string;

    public static bool IsMetBy(CallerAccess caller, HttpContext context) => StudyOf(context) is { } studyId && caller.CanAccessStudy(studyId);
}
