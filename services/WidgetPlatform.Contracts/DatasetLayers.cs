using System.Diagnostics.CodeAnalysis;

namespace WidgetPlatform.Contracts;

/// <summary>
/// How a <see cref="DatasetLayer"/> is written and read everywhere — JSON, folder names, manifest fields, the upload
/// endpoint's <c>layer</c> — so that no caller can spell it differently or take an unknown name for a default.
/// </summary>
public static class DatasetLayers
{
    public const string SourceName = "source";
    public const string TransformedName = "transformed";

    /// <summary>For messages that explain a refusal: what a layer may be.</summary>
    public const string Expected = $"{SourceName} or {TransformedName}";

    public static IReadOnlyList<DatasetLayer> All { get; } = [DatasetLayer.Source, DatasetLayer.Transformed];

    public static string Name(DatasetLayer layer) => layer switch
    {
        DatasetLayer.Source => SourceName,
        DatasetLayer.Transformed => TransformedName,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Not a dataset layer: {Expected}."),
    };

    /// <summary>
    /// Reads a layer name ignoring case (definitions written by hand said "Source" and were accepted before); anything
    /// else — a number, a list, surrounding blanks, another word — is not a layer.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out DatasetLayer layer)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                layer = candidate;
                return true;
            }
        }

        layer = default;
        return false;
    }

    /// <summary>Why <paramref name="name"/> was refused, for a 400, an error queue or a definition error.</summary>
    public static string NotALayer(string? name) => $"'{name}' is not a layer: {Expected}.";
}
