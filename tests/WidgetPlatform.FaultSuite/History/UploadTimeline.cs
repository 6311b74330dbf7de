using System.Globalization;

namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// Where one upload's way to the readers spent its time, from its acceptance: the announcement (with the steps the
/// invalidation service timed), the suite hearing it as a gateway would, and the first read of each replica that showed it.
/// Said for every upload that had a stale read, so that a late one names the hop it was late in.
/// </summary>
public sealed record UploadTimeline(UploadRecord Upload, Announcement? Announcement, IReadOnlyList<double?> FirstFreshMs)
{
    /// <param name="replicaOf">The gateway replica a reader reads from.</param>
    public static UploadTimeline Of(UploadRecord upload, IReadOnlyList<Announcement> announced, IReadOnlyList<ReadRecord> reads, int replicas, Func<int, int> replicaOf)
    {
        var announcement = announced.FirstOrDefault(candidate => candidate.Version == upload.Version);
        var firstFresh = Enumerable.Range(0, replicas)
            .Select(replica => reads
                .Where(read => replicaOf(read.Reader) == replica && read.StartMs >= upload.AcceptedMs
                    && read.DataVersion is { } version && string.CompareOrdinal(version, upload.Version) >= 0)
                .Select(read => (double?)(read.StartMs - upload.AcceptedMs))
                .Min())
            .ToList();
        return new UploadTimeline(upload, announcement, firstFresh);
    }

    /// <summary>Whether the invalidation service announced the version more than <paramref name="windowMs"/> after its acceptance (or never).</summary>
    public bool AnnouncedLaterThan(double windowMs) => Announcement is null || Announcement.AtMs - Upload.AcceptedMs > windowMs;

    public string Describe()
    {
        var fresh = string.Join(", ", FirstFreshMs.Select((ms, replica) => $"replica {replica} {Ms(ms)}"));
        return Announcement is null
            ? $"{Upload.Version} via {Upload.Via}: never announced; first fresh read {fresh}"
            : $"{Upload.Version} via {Upload.Via}: announced {Ms(Announcement.AtMs - Upload.AcceptedMs)} ({Announcement.Steps ?? "no step timings"}), "
                + $"heard {Ms(Announcement.HeardMs - Upload.AcceptedMs)}; first fresh read {fresh}";
    }

    private static string Ms(double? ms) => ms is { } value && double.IsFinite(value)
        ? string.Create(CultureInfo.InvariantCulture, $"{value:+0.0;-0.0} ms")
        : "-";
}
