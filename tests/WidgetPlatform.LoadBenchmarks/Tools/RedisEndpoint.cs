using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks.Tools;

/// <summary>Host, port and password out of a StackExchange.Redis configuration string (<c>host:port,password=...</c>).</summary>
internal sealed record RedisEndpoint(string Host, int Port, string? Password)
{
    public static RedisEndpoint Parse(string configuration)
    {
        var parts = configuration.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var endpoint = parts[0];
        var colon = endpoint.LastIndexOf(':');
        var password = parts.Skip(1).FirstOrDefault(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase))?["password=".Length..];
        return new RedisEndpoint(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture), password);
    }
}
