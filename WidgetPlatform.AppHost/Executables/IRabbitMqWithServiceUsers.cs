namespace WidgetPlatform.AppHost.Executables;

/// <summary>A RabbitMQ the AppHost runs (one node or a cluster), which each service and the pipelines reach as their own user.</summary>
public interface IRabbitMqWithServiceUsers : IResourceWithConnectionString
{
    /// <summary>The connection string of one service user, or the pipelines' (<see cref="RabbitMqServiceUser"/>).</summary>
    ReferenceExpression ConnectionStringFor(string user);
}
