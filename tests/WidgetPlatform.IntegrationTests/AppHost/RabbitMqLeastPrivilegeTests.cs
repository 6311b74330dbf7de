using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>
/// Issue 18, least privilege: each service reaches the broker as its own user (docs/messages.md, "Broker users"), with the
/// connection string it was given, and the broker refuses what the service has no need of (<see cref="RabbitMqPermissions"/>);
/// pipelines publish as a user of their own, which may announce data and nothing else.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class RabbitMqLeastPrivilegeTests(PlatformFixture platform)
{
    public static TheoryData<string> Forbidden => Descriptions(RabbitMqPermissions.Forbidden);

    public static TheoryData<string> Allowed => Descriptions(RabbitMqPermissions.Allowed);

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task TheBrokerRefusesAServiceWhatItHasNoNeedOf(string operation)
    {
        var forbidden = RabbitMqPermissions.Forbidden.Single(candidate => candidate.ToString() == operation);
        await using var connection = await RabbitMqPermissions.ConnectAsAsync(platform.Host, forbidden.Service);

        Assert.Equal(RabbitMqPermissions.AccessRefused, await RabbitMqPermissions.TryAsync(connection, forbidden));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task WhatAServiceNeedsIsAllowed(string operation)
    {
        var allowed = RabbitMqPermissions.Allowed.Single(candidate => candidate.ToString() == operation);
        await using var connection = await RabbitMqPermissions.ConnectAsAsync(platform.Host, allowed.Service);

        Assert.Equal(200, await RabbitMqPermissions.TryAsync(connection, allowed));
    }

    [Fact]
    public void PipelinesPublishAsTheirOwnUserNotAsTheOperator()
    {
        var pipelines = new Uri(platform.Host.GetConnectionString(TestPlatform.PipelineMessaging));
        var operatorUri = new Uri(platform.Host.GetConnectionString("messaging"));

        Assert.StartsWith($"{RabbitMqPermissions.Pipeline}:", pipelines.UserInfo, StringComparison.Ordinal);
        Assert.Equal(operatorUri.Authority, pipelines.Authority);
        Assert.NotEqual(operatorUri.UserInfo, pipelines.UserInfo);
    }

    private static TheoryData<string> Descriptions(IEnumerable<RabbitMqPermissions.Operation> operations)
    {
        var data = new TheoryData<string>();
        foreach (var operation in operations)
        {
            data.Add(operation.ToString());
        }

        return data;
    }
}
