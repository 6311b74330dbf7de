using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Where daily partials are kept for every process that computes over the same data (Redis, in the services): one replica
/// builds them from the Parquet files, the others load them. Both calls must swallow their own failures (a partial that
/// cannot be shared is rebuilt, never an error).
/// </summary>
public interface ISharedPartials
{
    /// <summary>The bytes saved under <paramref name="key"/> for this snapshot, or null.</summary>
    Task<byte[]?> LoadAsync(DatasetSnapshot snapshot, string key);

    Task SaveAsync(DatasetSnapshot snapshot, string key, byte[] partials);

    /// <summary>
    /// Those of <paramref name="shapes"/> (<see cref="PartialsKey.Shape"/>, version-free) that some process found wide:
    /// their partials would hold nearly a cell per row, so every process scans them directly instead of building them.
    /// </summary>
    Task<IReadOnlyCollection<string>> WideShapesAsync(DatasetSnapshot snapshot, IReadOnlyList<string> shapes);

    Task SaveWideAsync(DatasetSnapshot snapshot, string shape);
}
