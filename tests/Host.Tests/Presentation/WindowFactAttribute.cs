namespace LvaeLive.Host.Tests.Presentation;

/// <summary>A test that needs an X display (run the suite under xvfb-run); skipped, with the reason, where there is none.</summary>
public sealed class WindowFactAttribute : FactAttribute
{
    public WindowFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
            Skip = "no X display: run under xvfb-run -a -s \"-screen 0 1920x1080x24\"";
    }
}
