namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// The stale-read checker: a read that starts more than W after an upload was accepted and returns an older version is
/// stale; a reader that sees a widget's version go backwards broke monotonic reads (G2).
/// </summary>
public static class StaleReads
{
    /// <summary>Stale reads for a window of <paramref name="windowMs"/>: only successful reads count.</summary>
    public static int Count(IReadOnlyList<ReadRecord> reads, IReadOnlyList<UploadRecord> uploads, double windowMs) =>
        Find(reads, uploads, windowMs).Count;

    /// <summary>Each stale read with the upload it should have shown: the newest accepted at least W before it began.</summary>
    public static List<(ReadRecord Read, UploadRecord Due)> Find(IReadOnlyList<ReadRecord> reads, IReadOnlyList<UploadRecord> uploads, double windowMs)
    {
        var accepted = uploads.OrderBy(upload => upload.AcceptedMs).ToArray();
        var stale = new List<(ReadRecord, UploadRecord)>();
        foreach (var read in reads)
        {
            if (read.DataVersion is { } returned && NewestAcceptedBy(accepted, read.StartMs - windowMs) is { } due
                && string.CompareOrdinal(returned, due.Version) < 0)
            {
                stale.Add((read, due));
            }
        }

        return stale;
    }

    /// <summary>Reads that returned an older version of a widget than the same reader had seen before.</summary>
    public static int MonotonicViolations(IReadOnlyList<ReadRecord> reads)
    {
        var violations = 0;
        var newest = new Dictionary<(int Reader, string Widget), string>();
        foreach (var read in reads.Where(read => read.DataVersion is not null).OrderBy(read => read.StartMs))
        {
            var key = (read.Reader, read.Widget);
            if (newest.TryGetValue(key, out var seen) && string.CompareOrdinal(read.DataVersion, seen) < 0)
            {
                violations++;
                continue;
            }

            newest[key] = read.DataVersion!;
        }

        return violations;
    }

    private static UploadRecord? NewestAcceptedBy(UploadRecord[] accepted, double timeMs)
    {
        UploadRecord? newest = null;
        foreach (var upload in accepted)
        {
            if (upload.AcceptedMs > timeMs)
            {
                break;
            }

            if (newest is null || string.CompareOrdinal(upload.Version, newest.Version) > 0)
            {
                newest = upload;
            }
        }

        return newest;
    }
}
