using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.Query.Requests;

/// <summary>For the endpoints that name their study in the body rather than the route: the same rule, 403 when it fails.</summary>
public static class StudyAccessCheck
{
    public static void Require(HttpContext context, string studyId)
    {
        if (!context.User.CanAccessStudy(studyId))
        {
            throw new StudyForbiddenException(studyId);
        }
    }
}
