using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.AppHost;

/// <summary>
/// The state folder (docs/design.md §8): <c>WidgetPlatform:StateDirectory</c>, by default <c>.widgetplatform/</c> in the repository.
/// It holds the data root, the servers' folders and the files outside clients read; only its owner may read it.
/// </summary>
public sealed class StatePaths
{
    private const string StateDirectoryKey = "WidgetPlatform:StateDirectory";

    private StatePaths(string root) => Root = root;

    public string Root { get; }

    /// <summary>The data root every service gets as <c>WidgetPlatform__DataRoot</c> (docs/design.md §3).</summary>
    public string DataRoot => Path.Combine(Root, "data");

    public string ResourcesFile => Path.Combine(Root, "resources.json");

    /// <summary>A folder of the state folder for one resource's own files (a server's configuration and data).</summary>
    public string Resource(string name) => Path.Combine(Root, name);

    public static StatePaths For(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[StateDirectoryKey];
        var root = string.IsNullOrEmpty(configured)
            ? Path.Combine(builder.AppHostDirectory, "..", ".widgetplatform")
            : configured;
        var paths = new StatePaths(Path.GetFullPath(root));
        CreatePrivate(paths.Root);
        // RabbitMQ runs as its own user when the AppHost is root: it must be able to pass through to its own folder.
        File.SetUnixFileMode(paths.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(paths.DataRoot);
        return paths;
    }

    private static void CreatePrivate(string path) =>
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
