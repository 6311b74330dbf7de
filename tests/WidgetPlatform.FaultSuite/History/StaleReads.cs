namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// The stale-read checker: a read that starts more than W after an upload was accepted and returns an older version is
/// stale; a reader that sees a widget's version go backwards broke monotonic reads (G2).
/// </summary>
public static class StaleReads
{
    /// <summary>Stale reads for a window of <paramref name="windowMs"/>: only successful reads count.</summary>
    public static int Count(IReadOnlyList<ReadRecord> reads, IReadOnlyList<UploadRecord> uploads, double windowMs)
    {
        var accepted = uploads.OrderBy(upload => upload.AcceptedMs).ToArray();
        var stale = 0;
        foreach (var read in reads)
        {
            if (read.DataVersion is not { } returned)
            {
                continue;
            }

            // The newest version accepted at least W before the read began: the read must return it or a newer one.
            var due = NewestAcceptedBy(accepted, read.StartMs - windowMs);
            if (due is not null && string.CompareOrdinal(returned, due) < 0)
            {
                stale++;
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

    private static string? NewestAcceptedBy(UploadRecord[] accepted, double timeMs)
    {
        string? newest = null;
        foreach (var upload in accepted)
        {
            if (upload.AcceptedMs > timeMs)
            {
                break;
            }

            if (newest is null || string.CompareOrdinal(upload.Version, newest) > 0)
            {
                newest = upload.Version;
            }
        }

        return newest;
    }
}
