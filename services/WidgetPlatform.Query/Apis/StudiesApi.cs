using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Auth;

namespace WidgetPlatform.Query.Apis;

/// <summary>The studies a caller may see: what the admin CLI warms when it is given no study.</summary>
public static class StudiesApi
{
    public static RouteGroupBuilder MapStudiesApi(this RouteGroupBuilder studies)
    {
        studies.MapGet("", ListStudies).WithName("ListStudies")
            .WithSummary("The ids of the studies in the data root that the caller's token covers");
        return studies;
    }

    private static Ok<string[]> ListStudies(DataStore store, HttpContext context)
    {
        // Filtered by the studies claim, so the list reveals no study the caller could not open anyway.
        var access = context.User.GetAccess();
        return TypedResults.Ok(store.ListStudies().Where(access.CanAccessStudy).ToArray());
    }
}
