namespace WidgetPlatform.Query.Events;

/// <summary>The data of the <c>connected</c> event, sent first once the subscription is in place.</summary>
public sealed record StudyEventConnected(string StudyId);
