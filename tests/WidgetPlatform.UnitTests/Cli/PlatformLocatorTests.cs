using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.UnitTests.Cli;

public sealed class PlatformLocatorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void FindsTheStateFolderOfAnAncestor()
    {
        _folder.File(PlatformFiles.Resources, "repo", ".widgetplatform", "resources.json");
        var deep = _folder.Folder("repo", "services", "WidgetPlatform.Query", "Apis");

        Assert.Equal(Path.Combine(_folder.Root, "repo", ".widgetplatform"), PlatformLocator.FindStateDirectory(deep));
    }

    [Fact]
    public void AStateFolderWithOnlyDevTokensCounts()
    {
        _folder.File(PlatformFiles.DevTokens, "repo", ".widgetplatform", "dev-tokens.json");

        Assert.Equal(Path.Combine(_folder.Root, "repo", ".widgetplatform"), PlatformLocator.FindStateDirectory(_folder.Folder("repo")));
    }

    [Fact]
    public void SkipsAStateFolderTheAppHostNeverWroteInto()
    {
        _folder.File(PlatformFiles.Resources, ".widgetplatform", "resources.json");
        _folder.Folder("repo", ".widgetplatform", "logs");

        Assert.Equal(Path.Combine(_folder.Root, ".widgetplatform"), PlatformLocator.FindStateDirectory(_folder.Folder("repo", "src")));
    }

    [Fact]
    public void IsNullWhenNoFolderAboveHasOne()
    {
        var start = _folder.Folder("a", "b");

        // The temporary folder's own ancestors (/tmp, /) hold no platform on a test machine.
        Assert.Null(PlatformLocator.FindStateDirectory(start));
    }

    public void Dispose() => _folder.Dispose();
}
