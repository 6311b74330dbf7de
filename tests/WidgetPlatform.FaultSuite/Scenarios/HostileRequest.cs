namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>One generated request of the hostile-input scenario: its category (for the report), and what is sent.</summary>
/// <param name="Raw">Bytes sent as they are on a new TCP connection, for what an HTTP client library refuses to send.</param>
public sealed record HostileRequest(
    string Category, HttpMethod Method, string Path, string? Token, string? Body = null, string? ContentType = "application/json", byte[]? BinaryBody = null, byte[]? Raw = null);
