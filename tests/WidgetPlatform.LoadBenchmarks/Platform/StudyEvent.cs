using System.Text.Json;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>A server-sent event with the Stopwatch timestamp of its arrival.</summary>
internal sealed record StudyEvent(string Name, JsonElement Data, long ArrivedAt);
