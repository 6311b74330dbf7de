using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Computing;

/// <summary>Turns "widget W of study S with this query" into a <see cref="WidgetRequest"/>, from memory only.</summary>
public sealed class WidgetRequests(WidgetCatalog catalog, CurrentVersions versions, CanonicalFilters filters)
{
    /// <param name="sharedQuery">The query object is kept and asked with again (see <see cref="CanonicalFilters.For"/>).</param>
    /// <exception cref="WidgetNotFoundException">The study has no such widget.</exception>
    /// <exception cref="DatasetNotFoundException">The manifest lists no version of the widget's dataset.</exception>
    public async ValueTask<WidgetRequest> ResolveAsync(string studyId, string widgetId, WidgetQuery query, bool sharedQuery = false) =>
        await ResolveAsync(studyId, widgetId, query, await versions.ViewAsync(studyId), sharedQuery);

    /// <summary>
    /// Resolves against a view of the study's versions taken once for several widgets (a dashboard), so that they all
    /// read the same version of a dataset they share.
    /// </summary>
    /// <exception cref="WidgetNotFoundException">The study has no such widget.</exception>
    /// <exception cref="DatasetNotFoundException">The view lists no version of the widget's dataset.</exception>
    public async ValueTask<WidgetRequest> ResolveAsync(string studyId, string widgetId, WidgetQuery query, StudyVersions view, bool sharedQuery = false)
    {
        var definition = await catalog.FindAsync(studyId, widgetId) ?? throw new WidgetNotFoundException(studyId, widgetId);
        var version = view.Of(definition.Layer, definition.Dataset)
            ?? throw new DatasetNotFoundException(
                $"The manifest of study '{studyId}' lists no {DatasetLayers.Name(definition.Layer)} version of dataset '{definition.Dataset}' (widget '{widgetId}').");
        return new WidgetRequest(studyId, definition, query, version, filters.For(definition, query, sharedQuery));
    }
}
