using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using WidgetPlatform.Query.Auth;
using WidgetPlatform.Query.Uploads;

namespace WidgetPlatform.Query.Apis;

/// <summary>The HTTP API of docs/design.md §6, grouped by who may call it.</summary>
public static class GatewayApis
{
    public static WebApplication MapGatewayApis(this WebApplication app)
    {
        app.MapGroup("api/studies/{studyId}").RequireViewer().RequireStudyAccess()
            .MapWidgetsApi()
            .MapWidgetDataApi()
            .MapEventsApi()
            .MapManifestApi();

        app.MapGroup("api/studies/{studyId}").RequireAdmin().RequireStudyAccess()
            .MapWidgetAdministrationApi();

        app.MapGroup("api/studies/{studyId}").RequireUploader().RequireStudyAccess()
            .MapDatasetsApi(app.Services.GetRequiredService<IOptions<DatasetUploadOptions>>().Value);

        app.MapGroup("api/studies").RequireViewer().MapStudiesApi();
        app.MapGroup("api/cache").RequireViewer().MapCacheStatisticsApi();
        app.MapGroup("api/cache/studies/{studyId}").RequireViewer().RequireStudyAccess().MapStudyCacheStatisticsApi();
        app.MapGroup("api/cache").RequireAdmin().MapCacheAdministrationApi();
        app.MapGroup("api/cache/studies/{studyId}").RequireAdmin().RequireStudyAccess().MapCacheEntriesApi();

        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");
        return app;
    }
}
