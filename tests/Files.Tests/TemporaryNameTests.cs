namespace LvaeLive.Files.Tests;

public sealed class TemporaryNameTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "clips");

    [Fact]
    public void TheTemporaryIsHiddenBesideTheTargetAndNamesItsWriter() =>
        Assert.Equal(Path.Combine(Folder, $".live.mp4.{Environment.ProcessId}.partial"), TemporaryName.For(Path.Combine(Folder, "live.mp4")));

    [Fact]
    public void TheTemporaryOfARunningWriterIsNotALeftover() =>
        Assert.False(TemporaryName.IsLeftover(TemporaryName.For(Path.Combine(Folder, "live.mp4"))));

    [Fact]
    public void TheTemporaryOfAWriterThatNoLongerRunsIsALeftover() =>
        // Linux process ids stop at 2^22, so no process can have this one.
        Assert.True(TemporaryName.IsLeftover(Path.Combine(Folder, $".checkpoint.json.{int.MaxValue}.partial")));

    [Theory]
    [InlineData("live.mp4")]
    [InlineData(".live.mp4")]
    [InlineData("live.mp4.1.partial")]
    [InlineData(".live.mp4.partial")]
    [InlineData(".live.mp4.x1.partial")]
    public void OtherNamesAreNeverLeftovers(string name) =>
        Assert.False(TemporaryName.IsLeftover(Path.Combine(Folder, name)));
}
