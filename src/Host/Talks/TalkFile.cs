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
/// points of single layers. Every mistake is reported as `FILE:LINE:COLUMN: what is wrong` (an
/// <see cref="InvalidDataException"/>), checked against the model that will play it, before anything is shown.
/// </summary>
/// <example><code>
/// [[step]]
/// caption = ["A digit, drawn top-down", "five layers of noise, the top one first"]
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
    private static readonly string[] StepKeys =
        ["caption", "mode", "columns", "layer", "tile", "point", "walk", "expect", "transition", "easing", "hold", "advance", "training", "speed", "temperature", "panels", "hud"];

    /// <summary>What a talk may refer to: the model's depth, the view's test digits and the run's bookmarks (null: not known, any name).</summary>
    public sealed record Limits(int Depth, int Tiles, int TestDigits, IReadOnlyCollection<string>? Bookmarks)
    {
        /// <summary>A talk read without a model: as deep as the layer keys reach, with any bookmark.</summary>
        public static Limits WithoutModel(int tiles, int testDigits) => new(Input.KeyMap.MaxLayerKeys, tiles, testDigits, Bookmarks: null);
    }

    public static Talk Load(string path, Limits limits)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"talk file {path} not found; give the path of a TOML talk (see talks/)");
        if (RegularFile.Problem(path, MaxBytes) is { } problem)
            throw new InvalidDataException($"talk file {path} {problem}; talk files are at most 1 MB of TOML (see talks/)");
        var name = Path.GetFileName(path);
        var document = Parse(File.ReadAllText(path), name);
        var reader = new Reader(name, limits);
        foreach (var keyValue in document.KeyValues)
            throw reader.Error(keyValue, $"unknown key '{KeyText(keyValue.Key!)}' outside a step; a talk is a list of [[step]] tables");
        var steps = new List<TalkStep>();
        foreach (var table in document.Tables)
        {
            var tableName = table.Name is { } tableKey ? KeyText(tableKey) : "";
            if (table is TableArraySyntax && tableName == "step")
                steps.Add(reader.Step(table));
            else if (table is TableSyntax && tableName == "step.layers" && steps.Count > 0)
                steps[^1] = reader.Layers(table, steps[^1]);
            else
                throw reader.Error(table, $"unknown table '{tableName}'; a talk has [[step]] tables, each with an optional [step.layers]");
        }
        if (steps.Count == 0) throw new InvalidDataException($"{name}:1:1: the talk has no [[step]]");
        return new Talk(path, steps);
    }

    /// <summary>Far more than any talk needs (the shipped one is a few KB), and little enough to read whole.</summary>
    private const long MaxBytes = 1 << 20;

    /// <summary>
    /// Tomlyn's syntax tree, or its first error at its place. Tomlyn throws, rather than reports, a few errors (tables or
    /// arrays nested deeper than 64), sometimes without a place: those are named at it when known, else at the file's start.
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
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
            throw new InvalidDataException($"{At(name, error.Span)}: {error.Message}");
        return document;
    }

    private static string At(string file, SourceSpan span) => $"{file}:{span.Start.Line + 1}:{span.Start.Column + 1}";

    private static string KeyText(SyntaxNode key) => key.ToString()!.Trim().Trim('"');

    private sealed class Reader(string file, Limits limits)
    {
        public InvalidDataException Error(SyntaxNode node, string message) => new($"{At(file, node.Span)}: {message}");

        public TalkStep Step(TableSyntaxBase table)
        {
            var step = new TalkStep { Line = table.Span.Start.Line + 1, Point = new PointSource?[limits.Depth] };
            foreach (var item in table.Items.OfType<KeyValueSyntax>())
            {
                var key = KeyText(item.Key!);
                var value = item.Value!;
                step = key switch
                {
                    "caption" => step with { Caption = Caption(value) },
                    "mode" => step with { Mode = Mode(value) },
                    "columns" => step with { Columns = Text(value) switch
                    {
                        "redraws" => ExplorerColumns.Redraws,
                        "axis" => ExplorerColumns.PrincipalAxis,
                        var other => throw Error(value, $"columns '{other}' is not redraws or axis"),
                    } },
                    "layer" => step with { Layer = (int)Whole(value, 1, limits.Depth, $"layer (the model has layers 1 to {limits.Depth})") - 1 },
                    "tile" => step with { Tile = (int)Whole(value, 0, limits.Tiles - 1, $"tile (the grid has tiles 0 to {limits.Tiles - 1})") },
                    "point" => step with { Point = Enumerable.Repeat(Source(value), limits.Depth).ToArray() },
                    "walk" => step with { Walk = value is BooleanValueSyntax w ? w.Value : throw Error(value, "walk is true or false") },
                    "expect" => step with { ExpectClass = Expected(value) },
                    "transition" => step with { Transition = Ranged(value, key, TalkStep.TransitionRange) },
                    "easing" => step with { Easing = Text(value) switch
                    {
                        "smooth" => Easing.Smooth,
                        "linear" => Easing.Linear,
                        var other => throw Error(value, $"easing '{other}' is not smooth or linear"),
                    } },
                    "hold" => step with { Hold = Ranged(value, key, TalkStep.HoldRange) },
                    "advance" => step with { AutoAdvance = Text(value) switch
                    {
                        "auto" => true,
                        "manual" => false,
                        var other => throw Error(value, $"advance '{other}' is not auto or manual"),
                    } },
                    "training" => step with { Training = value is BooleanValueSyntax b ? b.Value : throw Error(value, "training is true or false") },
                    "speed" => step with { Speed = Ranged(value, key, AnimationSettings.Speed) },
                    "temperature" => step with { Temperature = Ranged(value, key, AnimationSettings.Temperature) },
                    "panels" => step with { Panels = Panels(value) },
                    "hud" => step with { Hud = value is BooleanValueSyntax h ? h.Value : throw Error(value, "hud is true or false") },
                    _ => throw Error(item, $"unknown key '{key}' in a step; a step may set {string.Join(", ", StepKeys)}"),
                };
            }
            return step;
        }

        public TalkStep Layers(TableSyntaxBase table, TalkStep step)
        {
            var point = step.Point.ToArray();
            foreach (var item in table.Items.OfType<KeyValueSyntax>())
            {
                var key = KeyText(item.Key!);
                if (!int.TryParse(key, out var layer) || layer < 1 || layer > limits.Depth)
                    throw Error(item, $"'{key}' is not a layer: the model has layers 1 to {limits.Depth}");
                point[layer - 1] = Source(item.Value!);
            }
            return step with { Point = point };
        }

        /// <summary>A step's claim: `{ class = C }`, the class the selected tile shows over the step's hold.</summary>
        private int Expected(ValueSyntax value)
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

        private GridMode Mode(ValueSyntax value)
        {
            var text = Text(value);
            return GridModes.ByName.TryGetValue(text, out var mode)
                ? mode
                : throw Error(value, $"mode '{text}' is not one of {string.Join(", ", GridModes.ByName.Keys)}");
        }

        private CanvasPanels Panels(ValueSyntax value)
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

        private IReadOnlyList<string> Caption(ValueSyntax value) => value switch
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
        private T Ranged<T>(ValueSyntax value, string key, SettingRange<T> range) where T : struct, INumber<T>
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
