namespace WidgetPlatform.Data;

public sealed class InvalidIdentifierException(string kind, string? value)
    : ArgumentException($"Invalid {kind} identifier '{value}': it must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$.")
{
    public string Kind { get; } = kind;

    public string? Value { get; } = value;
}
