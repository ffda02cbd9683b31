using System.Numerics;
using LvaeLive.Files;
using LvaeLive.Model;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace LvaeLive.Host.Talks;

/// <summary>
/// Reads a talk from TOML: a `[[step]]` table per step, each with optional keys, and a `[step.layers]` table for the
/// points of single layers. Every mistake is reported, all of them together, as `FILE:LINE:COLUMN: what is wrong` (an
/// <see cref="InvalidDataException"/>), checked against the model that will play it, before anything is shown. The
/// keys a step may set are declared once (<see cref="StepKeys"/>): the reader reads them by it, and docs/talks.md is
/// written from it (`lvae talk keys`).
/// </summary>
/// <example><code>
/// [[step]]
/// caption = ["A digit, drawn top-down", "five layers of noise, the top one first"]
/// notes = """
/// The speaker's notes, on the presenter view only.
/// """
/// minutes = 1.5              # the time planned for the step: the presenter view paces it
/// mode = "explorer"          # walk, explorer, interpolation, interpolation-all, style-swap
/// columns = "redraws"        # the explorer's: redraws or axis
/// layer = 5                  # 1 = bottom
/// tile = 0
/// point = { digit = 12 }     # every layer: { digit = N }, { class = C }, { bookmark = "b1" } or { seed = S }
/// transition = 1.5           # seconds into the step
/// easing = "smooth"          # or linear
/// hold = 6                   # seconds when recorded, or when the step moves on by itself
/// advance = "auto"           # live too, move on after the hold (default "manual": a key moves on)
/// training = false
/// speed = 1
/// temperature = 0.8
/// panels = ["digits"]        # or "all"; any of digits, map, reconstructions, curves (the others give their room)
/// hud = false                # true: title, HUD and key hints show (a talk shows panels and caption alone)
/// walk = false               # true: the layers the point leaves unset walk on (default: the tile holds still)
/// expect = { class = 7 }     # the claim `lvae talk check` verifies: the selected tile shows a 7 over the hold
/// [step.layers]
/// 5 = { class = 7 }          # layer 5 only
/// </code></example>
internal static class TalkFile
{
    /// <summary>A key a step may set, as docs/talks.md describes it: what it holds, which values, what it is when unset, an example.</summary>
    public sealed record KeyInfo(string Name, string Type, string Values, string Default, string Example, string Meaning);

    /// <summary>One step key: what the reference says of it and how the reader reads it, declared together so that they cannot drift.</summary>
    private sealed record StepKey(KeyInfo Info, Func<Reader, ValueSyntax, TalkStep, TalkStep> Read);

    private const string AsBefore = "as the step before left it";

    private static readonly StepKey[] StepKeys =
    [
        new(new("caption", "string, or array of 1 or 2 strings", "one or two lines", "none", """caption = ["A digit, drawn top-down", "five layers of noise"]""",
            "What the audience reads, large, below the panels."),
            (r, v, s) => s with { Caption = r.Caption(v) }),
        new(new("notes", "string (\"\"\" for several lines), or array of strings", "any text", "none", "notes = [\"Point at the top row.\", \"Then: PageDown.\"]",
            "The speaker's notes: shown on the presenter view (--presenter-monitor), never to the audience."),
            (r, v, s) => s with { Notes = r.Notes(v) }),
        new(new("minutes", "number", TalkStep.MinutesRange.Describe(), "none (no pacing)", "minutes = 1.5",
            "The time the speaker plans for the step: the presenter view paces it (time left, or over)."),
            (r, v, s) => s with { Minutes = r.Ranged(v, "minutes", TalkStep.MinutesRange) }),
        new(new("mode", "string", string.Join(", ", GridModes.ByName.Keys), $"{AsBefore} (first: {GridModes.Name(LatentScene.InitialMode)})", "mode = \"explorer\"",
            "What the digit grid shows."),
            (r, v, s) => s with { Mode = r.Mode(v) }),
        new(new("columns", "string", "redraws, axis", $"{AsBefore} (first: redraws)", "columns = \"axis\"",
            "The explorer's columns: the row's layer redrawn, or steps along its first principal axis."),
            (r, v, s) => s with { Columns = r.Choice(v, "columns", ("redraws", ExplorerColumns.Redraws), ("axis", ExplorerColumns.PrincipalAxis)) }),
        new(new("layer", "integer", "1 (bottom) to the model's depth", $"{AsBefore} (first: {LatentScene.InitialLayer + 1})", "layer = 5",
            "The selected layer."),
            (r, v, s) => s with { Layer = r.Layer(v) }),
        new(new("tile", "integer", $"0 to {LatentScene.GridTiles - 1}", $"{AsBefore} (first: {LatentScene.InitialTile})", "tile = 27",
            "The selected tile of the grid, row by row."),
            (r, v, s) => s with { Tile = r.Tile(v) }),
        new(new("point", "inline table", "{ digit = N } (a test digit), { class = C } (0 to 9), { bookmark = \"NAME\" }, { seed = S }", "none: the tile keeps its noise",
            "point = { digit = 12 }", "Moves every layer of the selected tile there, in noise space; [step.layers] sets single layers."),
            (r, v, s) => s with { Point = r.EveryLayer(v) }),
        new(new("walk", "boolean", "true, false", "false", "walk = true",
            "Whether the layers the point leaves unset walk on; by default the tile holds still."),
            (r, v, s) => s with { Walk = r.Flag(v, "walk") }),
        new(new("expect", "inline table", "{ class = C }, C 0 to 9", "none", "expect = { class = 3 }",
            "The step's claim: the selected tile shows class C over 90 % of the hold (checked by lvae talk check)."),
            (r, v, s) => s with { ExpectClass = r.Expected(v) }),
        new(new("transition", "number", TalkStep.TransitionRange.Describe(), $"{TalkStep.TransitionRange.Default}", "transition = 1.5",
            "How long the move to the step's point takes."),
            (r, v, s) => s with { Transition = r.Ranged(v, "transition", TalkStep.TransitionRange) }),
        new(new("easing", "string", "smooth, linear", "smooth", "easing = \"linear\"", "How the move to the point eases."),
            (r, v, s) => s with { Easing = r.Choice(v, "easing", ("smooth", Easing.Smooth), ("linear", Easing.Linear)) }),
        new(new("hold", "number", TalkStep.HoldRange.Describe(), $"{TalkStep.HoldRange.Default}", "hold = 6",
            "How long the step shows when recorded, or when it moves on by itself."),
            (r, v, s) => s with { Hold = r.Ranged(v, "hold", TalkStep.HoldRange) }),
        new(new("advance", "string", "auto, manual", "manual (auto everywhere with --auto-advance)", "advance = \"auto\"",
            "Whether the step moves on by itself after its hold, live too."),
            (r, v, s) => s with { AutoAdvance = r.Choice(v, "advance", ("auto", true), ("manual", false)) }),
        new(new("training", "boolean", "true, false", "as it was", "training = false", "Pauses or resumes training."),
            (r, v, s) => s with { Training = r.Flag(v, "training") }),
        new(new("speed", "number", AnimationSettings.Speed.Describe(), $"{AsBefore} (first: {AnimationSettings.Speed.Default})", "speed = 0.5",
            "The animation's speed."),
            (r, v, s) => s with { Speed = r.Ranged(v, "speed", AnimationSettings.Speed) }),
        new(new("temperature", "number", AnimationSettings.Temperature.Describe(), $"{AsBefore} (first: {AnimationSettings.Temperature.Default})", "temperature = 0.8",
            "The prior's temperature for the walking tiles."),
            (r, v, s) => s with { Temperature = r.Ranged(v, "temperature", AnimationSettings.Temperature) }),
        new(new("panels", "string, or array of strings", "\"all\", or any of digits, map, reconstructions, curves", $"{AsBefore} (first: all)", "panels = [\"digits\", \"map\"]",
            "The panels shown; the others give their room."),
            (r, v, s) => s with { Panels = r.Panels(v) }),
        new(new("hud", "boolean", "true, false", $"{AsBefore} (first: false)", "hud = true",
            "Whether title, HUD and key hints show; a talk shows panels and caption alone until a step asks."),
            (r, v, s) => s with { Hud = r.Flag(v, "hud") }),
    ];

    private static readonly Dictionary<string, StepKey> KeysByName = StepKeys.ToDictionary(key => key.Info.Name);

    /// <summary>Every key a step may set, in the order the reference lists them.</summary>
    public static IEnumerable<KeyInfo> Keys => StepKeys.Select(key => key.Info);

    /// <summary>What a talk may refer to: the model's depth, the view's test digits and the run's bookmarks (null: not known, any name).</summary>
    public sealed record Limits(int Depth, int Tiles, int TestDigits, IReadOnlyCollection<string>? Bookmarks)
    {
        /// <summary>A talk read without a model: as deep as the layer keys reach, with any bookmark.</summary>
        public static Limits WithoutModel(int tiles, int testDigits) => new(Input.KeyMap.MaxLayerKeys, tiles, testDigits, Bookmarks: null);
    }

    /// <summary>
    /// The talk at <paramref name="path"/>; every mistake in it (not only the first) is reported together, one
    /// `FILE:LINE:COLUMN: what is wrong` a line, in one <see cref="InvalidDataException"/>.
    /// </summary>
    public static Talk Load(string path, Limits limits)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"talk file {path} not found; give the path of a TOML talk (see talks/)");
        if (RegularFile.Problem(path, MaxBytes) is { } problem)
            throw new InvalidDataException($"talk file {path} {problem}; talk files are at most 1 MB of TOML (see talks/)");
        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var document = Parse(text, name);
        var reader = new Reader(name, limits);
        foreach (var keyValue in document.KeyValues)
            reader.Report(keyValue, $"unknown key '{KeyText(keyValue.Key!)}' outside a step; a talk is a list of [[step]] tables");
        var steps = new List<TalkStep>();
        foreach (var table in document.Tables)
        {
            var tableName = table.Name is { } tableKey ? KeyText(tableKey) : "";
            if (table is TableArraySyntax && tableName == "step")
                steps.Add(reader.Step(table));
            else if (table is TableSyntax && tableName == "step.layers" && steps.Count > 0)
                steps[^1] = reader.Layers(table, steps[^1]);
            else
                reader.Report(table, $"unknown table '{tableName}'; a talk has [[step]] tables, each with an optional [step.layers]");
        }
        if (steps.Count == 0 && reader.Errors.Count == 0) reader.Errors.Add($"{name}:1:1: the talk has no [[step]]");
        if (reader.Errors.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, reader.Errors));
        return new Talk(path, steps);
    }

    /// <summary>Far more than any talk needs (the shipped one is a few KB), and little enough to read whole.</summary>
    private const long MaxBytes = 1 << 20;

    /// <summary>
    /// Tomlyn's syntax tree, or all its errors at their places. Tomlyn throws, rather than reports, a few errors (tables
    /// or arrays nested deeper than 64), sometimes without a place: those are named at it when known, else at the file's
    /// start. A string left open is named where it starts: Tomlyn reports it only where the text stops making sense.
    /// </summary>
    private static DocumentSyntax Parse(string text, string name)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, name, validate: true);
        }
        catch (TomlException e)
        {
            throw new InvalidDataException($"{name}:{e.Line ?? 1}:{e.Column ?? 1}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
        var errors = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).ToArray();
        if (errors.Length == 0) return document;
        // Tomlyn's errors after an open string are its consequences: the string's start is the one to name.
        var open = TomlText.UnclosedString(text);
        var messages = errors.Where(error => open is not { } o || error.Span.Start.Line + 1 < o.Line)
            .Select(error => $"{At(name, error.Span)}: {error.Message}").ToList();
        if (open is { } start)
            messages.Add($"{name}:{start.Line}:{start.Column}: unclosed string starting at {start.Line}:{start.Column}; close it with the quote it opened with");
        throw new InvalidDataException(string.Join(Environment.NewLine, messages));
    }

    private static string At(string file, SourceSpan span) => $"{file}:{span.Start.Line + 1}:{span.Start.Column + 1}";

    private static string KeyText(SyntaxNode key) => key.ToString()!.Trim().Trim('"');

    private sealed class Reader(string file, Limits limits)
    {
        /// <summary>Every mistake found so far, in the order of the file.</summary>
        public List<string> Errors { get; } = [];

        public InvalidDataException Error(SyntaxNode node, string message) => new($"{At(file, node.Span)}: {message}");

        public void Report(SyntaxNode node, string message) => Errors.Add(Error(node, message).Message);

        /// <summary>A step with every key it sets; a key in error is reported and left out, and the reading goes on.</summary>
        public TalkStep Step(TableSyntaxBase table)
        {
            var step = new TalkStep { Line = table.Span.Start.Line + 1, Point = new PointSource?[limits.Depth] };
            foreach (var item in table.Items.OfType<KeyValueSyntax>())
            {
                var key = KeyText(item.Key!);
                if (!KeysByName.TryGetValue(key, out var declared))
                {
                    Report(item, $"unknown key '{key}' in a step; a step may set {string.Join(", ", KeysByName.Keys)}");
                    continue;
                }
                try
                {
                    step = declared.Read(this, item.Value!, step);
                }
                catch (InvalidDataException e)
                {
                    Errors.Add(e.Message);
                }
            }
            return step;
        }

        public T Choice<T>(ValueSyntax value, string key, params (string Name, T Value)[] choices)
        {
            var text = Text(value);
            foreach (var (name, choice) in choices)
                if (name == text) return choice;
            throw Error(value, $"{key} '{text}' is not {string.Join(" or ", choices.Select(c => c.Name))}");
        }

        public bool Flag(ValueSyntax value, string key) => value is BooleanValueSyntax b ? b.Value : throw Error(value, $"{key} is true or false");

        public int Layer(ValueSyntax value) => (int)Whole(value, 1, limits.Depth, $"layer (the model has layers 1 to {limits.Depth})") - 1;

        public int Tile(ValueSyntax value) => (int)Whole(value, 0, limits.Tiles - 1, $"tile (the grid has tiles 0 to {limits.Tiles - 1})");

        public PointSource?[] EveryLayer(ValueSyntax value) => Enumerable.Repeat<PointSource?>(Source(value), limits.Depth).ToArray();

        /// <summary>A speaker's notes: a string, its lines split, or an array of strings, one a line.</summary>
        public IReadOnlyList<string> Notes(ValueSyntax value) => value switch
        {
            StringValueSyntax text => text.Value!.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'),
            ArraySyntax lines => Enumerable.Range(0, lines.Items.ChildrenCount)
                .Select(i => lines.Items.GetChild(i)!.Value is StringValueSyntax s ? s.Value! : throw Error(lines.Items.GetChild(i)!.Value!, "notes are text: a string, or an array of strings"))
                .ToArray(),
            _ => throw Error(value, "notes are text: a string (\"\"\" for several lines), or an array of strings"),
        };

        public TalkStep Layers(TableSyntaxBase table, TalkStep step)
        {
            var point = step.Point.ToArray();
            foreach (var item in table.Items.OfType<KeyValueSyntax>())
            {
                var key = KeyText(item.Key!);
                if (!int.TryParse(key, out var layer) || layer < 1 || layer > limits.Depth)
                {
                    Report(item, $"'{key}' is not a layer: the model has layers 1 to {limits.Depth}");
                    continue;
                }
                try
                {
                    point[layer - 1] = Source(item.Value!);
                }
                catch (InvalidDataException e)
                {
                    Errors.Add(e.Message);
                }
            }
            return step with { Point = point };
        }

        /// <summary>A step's claim: `{ class = C }`, the class the selected tile shows over the step's hold.</summary>
        public int Expected(ValueSyntax value)
        {
            if (value is not InlineTableSyntax { Items.ChildrenCount: 1 } table || table.Items.GetChild(0)?.KeyValue is not { } entry
                || KeyText(entry.Key!) != "class")
                throw Error(value, "expect is { class = C }: the class (0 to 9) the selected tile shows over the step's hold");
            return (int)Whole(entry.Value!, 0, 9, "expect's class (classes are 0 to 9)");
        }

        private PointSource Source(ValueSyntax value)
        {
            if (value is not InlineTableSyntax { Items.ChildrenCount: 1 } table || table.Items.GetChild(0)?.KeyValue is not { } entry)
                throw Error(value, "a point is one of { digit = N }, { class = C }, { bookmark = \"NAME\" }, { seed = S }");
            var inner = entry.Value!;
            return KeyText(entry.Key!) switch
            {
                "digit" => new PointSource.TestDigit((int)Whole(inner, 0, limits.TestDigits - 1, $"test digit (the view holds digits 0 to {limits.TestDigits - 1})")),
                "class" => new PointSource.DigitClass((int)Whole(inner, 0, 9, "class (0 to 9)")),
                "bookmark" => Text(inner) is var name && (limits.Bookmarks?.Contains(name) ?? true)
                    ? new PointSource.Bookmarked(name)
                    : throw Error(inner, $"there is no bookmark '{Text(inner)}' in this run" +
                        (limits.Bookmarks!.Count == 0 ? " (it has none; M saves one)" : $"; it has {string.Join(", ", limits.Bookmarks)}")),
                "seed" => new PointSource.Seeded(Whole(inner, long.MinValue, long.MaxValue, "seed")),
                var other => throw Error(entry, $"'{other}' is not a point source: digit, class, bookmark or seed"),
            };
        }

        public GridMode Mode(ValueSyntax value)
        {
            var text = Text(value);
            return GridModes.ByName.TryGetValue(text, out var mode)
                ? mode
                : throw Error(value, $"mode '{text}' is not one of {string.Join(", ", GridModes.ByName.Keys)}");
        }

        public CanvasPanels Panels(ValueSyntax value)
        {
            if (value is StringValueSyntax { Value: "all" }) return CanvasPanels.All;
            if (value is not ArraySyntax { Items.ChildrenCount: >= 1 } names)
                throw Error(value, "panels is \"all\" or a list of digits, map, reconstructions, curves");
            var panels = (CanvasPanels)0;
            for (var i = 0; i < names.Items.ChildrenCount; i++)
            {
                var item = names.Items.GetChild(i)!.Value!;
                panels |= Text(item) switch
                {
                    "digits" => CanvasPanels.Digits,
                    "map" => CanvasPanels.Map,
                    "reconstructions" => CanvasPanels.Reconstructions,
                    "curves" => CanvasPanels.Curves,
                    var other => throw Error(item, $"'{other}' is not a panel: digits, map, reconstructions or curves"),
                };
            }
            return panels;
        }

        public IReadOnlyList<string> Caption(ValueSyntax value) => value switch
        {
            StringValueSyntax line => [line.Value!],
            ArraySyntax { Items.ChildrenCount: >= 1 and <= 2 } lines => Enumerable.Range(0, lines.Items.ChildrenCount)
                .Select(i => lines.Items.GetChild(i)!.Value is StringValueSyntax s ? s.Value! : throw Error(lines, "a caption's lines are strings"))
                .ToArray(),
            _ => throw Error(value, "a caption is a string or an array of one or two strings"),
        };

        private string Text(ValueSyntax value) => value is StringValueSyntax s ? s.Value! : throw Error(value, "expected a string in quotes");

        private long Whole(ValueSyntax value, long min, long max, string what) => value is IntegerValueSyntax { Value: var n } && n >= min && n <= max
            ? n
            : throw Error(value, $"{value.ToString()!.Trim()} is not a valid {what}");

        /// <summary>
        /// The number, if <paramref name="range"/> (the setting's one declaration, which the view applies) holds it;
        /// refused in the words an option of the same setting would use.
        /// </summary>
        public T Ranged<T>(ValueSyntax value, string key, SettingRange<T> range) where T : struct, INumber<T>
        {
            var number = T.CreateSaturating(Number(value));
            return range.Contains(number) ? number : throw Error(value, range.Refusal(key, number));
        }

        private double Number(ValueSyntax value) => value switch
        {
            IntegerValueSyntax i => i.Value,
            FloatValueSyntax f => f.Value,
            _ => throw Error(value, "expected a number"),
        };
    }
}
