using System.Security.Cryptography;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

public static class Secrets
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password safe to place in a URI or a Redis configuration string without escaping.</summary>
    public static string NewPassword(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Writes a file only its owner can read (configuration files that carry passwords).</summary>
    public static void WritePrivateFile(string path, string contents)
    {
        File.WriteAllText(path, contents);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
