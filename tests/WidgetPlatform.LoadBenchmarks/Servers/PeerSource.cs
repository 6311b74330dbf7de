namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>What a peer's cache factory returns (the gateway's own bytes for the widget), counting how often it had to.</summary>
internal sealed class PeerSource(byte[] body)
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public byte[] Load()
    {
        Interlocked.Increment(ref _calls);
        return body;
    }
}
