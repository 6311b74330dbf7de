using WidgetPlatform.Query.Events;

namespace WidgetPlatform.Query.Apis;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder study)
    {
        study.MapGet("events", StreamEvents)
            .WithName("StreamStudyEvents")
            .WithSummary("Server-sent events: version-changed when the study's data changes, fresh-data when its cache is warm again")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return study;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<object> StreamEvents(string studyId, StudyEvents events, HttpContext context) =>
        TypedResults.ServerSentEvents(events.SubscribeAsync(studyId, context.RequestAborted));
}
