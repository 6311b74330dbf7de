using WidgetPlatform.Auth;

namespace WidgetPlatform.Cli.Configuration;

/// <summary>
/// Finds the AppHost's state folder: <c>.widgetplatform/</c> beside WidgetPlatform.sln unless the AppHost was given
/// <c>--state-dir</c>. Walking up from the current directory means the CLI works from any folder of the repository.
/// </summary>
public static class PlatformLocator
{
    public const string StateFolderName = ".widgetplatform";

    /// <summary>The nearest <c>.widgetplatform/</c> at or above <paramref name="startDirectory"/> holding a file the AppHost writes; else null.</summary>
    public static string? FindStateDirectory(string startDirectory)
    {
        for (var folder = new DirectoryInfo(startDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, StateFolderName);
            // An empty or stale folder (say, only logs) is not a platform: keep walking up to one the AppHost wrote into.
            if (File.Exists(Path.Combine(candidate, PlatformResources.FileName)) || File.Exists(Path.Combine(candidate, DevTokens.FileName)))
            {
                return candidate;
            }
        }

        return null;
    }
}
