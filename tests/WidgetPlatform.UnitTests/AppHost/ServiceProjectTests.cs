using WidgetPlatform.AppHost.Hosting.Resources;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class ServiceProjectTests
{
    [Theory]
    [InlineData("query", "WidgetPlatform.Query")]
    [InlineData("invalidation", "WidgetPlatform.Invalidation")]
    [InlineData("warmer", "WidgetPlatform.Warmer")]
    public void EveryServiceResolvesToItsBuiltAssembly(string name, string assembly)
    {
        var project = ServiceProject.Get(name);

        Assert.EndsWith($"{assembly}.csproj", project.ProjectPath);
        Assert.EndsWith($"{assembly}.dll", project.AssemblyPath);
        Assert.True(File.Exists(project.AssemblyPath), $"{project.AssemblyPath} should have been built with the AppHost");
    }

    [Fact]
    public void UnknownServiceIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceProject.Get("nope"));
        Assert.Contains("nope", error.Message);
    }
}
