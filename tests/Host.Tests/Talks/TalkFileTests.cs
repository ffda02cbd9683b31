using LvaeLive.Host.Session;
using LvaeLive.Host.Settings;
using LvaeLive.Host.Talks;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Tests.Talks;

public sealed class TalkFileTests : IDisposable
{
    private static readonly TalkFile.Limits Limits = new(Depth: 3, Tiles: 64, TestDigits: 100, Bookmarks: ["b1"]);
    private readonly TemporaryFolder _folder = new();

    private Talk Load(string text)
    {
        File.WriteAllText(_folder["talk.toml"], text);
        return TalkFile.Load(_folder["talk.toml"], Limits);
    }

    [Fact]
    public void EveryKeyOfAStepIsRead()
    {
        var talk = Load("""
            [[step]]
            caption = ["one", "two"]
            mode = "explorer"
            columns = "axis"
            layer = 3
            tile = 9
            point = { digit = 7 }
            transition = 0.5
            easing = "linear"
            hold = 2.5
            advance = "auto"
            training = false
            speed = 2
            temperature = 0.8
            panels = ["digits", "map"]
            walk = true
            expect = { class = 4 }
            [step.layers]
            1 = { class = 4 }
            2 = { bookmark = "b1" }

            [[step]]
            caption = "three"
            point = { seed = 12 }
            """);
        Assert.Equal(2, talk.Steps.Count);
        var first = talk.Steps[0];
        Assert.Equal(["one", "two"], first.Caption);
        Assert.Equal(GridMode.Explorer, first.Mode);
        Assert.Equal(ExplorerColumns.PrincipalAxis, first.Columns);
        Assert.Equal(2, first.Layer);
        Assert.Equal(9, first.Tile);
        Assert.Equal(new PointSource?[] { new PointSource.DigitClass(4), new PointSource.Bookmarked("b1"), new PointSource.TestDigit(7) }, first.Point);
        Assert.Equal((0.5, Easing.Linear, 2.5, false, 2.0, 0.8f), (first.Transition, first.Easing, first.Hold, first.Training, first.Speed, first.Temperature));
        Assert.Equal(CanvasPanels.Digits | CanvasPanels.Map, first.Panels);
        Assert.Equal((true, 4, true), (first.Walk, first.ExpectClass, first.AutoAdvance));
        var second = talk.Steps[1];
        Assert.Equal((null, null, false), (second.Walk, second.ExpectClass, second.AutoAdvance));
        Assert.Equal(["three"], second.Caption);
        Assert.Null(second.Mode);
        Assert.All(second.Point, source => Assert.Equal(new PointSource.Seeded(12), source));
        Assert.Equal((TalkStep.TransitionRange.Default, TalkStep.HoldRange.Default), (second.Transition, second.Hold));
        Assert.Equal(2.5 + TalkStep.HoldRange.Default, talk.Seconds);
    }

    [Theory]
    [InlineData("[[step]]\nfoo = 1\n", "talk.toml:2:1: unknown key 'foo' in a step")]
    [InlineData("[[step]]\nlayer = 4\n", "talk.toml:2:9: 4 is not a valid layer (the model has layers 1 to 3)")]
    [InlineData("[[step]]\n[step.layers]\n7 = { seed = 1 }\n", "talk.toml:3:1: '7' is not a layer: the model has layers 1 to 3")]
    [InlineData("[[step]]\npoint = { digit = 100 }\n", "talk.toml:2:19: 100 is not a valid test digit (the view holds digits 0 to 99)")]
    [InlineData("[[step]]\npoint = { bookmark = \"nope\" }\n", "talk.toml:2:22: there is no bookmark 'nope' in this run; it has b1")]
    [InlineData("[[step]]\nhold = -1\n", "talk.toml:2:8: hold is -1; it must be 0 to 3600 seconds")]
    [InlineData("[[step]]\ntransition = -0.5\n", "talk.toml:2:14: transition is -0.5; it must be 0 to 3600 seconds")]
    [InlineData("[[step]]\ntemperature = 17\n", "talk.toml:2:15: temperature is 17; it must be 0 to 16")]
    [InlineData("[[step]]\nmode = \"race\"\n", "talk.toml:2:8: mode 'race' is not one of walk, interpolation")]
    [InlineData("title = \"x\"\n", "talk.toml:1:1: unknown key 'title' outside a step")]
    [InlineData("[[step]]\ncaption = \"unclosed\n", "talk.toml:2:11: unclosed string starting at 2:11")]
    [InlineData("[[step]]\nnotes = 3\n", "talk.toml:2:9: notes are text")]
    [InlineData("[[step]]\nnotes = [\"a\", 2]\n", "talk.toml:2:15: notes are text")]
    [InlineData("[[step]]\nminutes = -1\n", "talk.toml:2:11: minutes is -1; it must be 0 to 600 minutes")]
    [InlineData("", "talk.toml:1:1: the talk has no [[step]]")]
    [InlineData("[[step]]\npanels = [\"digits\", \"graph\"]\n", "talk.toml:2:21: 'graph' is not a panel")]
    [InlineData("[[step]]\nexpect = { class = 10 }\n", "talk.toml:2:20: 10 is not a valid expect's class (classes are 0 to 9)")]
    [InlineData("[[step]]\nexpect = 3\n", "talk.toml:2:10: expect is { class = C }")]
    [InlineData("[[step]]\nwalk = \"yes\"\n", "talk.toml:2:8: walk is true or false")]
    [InlineData("[[step]]\nadvance = \"sometimes\"\n", "talk.toml:2:11: advance 'sometimes' is not auto or manual")]
    public void AMistakeIsReportedAtItsLineAndColumn(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(text));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void NotesAndMinutesAreRead()
    {
        var talk = Load(""""
            [[step]]
            notes = """
            First line.
            Second line, "quoted".
            """
            minutes = 1.5

            [[step]]
            notes = ["one", "two"]

            [[step]]
            """");
        Assert.Equal(["First line.", "Second line, \"quoted\"."], talk.Steps[0].Notes);
        Assert.Equal(1.5, talk.Steps[0].Minutes);
        Assert.Equal(["one", "two"], talk.Steps[1].Notes);
        Assert.Empty(talk.Steps[2].Notes);
        Assert.Null(talk.Steps[2].Minutes);
    }

    [Fact]
    public void EveryMistakeIsReportedEachAtItsPlaceInTheOrderOfTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("""
            title = "x"
            [[step]]
            caption = "one"
            foo = 1
            layer = 9

            [[step]]
            notes = 3
            minutes = -1
            [step.layers]
            7 = { seed = 1 }
            1 = { digit = 500 }
            """));
        string[] expected =
        [
            "talk.toml:1:1: unknown key 'title' outside a step",
            "talk.toml:4:1: unknown key 'foo' in a step",
            "talk.toml:5:9: 9 is not a valid layer",
            "talk.toml:8:9: notes are text",
            "talk.toml:9:11: minutes is -1",
            "talk.toml:11:1: '7' is not a layer",
            "talk.toml:12:15: 500 is not a valid test digit",
        ];
        var lines = error.Message.Split('\n');
        Assert.Equal(expected.Length, lines.Length);
        Assert.All(expected.Zip(lines), pair => Assert.StartsWith(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("caption = \"open\nhold = 2\nmode = \"walk\"\n", 2, 11)]    // Tomlyn: "Unexpected token" two lines on
    [InlineData("notes = \"\"\"\nline\nhold = 2\n", 2, 9)]               // a multi-line string never closed
    [InlineData("caption = 'open\nhold = 2\n", 2, 11)]                   // a literal string
    [InlineData("caption = \"a \\\" # b\nhold = 2\n", 2, 11)]            // an escaped quote does not close it
    public void AStringLeftOpenIsNamedWhereItStarts(string step, int line, int column)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("[[step]]\n" + step));
        Assert.Equal($"talk.toml:{line}:{column}: unclosed string starting at {line}:{column}; close it with the quote it opened with", error.Message);
    }

    [Theory]
    [InlineData("caption = \"a # b\" # \"comment\nnotes = \"\"\"x\ny\"\"\"\nhold = 'c:\\d'\n")]
    [InlineData("notes = '''it's\n'''\n")]
    public void ClosedStringsAreNotTakenForOpenOnes(string text) => Assert.Null(TomlText.UnclosedString(text));

    [Fact]
    public void ASpeedTheClockWouldChangeIsRefusedInTheWordsOfAnOptionForTheSameSetting()
    {
        var option = new RangeSetting<double>("--speed", "Animation speed", AnimationSettings.Speed);
        var optionRefusal = Assert.Throws<ArgumentException>(() => option.Checked(0.01)).Message;

        var error = Assert.Throws<InvalidDataException>(() => Load("[[step]]\nspeed = 0.01\n"));

        Assert.Equal("--speed is 0.01; it must be 0.0625 to 16", optionRefusal);
        Assert.Equal($"talk.toml:2:9: {optionRefusal.Replace("--speed", "speed")}", error.Message);
        // The clock would have run it at the range's end: the file refuses what the view would change.
        var clock = new AnimationClock(1);
        clock.SetSpeed(0.01);
        Assert.Equal(AnimationSettings.Speed.Min, clock.Speed);
    }

    [Theory]
    [InlineData("point = ", "{ a = ", "1", " }")]
    [InlineData("caption = ", "[", "\"x\"", "]")]
    public void NestingDeeperThanTheParserAllowsIsAMistakeAtAPlaceNotACrash(string key, string open, string inner, string close)
    {
        // 65 levels: one more than Tomlyn parses, whose refusal used to escape as an unhandled exception.
        var deep = key + string.Concat(Enumerable.Repeat(open, 65)) + inner + string.Concat(Enumerable.Repeat(close, 65));
        var error = Assert.Throws<InvalidDataException>(() => Load($"[[step]]\n{deep}\n"));
        Assert.Matches(@"^talk\.toml:\d+:\d+: \S", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("folder", "is a directory")]
    [InlineData("/dev/zero", "is a character device")]
    [InlineData("pipe", "is a FIFO")]
    [InlineData("huge", "talk files are at most 1 MB")]
    public async Task AFolderADeviceAPipeOrAHugeFileIsRefusedBeforeReading(string name, string why)
    {
        var path = name.StartsWith('/') ? name : _folder[name + ".toml"];
        if (name == "folder") Directory.CreateDirectory(path);
        if (name == "pipe") ExternalTools.Run("mkfifo", path);
        if (name == "huge") File.WriteAllText(path, "[[step]]\n" + new string('#', 1 << 20) + "\n");

        // A pipe without a writer blocks the open itself: a read that started would never return.
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Task.Run(() => TalkFile.Load(path, Limits)).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith($"talk file {path} ", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void AMissingFileSaysSo()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TalkFile.Load(_folder["none.toml"], Limits));
        Assert.Contains("none.toml not found", error.Message);
    }

    [Fact]
    public void TheShippedTalkReadsForTheDefaultModel()
    {
        var path = Path.Combine(LvaeProcess.RepositoryRoot, "talks", "ladder-vae.toml");
        var talk = TalkFile.Load(path, new TalkFile.Limits(5, LatentScene.GridTiles, ModelSide.MapDigits, []));
        Assert.InRange(talk.Steps.Count, 8, 12);
        Assert.All(talk.Steps, step => Assert.NotEmpty(step.Caption));
    }

    public void Dispose() => _folder.Dispose();
}
