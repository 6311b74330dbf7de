namespace WidgetPlatform.AppHost.Executables;

/// <summary>Finds a server's binary on PATH or says, before anything starts, which package provides it.</summary>
internal static class ExecutableLocator
{
    public static string Require(string name, string debianPackage, params string[] knownPaths)
    {
        var candidates = knownPaths.Concat((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"'{name}' was not found: install it (apt-get install {debianPackage}, or scripts/install-prerequisites.sh), " +
                "run with WidgetPlatform:Backing=containers where a container runtime answers, or give an existing server as a connection string.");
    }
}
