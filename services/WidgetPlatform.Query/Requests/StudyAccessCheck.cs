using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.Query.Requests;

/// <summary>For the endpoints that name their study in the body rather than the route: the same rule, 403 when it fails.</summary>
public static class StudyAccessCheck
{
    public static void Require(HttpContext context, string studyId)
    {
        if (!context.User.CanAccessStudy(studyId))
        {
            throw ForbiddenException.For(studyId);
        }
    }

    /// <summary>For a request without a study, which acts on all of them: only a token for every study may.</summary>
    public static void RequireAllStudies(HttpContext context)
    {
        if (!context.User.GetAccess().AllStudies)
        {
            throw ForbiddenException.ForEveryStudy();
        }
    }
}
