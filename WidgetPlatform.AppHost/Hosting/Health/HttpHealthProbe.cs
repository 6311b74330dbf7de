using System.Net;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Health;

/// <summary>GET /health of a service, as Aspire's WithHttpHealthCheck does; the body says Healthy, Degraded or Unhealthy.</summary>
public sealed class HttpHealthProbe(Uri baseAddress) : IHealthProbe
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(3) };

    public async Task<ResourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK when body.Contains("Degraded", StringComparison.Ordinal) => ResourceHealth.Degraded,
                HttpStatusCode.OK => ResourceHealth.Healthy,
                _ => ResourceHealth.Unhealthy,
            };
        }
        catch (HttpRequestException)
        {
            return ResourceHealth.Unhealthy;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ResourceHealth.Unhealthy;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
