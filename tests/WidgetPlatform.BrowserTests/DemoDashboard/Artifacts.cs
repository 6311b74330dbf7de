namespace WidgetPlatform.BrowserTests.DemoDashboard;

/// <summary>Where tests leave what a person looks at afterwards: <c>artifacts/</c> at the repository root (not committed).</summary>
public static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WidgetPlatform.sln")))
        {
            directory = directory.Parent;
        }

        var artifacts = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        return Path.Combine(artifacts, fileName);
    }
}
