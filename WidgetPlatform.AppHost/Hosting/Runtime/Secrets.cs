using System.Security.Cryptography;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

public static class Secrets
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password safe to place in a URI or a Redis configuration string without escaping.</summary>
    public static string NewPassword(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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
}
