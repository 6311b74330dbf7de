using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace WidgetPlatform.UnitTests.Query.Auth;

/// <summary>Wraps the gateway's JwtBearer events and counts how often the standard handler ran for a request.</summary>
internal sealed class CountingJwtBearerEvents(JwtBearerEvents inner) : JwtBearerEvents
{
    private int _messagesReceived;
    private int _tokensValidated;

    public int MessagesReceived => Volatile.Read(ref _messagesReceived);

    public int TokensValidated => Volatile.Read(ref _tokensValidated);

    public override Task MessageReceived(MessageReceivedContext context)
    {
        Interlocked.Increment(ref _messagesReceived);
        return inner.MessageReceived(context);
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        Interlocked.Increment(ref _tokensValidated);
        return inner.TokenValidated(context);
    }
}
