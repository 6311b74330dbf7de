using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.UnitTests.Messaging;

public sealed class AmqpConnectionStringTests
{
    [Fact]
    public void OneUriIsOneNodeWithRabbitMqsDefaultsForWhatItLeavesOut()
    {
        var broker = AmqpConnectionString.Parse("amqp://127.0.0.1", "messaging");

        Assert.Equal([new AmqpNodeAddress("127.0.0.1", 5672)], broker.Nodes);
        Assert.Equal(("/", "guest", "guest", false), (broker.VirtualHost, broker.Username, broker.Password, broker.UseSsl));
        Assert.False(broker.IsCluster);
    }

    [Fact]
    public void CredentialsAndTheVirtualHostArePercentDecoded()
    {
        var broker = AmqpConnectionString.Parse("amqps://pipe%40line:p%3Ass@broker.example:5671/%2Fstudies", "messaging");

        Assert.Equal(("/studies", "pipe@line", "p:ss", true), (broker.VirtualHost, broker.Username, broker.Password, broker.UseSsl));
        Assert.Equal(new AmqpNodeAddress("broker.example", 5671), broker.First);
    }

    [Fact]
    public void AClusterIsOneUriPerNodeInTheOrderGiven()
    {
        var broker = AmqpConnectionString.Parse("amqp://query:secret@127.0.0.1:5001, amqp://query:secret@127.0.0.1:5002,amqp://query:secret@127.0.0.1:5003", "messaging");

        Assert.True(broker.IsCluster);
        Assert.Equal([5001, 5002, 5003], broker.Nodes.Select(node => (int)node.Port));
        Assert.Equal(("query", "secret"), (broker.Username, broker.Password));
    }

    [Fact]
    public void ItsTextNamesTheNodesAndUserButNeverThePassword()
    {
        var broker = AmqpConnectionString.Parse("amqp://query:s3cret-pw@127.0.0.1:5001,amqp://query:s3cret-pw@127.0.0.1:5002", "messaging");

        Assert.Equal("amqp://query@127.0.0.1:5001,127.0.0.1:5002/%2F", broker.ToString());
    }

    [Theory]
    [InlineData("amqp://query:secret@127.0.0.1:5001,amqp://warmer:secret@127.0.0.1:5002")]
    [InlineData("amqp://query:secret@127.0.0.1:5001,amqp://query:other@127.0.0.1:5002")]
    [InlineData("amqp://query:secret@127.0.0.1:5001/a,amqp://query:secret@127.0.0.1:5002/b")]
    [InlineData("amqp://query:secret@127.0.0.1:5001,amqps://query:secret@127.0.0.1:5002")]
    public void NodesOfOneClusterMustShareTheUserVirtualHostAndScheme(string connectionString)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AmqpConnectionString.Parse(connectionString, "messaging"));

        Assert.Contains("ConnectionStrings:messaging", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5672")]
    [InlineData("http://127.0.0.1:5672")]
    [InlineData("amqp://127.0.0.1:5001,redis://127.0.0.1:6379")]
    public void WhatIsNotAnAmqpUriOrAListOfThemIsRefusedNamingTheSetting(string connectionString)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AmqpConnectionString.Parse(connectionString, "messaging"));

        Assert.Contains("ConnectionStrings:messaging", refused.Message, StringComparison.Ordinal);
    }
}
