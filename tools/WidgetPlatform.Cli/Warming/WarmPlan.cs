using WidgetPlatform.Cli.Gateway;

namespace WidgetPlatform.Cli.Warming;

/// <summary>The studies to warm and, per study, the widgets: what the caller named, else what the gateway lists.</summary>
public sealed record WarmPlan(IReadOnlyList<StudyWidgets> Studies)
{
    public int Items => Studies.Sum(study => study.WidgetIds.Count);

    public static async Task<WarmPlan> CreateAsync(GatewayClient gateway, string? studyId, IReadOnlyList<string> widgetIds, CancellationToken cancellationToken)
    {
        var studies = studyId is null ? await gateway.ListStudiesAsync(cancellationToken) : [studyId];
        if (studies.Count == 0)
        {
            throw CommandFailedException.Failed("The gateway lists no study this token may see: nothing to warm.");
        }

        var plan = new List<StudyWidgets>(studies.Count);
        foreach (var study in studies)
        {
            // Named widgets are taken as named, not checked against the list: one that does not exist is reported as an
            // error of its own (404) rather than silently skipped.
            plan.Add(new StudyWidgets(study, widgetIds.Count > 0 ? widgetIds : await gateway.ListWidgetsAsync(study, cancellationToken)));
        }

        return new WarmPlan(plan);
    }
}

public sealed record StudyWidgets(string StudyId, IReadOnlyList<string> WidgetIds);
