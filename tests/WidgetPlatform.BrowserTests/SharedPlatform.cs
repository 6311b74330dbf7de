namespace WidgetPlatform.BrowserTests;

/// <summary>
/// One platform (with Aspire's dashboard and the demo dashboard) and one chromium for every browser test: starting the
/// platform and building the demo app take most of a test's time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformWithDashboard>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "platform with dashboards";
}
