namespace WidgetPlatform.UnitTests.Cli;

/// <summary>A folder tree for one test, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Root = Directory.CreateTempSubdirectory("widgetplatform-cli-").FullName;

    public string Root { get; }

    public string Folder(params string[] parts) => Directory.CreateDirectory(Path.Combine([Root, .. parts])).FullName;

    public string File(string contents, params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
