namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// One upload of a new dataset version: when the platform accepted it (the gateway's 202 received, or the broker's publisher
/// confirm for a message published as a pipeline does) on the suite's monotonic clock, and which way it came.
/// </summary>
public sealed record UploadRecord(string Version, double AcceptedMs, string Via);
