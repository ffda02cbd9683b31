using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// Moves tensors of one type and device into views of one new buffer, so that one operation on the buffer reaches all
/// of them: a step of a few operations where there were a few per tensor. The tensors keep their identity and values;
/// they must then be written in place only (a copy_ on load, not a new tensor), and not be moved to another device.
/// </summary>
internal static class FlatStorage
{
    /// <summary>The buffer that every tensor of <paramref name="tensors"/> now views, in order.</summary>
    public static Tensor Gather(IReadOnlyList<Tensor> tensors)
    {
        using var _ = no_grad();
        var buffer = EmptyLike(tensors);
        using var scope = NewDisposeScope();
        var views = Views(buffer, tensors);
        for (var i = 0; i < tensors.Count; i++)
        {
            views[i].copy_(tensors[i]);
            tensors[i].set_(views[i]);
        }
        return buffer;
    }

    /// <summary>A zeroed buffer laid out as <see cref="Gather"/> lays out <paramref name="tensors"/>, and its view for each.</summary>
    public static (Tensor Buffer, Tensor[] Views) ZerosLike(IReadOnlyList<Tensor> tensors)
    {
        var buffer = EmptyLike(tensors).zero_();
        return (buffer, Views(buffer, tensors).Select(view => view.DetachFromDisposeScope()).ToArray());
    }

    private static Tensor EmptyLike(IReadOnlyList<Tensor> tensors)
    {
        if (tensors.Count == 0) throw new ArgumentException("no tensors to gather");
        if (tensors.Any(t => t.dtype != tensors[0].dtype || t.device_type != tensors[0].device_type || t.device_index != tensors[0].device_index))
            throw new ArgumentException("one buffer holds tensors of one type on one device");
        return empty(tensors.Sum(t => t.numel()), tensors[0].dtype, tensors[0].device).DetachFromDisposeScope();
    }

    private static Tensor[] Views(Tensor buffer, IReadOnlyList<Tensor> tensors)
    {
        var views = new Tensor[tensors.Count];
        long offset = 0;
        for (var i = 0; i < tensors.Count; i++)
        {
            views[i] = buffer.narrow(0, offset, tensors[i].numel()).view(tensors[i].shape);
            offset += tensors[i].numel();
        }
        return views;
    }
}
