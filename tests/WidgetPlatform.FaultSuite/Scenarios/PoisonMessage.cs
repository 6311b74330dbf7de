namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>A message the invalidation service must refuse: where it is published, its body (holding its marker), and the error queue it must reach.</summary>
public sealed record PoisonMessage(string Kind, string Exchange, string Body, string ErrorQueue, string Marker);
