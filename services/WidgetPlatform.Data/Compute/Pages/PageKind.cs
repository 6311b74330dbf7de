namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>What <see cref="PageWalker.Next"/> found.</summary>
internal enum PageKind
{
    /// <summary>Every row of the row group has been read.</summary>
    End,
    Dictionary,
    Data,

    /// <summary>A data page whose levels use an encoding the walker does not decode (the deprecated BIT_PACKED): leave the chunk to Parquet.Net.</summary>
    Unreadable,
}
