using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// Writes <c>manifest.json</c>, of which this service is the single writer (docs/design.md §3). Every write is a read-modify-write
/// under the study's lock — a semaphore within the process, an exclusive file lock across replicas, which the kernel drops
/// if a writer dies — and writes what the Redis mirror says, merged forward with what is on disk. The compare-and-set in
/// Redis decides which version wins; the later lock holder reads a mirror at least as new, so the file never goes back.
/// </summary>
public sealed class ManifestFile(DataStore store, ManifestMirror mirror, IOptions<InvalidationOptions> options, TimeProvider time)
{
    private const string LockFileName = ".manifest.lock";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StudyWrites> _studies = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns once the manifest on disk reflects the mirror as it was when this was called. Callers that queue behind a
    /// write share the next one (group commit): a burst of messages for a study costs a few writes, not one each.
    /// </summary>
    public async Task SyncAsync(string studyId, CancellationToken cancellationToken)
    {
        var writes = _studies.GetOrAdd(studyId, _ => new StudyWrites());
        var gate = _gates.GetOrAdd(studyId, _ => new SemaphoreSlim(1, 1));
        var ticket = Interlocked.Increment(ref writes.Requested);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (writes.Completed >= ticket)
            {
                // A write that read the mirror after this call was made has finished.
                return;
            }

            // Every request made so far was made after its caller's compare-and-set: the mirror read below covers it.
            var covered = Volatile.Read(ref writes.Requested);
            await WriteAsync(studyId, cancellationToken);
            writes.Completed = covered;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WriteAsync(string studyId, CancellationToken cancellationToken)
    {
        await using var fileLock = await LockAsync(studyId, cancellationToken);
        var (manifest, changed) = ManifestMerge.Merge(
            studyId, await store.ReadManifestAsync(studyId, cancellationToken), await mirror.ReadAsync(studyId));
        if (changed)
        {
            store.WriteManifest(manifest);
        }
    }

    private async Task<FileStream> LockAsync(string studyId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(store.StudyDirectory(studyId), LockFileName);
        var deadline = time.GetUtcNow() + options.Value.ManifestLockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Linux: another replica holding it makes this throw.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(options.Value.ManifestLockPoll, time, cancellationToken);
            }
        }
    }

    /// <summary>Writes asked for and writes done, counted per study; <see cref="Completed"/> changes only under the gate.</summary>
    private sealed class StudyWrites
    {
        public long Requested;
        public long Completed;
    }
}
