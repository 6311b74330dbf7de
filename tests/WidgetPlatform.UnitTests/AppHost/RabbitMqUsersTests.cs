using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.UnitTests.AppHost;

/// <summary>
/// The broker users' permissions as RabbitMQ reads them (a resource name matches a pattern as a regular expression), and the
/// definitions file's password hashes as RabbitMQ checks them. The broker itself refusing is the integration tests' part.
/// </summary>
public sealed class RabbitMqUsersTests
{
    private static RabbitMqServiceUser User(string name) => RabbitMqServiceUser.All.Single(user => user.Name == name);

    [Theory]
    [InlineData("query", "cache-invalidated-query-1a2b", true)]
    [InlineData("query", "invalidation-data-uploaded", false)]
    [InlineData("invalidation", "invalidation-data-uploaded_error", true)]
    [InlineData("invalidation", "warmer-warm-requested", false)]
    [InlineData("warmer", "warmer-warm-requested", true)]
    [InlineData("warmer", "WidgetPlatform.Contracts:WarmRequested", true)]
    [InlineData("pipeline", "WidgetPlatform.Contracts:DataUploaded", false)]
    [InlineData("pipeline", "invalidation-data-uploaded", false)]
    [InlineData("pipeline", "MassTransit:Fault", false)]
    public void ConfigureCoversOwnQueuesAndMessagesOnly(string user, string resource, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(resource, User(user).Configure));

    [Theory]
    [InlineData("query", "WidgetPlatform.Contracts:DataUploaded", true)]
    [InlineData("query", "WidgetPlatform.Contracts:CacheInvalidated", false)]
    [InlineData("invalidation", "WidgetPlatform.Contracts:CacheInvalidated", true)]
    [InlineData("invalidation", "MassTransit:Fault--WidgetPlatform.Contracts:DataUploaded--", true)]
    [InlineData("warmer", "WidgetPlatform.Contracts:DataUploaded", false)]
    [InlineData("pipeline", "WidgetPlatform.Contracts:PipelineCompleted", true)]
    [InlineData("pipeline", "WidgetPlatform.Contracts:ManualInvalidationRequested", false)]
    [InlineData("pipeline", "WidgetPlatform.Contracts:CacheInvalidated", false)]
    // A prefix or suffix is no match: the patterns are anchored.
    [InlineData("invalidation", "WidgetPlatform.Contracts:CacheInvalidatedX", false)]
    [InlineData("invalidation", "xWidgetPlatform.Contracts:CacheInvalidated", false)]
    public void WriteCoversOnlyWhatTheUserPublishes(string user, string resource, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(resource, User(user).Write));

    [Theory]
    [InlineData("warmer", "WidgetPlatform.Contracts:CacheInvalidated", true)]
    [InlineData("warmer", "invalidation-data-uploaded", false)]
    [InlineData("query", "WidgetPlatform.Contracts:DataUploaded", false)]
    public void ReadCoversOnlyWhatTheUserConsumes(string user, string resource, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(resource, User(user).Read));

    [Fact]
    public void PipelinesReadAndConfigureNothing()
    {
        Assert.Equal("^$", User("pipeline").Read);
        Assert.Equal("^$", User("pipeline").Configure);
        Assert.DoesNotMatch(User("pipeline").Read, "invalidation-data-uploaded");
    }

    [Fact]
    public void DefinitionsHoldEachPasswordAsRabbitMqHashesIt()
    {
        var passwords = RabbitMqServiceUser.All.ToDictionary(user => user.Name, user => $"secret-of-{user.Name}", StringComparer.Ordinal);
        using var definitions = JsonDocument.Parse(RabbitMqDefinitions.Json("operator", "operator-secret", passwords));

        var users = definitions.RootElement.GetProperty("users").EnumerateArray().ToDictionary(user => user.GetProperty("name").GetString()!);
        Assert.Equal(["operator", .. passwords.Keys], users.Keys);
        foreach (var (name, password) in passwords.Append(new("operator", "operator-secret")))
        {
            // RabbitMQ's rabbit_password_hashing_sha256: base64 of a 4-byte salt, then SHA-256 of salt and password.
            var hash = Convert.FromBase64String(users[name].GetProperty("password_hash").GetString()!);
            var salt = hash[..4];
            Assert.Equal(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]), hash[4..]);
            Assert.DoesNotContain(password, users[name].GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal("administrator", users["operator"].GetProperty("tags")[0].GetString());
        Assert.All(passwords.Keys, name => Assert.Equal(0, users[name].GetProperty("tags").GetArrayLength()));
    }
}
