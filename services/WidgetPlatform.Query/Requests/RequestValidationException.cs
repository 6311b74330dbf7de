namespace WidgetPlatform.Query.Requests;

/// <summary>A request the gateway refuses before it reaches a key, a path or a computation: 400 with these errors.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(", ", error.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
