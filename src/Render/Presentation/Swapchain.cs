using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// One VkSwapchainKHR with its images and one render-finished semaphore per image: a present waits on the semaphore of
/// its image, and that image (so its semaphore) comes back only through a later acquire, after that wait is over. One
/// semaphore per frame in flight instead could be signalled again while a present still waits on it.
/// Owns the swapchain and the semaphores; the images belong to the swapchain.
/// </summary>
internal sealed unsafe class Swapchain : IDisposable
{
    private static readonly TimeSpan AcquireTimeout = TimeSpan.FromSeconds(20);

    private readonly GpuContext _gpu;
    private readonly SwapchainFunctions _functions;
    private readonly SemaphoreSet? _renderFinished;
    private SwapchainKHR _handle;

    public SwapchainSettings Settings { get; }
    public IReadOnlyList<Image> Images { get; }

    /// <param name="old">The swapchain this one replaces, whose images the presentation engine may still show; the caller disposes it afterwards.</param>
    public Swapchain(GpuContext gpu, SwapchainFunctions functions, WindowSurface surface, SwapchainSettings settings, Swapchain? old)
    {
        _gpu = gpu;
        _functions = functions;
        Settings = settings;
        var info = new SwapchainCreateInfoKHR(sType: StructureType.SwapchainCreateInfoKhr, surface: surface.Handle,
            minImageCount: settings.ImageCount, imageFormat: settings.Format.Format, imageColorSpace: settings.Format.ColorSpace,
            imageExtent: settings.Extent, imageArrayLayers: 1, imageUsage: ImageUsageFlags.TransferDstBit,
            imageSharingMode: SharingMode.Exclusive, preTransform: settings.Transform, compositeAlpha: settings.CompositeAlpha,
            presentMode: settings.PresentMode, clipped: true, oldSwapchain: old?._handle ?? default);
        SwapchainKHR handle;
        Check(functions.Create(gpu.Device, &info, null, &handle));
        _handle = handle;
        try
        {
            Images = QueryImages();
            _renderFinished = new SemaphoreSet(gpu, Images.Count);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Extent2D Extent => Settings.Extent;

    /// <summary>Signalled by the frame that fills image <paramref name="imageIndex"/>; its present waits on it.</summary>
    public Semaphore RenderFinished(uint imageIndex) => _renderFinished![(int)imageIndex];

    /// <summary>
    /// Asks for the next image; <paramref name="imageAvailable"/> is signalled when the display has let it go.
    /// Returns Success, SuboptimalKhr (acquired: present it, then re-create) or ErrorOutOfDateKhr (nothing acquired).
    /// </summary>
    public Result Acquire(Semaphore imageAvailable, out uint imageIndex)
    {
        uint index = 0;
        var result = _functions.AcquireNextImage(_gpu.Device, _handle, (ulong)AcquireTimeout.TotalNanoseconds, imageAvailable, default, &index);
        imageIndex = index;
        if (result is Result.Timeout or Result.NotReady)
            throw new TimeoutException($"the window system gave no swapchain image within {AcquireTimeout.TotalSeconds:0} s");
        if (result is not (Result.SuboptimalKhr or Result.ErrorOutOfDateKhr))
            Check(result);
        return result;
    }

    /// <summary>Queues image <paramref name="imageIndex"/> for display once its frame has signalled render-finished.
    /// Returns Success, SuboptimalKhr or ErrorOutOfDateKhr (both: re-create before the next frame).</summary>
    public Result Present(uint imageIndex)
    {
        var wait = RenderFinished(imageIndex);
        var swapchain = _handle;
        var info = new PresentInfoKHR(sType: StructureType.PresentInfoKhr, waitSemaphoreCount: 1, pWaitSemaphores: &wait,
            swapchainCount: 1, pSwapchains: &swapchain, pImageIndices: &imageIndex);
        var result = _functions.QueuePresent(_gpu.Queue, &info);
        if (result is not (Result.SuboptimalKhr or Result.ErrorOutOfDateKhr))
            Check(result);
        return result;
    }

    private Image[] QueryImages()
    {
        uint count = 0;
        Check(_functions.GetImages(_gpu.Device, _handle, &count, null));
        var images = new Image[count];
        fixed (Image* pointer = images)
            Check(_functions.GetImages(_gpu.Device, _handle, &count, pointer));
        return images;
    }

    /// <summary>Only once no frame or present uses it: the owner waits for the device to be idle first.</summary>
    public void Dispose()
    {
        _renderFinished?.Dispose();
        if (_handle.Handle != 0)
            _functions.Destroy(_gpu.Device, _handle, null);
        _handle = default;
    }
}
