using WidgetPlatform.Data;

namespace WidgetPlatform.Invalidation.Datasets;

/// <summary>
/// Whether a dataset version in a message is news to announce. The compare-and-set in Redis answers for the first delivery;
/// the ledger of announced versions covers a handler that advanced the mirror and then died or failed before its publish.
/// </summary>
public static class AnnounceRule
{
    /// <param name="advanced">This handling moved the mirror to <paramref name="version"/>.</param>
    /// <param name="current">The mirror's version after the compare-and-set.</param>
    /// <param name="announced">The newest version already announced, null when none.</param>
    /// <param name="redelivered">
    /// The message was handled before (a retry, or the broker redelivering after a crash). A first delivery that finds the
    /// mirror already at its version is a duplicate whose twin is announcing it; only a redelivery finishes the work.
    /// </param>
    public static bool ShouldAnnounce(string version, bool advanced, string? current, string? announced, bool redelivered)
    {
        if (advanced)
        {
            return true;
        }

        // A newer version is current: its own message announces it, and with it this one's change.
        if (current is null || DataVersion.Compare(current, version) != 0)
        {
            return false;
        }

        return redelivered && (announced is null || DataVersion.Compare(announced, version) < 0);
    }
}
