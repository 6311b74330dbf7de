namespace WidgetPlatform.Query.Apis;

/// <summary>The body of <c>POST /api/studies/{studyId}/dashboard</c>.</summary>
public sealed record DashboardRequest(IReadOnlyList<DashboardItem>? Widgets);

public sealed record DashboardItem(string? WidgetId, string? From, string? To, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters);
