using System.Collections.Concurrent;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Tests.OnePass;

/// <summary>What Redis is to the services' engines: one place two engines share partials through, here a dictionary.</summary>
internal sealed class InMemorySharedPartials : ISharedPartials
{
    public ConcurrentDictionary<string, byte[]> Saved { get; } = new(StringComparer.Ordinal);

    public Task<byte[]?> LoadAsync(DatasetSnapshot snapshot, string key) => Task.FromResult(Saved.GetValueOrDefault(key));

    public ConcurrentDictionary<string, bool> Wide { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(DatasetSnapshot snapshot, string key, byte[] partials)
    {
        Saved[key] = partials;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyCollection<string>> WideShapesAsync(DatasetSnapshot snapshot, IReadOnlyList<string> shapes) =>
        Task.FromResult<IReadOnlyCollection<string>>([.. shapes.Where(Wide.ContainsKey)]);

    public Task SaveWideAsync(DatasetSnapshot snapshot, string shape)
    {
        Wide[shape] = true;
        return Task.CompletedTask;
    }
}
