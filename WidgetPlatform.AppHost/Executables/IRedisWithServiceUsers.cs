namespace WidgetPlatform.AppHost.Executables;

/// <summary>A Redis the AppHost runs (one server or a cluster), which each service reaches as its own user.</summary>
public interface IRedisWithServiceUsers : IResourceWithConnectionString
{
    RedisCredentials Credentials { get; }

    /// <summary>The connection string of one service user.</summary>
    ReferenceExpression ConnectionStringFor(string user);
}
