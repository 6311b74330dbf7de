namespace WidgetPlatform.Caching.Entries;

public enum StoreOutcome
{
    Stored,

    /// <summary>The manifest moved past the entry's data version while it was computed: not stored.</summary>
    Superseded,

    /// <summary>The widget was invalidated while the entry was computed: not stored.</summary>
    Invalidated,

    /// <summary>Larger than the limit: served, never stored.</summary>
    TooLarge,
}
