namespace WidgetPlatform.Clients.Messaging;

/// <summary>One broker node's address.</summary>
public sealed record AmqpNodeAddress(string Host, ushort Port)
{
    public override string ToString() => $"{Host}:{Port}";
}
