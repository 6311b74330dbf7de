using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.UnitTests.Cli;

public sealed class GatewayUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5101", "http://127.0.0.1:5101/")]
    [InlineData("https://gateway.example/", "https://gateway.example/")]
    [InlineData(" http://gateway.example/widgets ", "http://gateway.example/widgets/")]
    public void AcceptsHttpUrlsAsBaseAddresses(string text, string expected)
    {
        Assert.True(GatewayUrl.TryParse(text, out var url, out _));
        Assert.Equal(new Uri(expected), url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5000")]
    [InlineData("ftp://gateway.example")]
    [InlineData("/api")]
    public void RefusesWhatIsNotAnHttpUrl(string text)
    {
        Assert.False(GatewayUrl.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
