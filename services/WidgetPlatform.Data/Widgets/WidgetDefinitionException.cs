namespace WidgetPlatform.Data.Widgets;

/// <summary>A widget definition that cannot be used; <see cref="Errors"/> says precisely why, one message per problem.</summary>
public sealed class WidgetDefinitionException(string widget, IReadOnlyList<string> errors)
    : Exception($"Widget '{widget}' is invalid: {string.Join("; ", errors)}")
{
    public string Widget { get; } = widget;

    public IReadOnlyList<string> Errors { get; } = errors;
}
