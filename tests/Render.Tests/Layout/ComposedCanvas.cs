using System.Collections.Concurrent;
using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// A frame composed as the renderer would compose it, on the CPU alone: its layout, and every box, tile grid and
/// text box it placed. No device is needed, so every size and mode can be checked in a moment.
/// </summary>
internal sealed class ComposedCanvas
{
    /// <summary>Atlases by their faces: rasterising the large faces of a 4K canvas takes a while.</summary>
    private static readonly ConcurrentDictionary<string, GlyphAtlas> Atlases = new();

    public CanvasLayout Layout { get; }
    public GlyphAtlas Atlas { get; }
    public CanvasComposer Composer { get; } = new();
    public CanvasBoxes Boxes => Composer.Boxes;

    public ComposedCanvas(CanvasFrame frame, int width, int height)
    {
        CanvasLimits.Validate(frame);
        Layout = CanvasLayout.Compute(width, height, frame.Chrome.UiScale, frame.Chrome.CaptionLines, frame.Chrome.Panels);
        var faces = Layout.FaceRequests;
        Atlas = Atlases.GetOrAdd(string.Join(",", faces), _ => GlyphAtlas.Rasterise(faces));
        Composer.Compose(frame, Layout, new FrameUpload(CanvasResources.UploadWords), Atlas, "llvmpipe (LLVM 19.1.7, 256 bits)");
    }
}
