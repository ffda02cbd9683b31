using System.CommandLine;
using LvaeLive.Host.Settings;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae render --demo --out canvas.png --size 1280x720`: one canvas frame to a PNG file.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Draw synthetic data (no model needed)." };
        var output = new Option<string>("--out") { Description = "PNG file to write.", DefaultValueFactory = _ => "canvas.png" };
        var size = ViewSettings.CanvasSize.CreateOption();
        var help = new Option<bool>("--help-overlay") { Description = "Draw the help overlay too." };
        var command = new Command("render", "Draw the canvas once, headless, into a PNG file.") { demo, output, size, help };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(demo))
                throw new ArgumentException("only --demo rendering exists so far: run `lvae render --demo`");
            var extent = ViewSettings.CanvasSize.Checked(parse.GetValue(size)!);
            var frame = DemoCanvas.Create();
            frame.Chrome.ShowHelp = parse.GetValue(help);
            using var canvas = new HeadlessCanvas(extent);
            var path = parse.GetValue(output)!;
            canvas.RenderToPng(frame, path);
            Console.WriteLine($"lvae: wrote {path} ({extent.Width}x{extent.Height}, {canvas.Gpu})");
            return 0;
        });
        return command;
    }
}
