namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One broker user's AMQP URI as a resource of its own, under the server it belongs to: how the pipelines' user
/// (<see cref="RabbitMqServiceUser.Pipeline"/>) reaches the dashboard and <c>resources.json</c>, so that upstream
/// pipelines publish with it rather than with the operator's administrator.
/// </summary>
public sealed class RabbitMqUserResource(string name, RabbitMqServerResource server, string user)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<RabbitMqServerResource>
{
    public RabbitMqServerResource Parent => server;

    public ReferenceExpression ConnectionStringExpression => server.ConnectionStringFor(user);
}
