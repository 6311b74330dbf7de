using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.Clients;

/// <summary>Reads a connection string the way a service under Aspire receives it, failing at startup when it is absent.</summary>
internal static class RequiredConnectionString
{
    public static string Get(IConfiguration configuration, string connectionName, string expectedForm)
    {
        var connectionString = configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing. Set ConnectionStrings:{connectionName} " +
                $"(environment variable ConnectionStrings__{connectionName}) to {expectedForm}; " +
                "the AppHost sets it for every resource a service references.");
        }

        return connectionString;
    }
}
