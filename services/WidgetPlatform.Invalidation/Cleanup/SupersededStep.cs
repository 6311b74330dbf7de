namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>One step of an index walk: where to go on (0 when done), members examined and members removed.</summary>
public sealed record SupersededStep(long Cursor, int Examined, int Removed);
