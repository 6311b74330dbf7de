using System.Security.Cryptography;

namespace WidgetPlatform.AppHost.Executables;

public static class Secrets
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A random password safe to place in a URI or a Redis configuration string without escaping.</summary>
    public static string NewPassword(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Writes a file only its owner can read (configuration files that carry passwords, keys and tokens).</summary>
    public static void WritePrivateFile(string path, string contents)
    {
        // Created as 0600, so the secret is never readable by others, not even between the write and a chmod.
        using (var writer = new StreamWriter(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
        {
            writer.Write(contents);
        }

        // A file that existed before keeps its mode when overwritten.
        File.SetUnixFileMode(path, OwnerOnly);
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void ReplacePrivateFile(string path, string contents)
    {
        var temporary = path + ".tmp";
        WritePrivateFile(temporary, contents);
        File.Move(temporary, path, overwrite: true);
    }
}
