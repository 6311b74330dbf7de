using Microsoft.AspNetCore.Authorization;

namespace WidgetPlatform.Query.Auth;

/// <summary>The <c>{studyId}</c> route value is in the caller's <c>studies</c> claim, or the claim is <c>*</c>.</summary>
public sealed class StudyAccessRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "studyId";

    public static readonly StudyAccessRequirement Instance = new();

    private StudyAccessRequirement()
    {
    }
}
