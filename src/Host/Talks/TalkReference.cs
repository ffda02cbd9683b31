using System.Text;

namespace LvaeLive.Host.Talks;

/// <summary>
/// docs/talks.md: the reference of every step key, written from the declarations the reader reads by
/// (<see cref="TalkFile.Keys"/>), so that the two cannot differ; `lvae talk keys` prints it, and a test holds the file
/// to it.
/// </summary>
internal static class TalkReference
{
    /// <summary>Where the reference lives, from the repository's root.</summary>
    public const string DocsPath = "docs/talks.md";

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Talk files: every step key

            <!-- Written by `lvae talk keys` from the declarations in src/Host/Talks/TalkFile.cs; a test fails when they differ. -->

            A talk is a TOML file of `[[step]]` tables, played in order (`lvae live --talk FILE`, `lvae record --talk FILE`);
            `lvae talk check FILE` reports every mistake as `FILE:LINE:COLUMN`. Every key is optional; "when unset" says what
            a step without it gets. Most keep what the step before left, so that a step looks the same reached forwards
            or backwards.

            | key | type | values | when unset | example |
            |-----|------|--------|------------|---------|

            """);
        foreach (var key in TalkFile.Keys)
            text.Append($"| `{key.Name}` | {Cell(key.Type)} | {Cell(key.Values)} | {Cell(key.Default)} | `{key.Example}` |\n");
        text.Append('\n');
        foreach (var key in TalkFile.Keys)
            text.Append($"- **`{key.Name}`**: {key.Meaning}\n");
        text.Append(""""

            ## `[step.layers]`

            After a step, a `[step.layers]` table gives single layers a point of their own, by layer number (1 = bottom);
            the layers it leaves out keep the step's `point`, or their noise.

            ```toml
            [[step]]
            caption = ["Give only the top two layers a 3's noise:", "the 7 becomes a 3, its lower layers stay"]
            notes = """
            Say it: class lives in the upper layers.
            Then PageDown to the explorer.
            """
            minutes = 1.5
            tile = 27
            expect = { class = 3 }
            [step.layers]
            5 = { class = 3 }
            4 = { class = 3 }
            ```

            """");
        return text.ToString();
    }

    /// <summary>A table cell's text: a bar would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|");
}
