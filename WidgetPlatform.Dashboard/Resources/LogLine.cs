namespace WidgetPlatform.Dashboard.Resources;

/// <summary>One line of an instance's console output.</summary>
/// <param name="Sequence">Increases by one per line of that instance; lets a reader ask for what came after.</param>
/// <param name="Stream">stdout, stderr, or apphost for the AppHost's own notes (started, exited, restarting).</param>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Stream, string Text);
