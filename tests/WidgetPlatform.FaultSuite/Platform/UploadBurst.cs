using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// A burst of uploads while a scenario kills something: every interval a new version, alternately through the gateway
/// (the client given: a replica or the load balancer) and as a pipeline, until stopped. Keeps every accepted upload, and
/// every one the gateway refused with its answer (a client sees a 502 from a replica being killed).
/// </summary>
public sealed class UploadBurst
{
    private readonly List<UploadRecord> _accepted = [];
    private readonly List<(double AtMs, string Answer)> _refused = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private UploadBurst(FaultPlatform platform, HttpClient uploader, byte[] payload, TimeSpan interval) =>
        _running = Task.Run(() => UploadUntilStoppedAsync(platform, uploader, payload, interval));

    public static UploadBurst Start(FaultPlatform platform, HttpClient uploader, byte[] payload, TimeSpan interval) =>
        new(platform, uploader, payload, interval);

    /// <summary>Stops the burst and returns what was accepted and what the gateway refused.</summary>
    public async Task<(List<UploadRecord> Accepted, List<(double AtMs, string Answer)> Refused)> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        return (_accepted, _refused);
    }

    private async Task UploadUntilStoppedAsync(FaultPlatform platform, HttpClient uploader, byte[] payload, TimeSpan interval)
    {
        for (var upload = 0; !_stop.IsCancellationRequested; upload++)
        {
            if (upload % 2 == 0)
            {
                var (accepted, answer) = await FaultPlatform.UploadThroughGatewayAsync(uploader, payload);
                if (accepted is null)
                {
                    _refused.Add((SuiteClock.NowMs, answer.Length > 120 ? answer[..120] : answer));
                }
                else
                {
                    _accepted.Add(accepted);
                }
            }
            else
            {
                _accepted.Add(await platform.UploadAsPipelineAsync(payload));
            }

            await Task.Delay(interval, CancellationToken.None);
        }
    }
}
