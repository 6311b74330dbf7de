namespace WidgetPlatform.Invalidation.Validation;

/// <summary>
/// A message that can never be handled as it stands (a bad identifier, a study or dataset version that does not exist).
/// Not retried: it goes straight to the endpoint's error queue, its message as the fault's reason.
/// </summary>
public sealed class InvalidationRejectedException(string message) : Exception(message);
