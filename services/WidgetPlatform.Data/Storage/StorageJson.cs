using System.Text.Json;

namespace WidgetPlatform.Data.Storage;

internal static class StorageJson
{
    public static readonly JsonSerializerOptions Manifest = new() { WriteIndented = true };

    /// <summary>Writes next to the target and renames over it, so readers see the old or the new file, never half of one.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".tmp-{Guid.NewGuid():N}-{Path.GetFileName(path)}");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
