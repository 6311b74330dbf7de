namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// A warm computed entries Redis did not take (it was away or too slow): the message is retried rather than announced as
/// warm, and after its retries it lands in the error queue with this reason.
/// </summary>
public sealed class WarmNotStoredException(string studyId, int entries)
    : Exception($"Warming {studyId}: Redis did not take {entries} entries; the warm is tried again.");
