namespace WidgetPlatform.AppHost.Hosting.Runtime;

public static class ExecutableLocator
{
    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The path of a program from a Debian package, or an error that says how to get it.</summary>
    public static string Require(string name, string debianPackage, string externalOption) =>
        Find(name) ?? throw new InvalidOperationException(
            $"{name} is not installed. Install it with 'apt-get install -y {debianPackage}' " +
            $"(the README's run command does), or pass {externalOption} with the connection string of an existing server.");
}
