namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One broker user's connection string as a resource of its own, under the broker it belongs to (one node or a cluster):
/// how the pipelines' user (<see cref="RabbitMqServiceUser.Pipeline"/>) reaches the dashboard and <c>resources.json</c>,
/// so that upstream pipelines publish with it rather than with the operator's administrator.
/// </summary>
public sealed class RabbitMqUserResource(string name, IRabbitMqWithServiceUsers broker, string user)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<IRabbitMqWithServiceUsers>
{
    public IRabbitMqWithServiceUsers Parent => broker;

    public ReferenceExpression ConnectionStringExpression => broker.ConnectionStringFor(user);
}
