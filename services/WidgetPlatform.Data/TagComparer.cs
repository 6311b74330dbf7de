namespace WidgetPlatform.Data;

/// <summary><see cref="Tag.Comparer"/>: ordinal, ignoring case and leading and trailing whitespace, without allocating.</summary>
internal sealed class TagComparer : IEqualityComparer<string>
{
    public bool Equals(string? x, string? y) =>
        x is null || y is null ? ReferenceEquals(x, y) : x.AsSpan().Trim().Equals(y.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string obj) => string.GetHashCode(obj.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
