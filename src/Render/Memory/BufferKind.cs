namespace LvaeLive.Render.Memory;

/// <summary>Where a buffer's memory lives and whether the host sees it.</summary>
public enum BufferKind
{
    /// <summary>Device-local; filled by the GPU or by a one-off staging copy.</summary>
    DeviceLocal,

    /// <summary>Host-visible and coherent, mapped for its whole life: the host writes, the GPU reads.</summary>
    Upload,

    /// <summary>Host-visible (cached when possible), mapped for its whole life: the GPU writes, the host reads.</summary>
    Readback,
}
