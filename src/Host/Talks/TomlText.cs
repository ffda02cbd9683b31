namespace LvaeLive.Host.Talks;

/// <summary>
/// What Tomlyn's errors do not say: where a string left open starts. Tomlyn's lexer reads an open string to the end of
/// its line (or, for """ and ''', of the file) and reports the token that follows, lines later, as "Unexpected token";
/// the presenter needs the quote that was never closed.
/// </summary>
internal static class TomlText
{
    /// <summary>The line and column (1-based) of the first string that is never closed, or null when every string is.</summary>
    public static (int Line, int Column)? UnclosedString(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            var row = lines[line];
            for (var column = 0; column < row.Length; column++)
            {
                var c = row[column];
                if (c == '#') break; // a comment, to the end of the line
                if (c is not ('"' or '\'')) continue;
                var start = (line + 1, column + 1);
                var quote = new string(c, 3);
                if (string.CompareOrdinal(row, column, quote, 0, 3) == 0)
                {
                    // A multi-line string: closed by the same three quotes, on this line or a later one.
                    if (!CloseMultiLine(lines, ref line, ref column, quote, c == '"')) return start;
                    row = lines[line];
                    continue;
                }
                var end = CloseOnLine(row, column + 1, c, escapes: c == '"');
                if (end < 0) return start;
                column = end;
            }
        }
        return null;
    }

    /// <summary>The column of the quote that closes a single-line string opened before <paramref name="from"/>, or -1.</summary>
    private static int CloseOnLine(string row, int from, char quote, bool escapes)
    {
        for (var i = from; i < row.Length; i++)
        {
            if (escapes && row[i] == '\\') i++;
            else if (row[i] == quote) return i;
        }
        return -1;
    }

    /// <summary>Moves past the three quotes that close a multi-line string opened at (line, column); false when none does.</summary>
    private static bool CloseMultiLine(string[] lines, ref int line, ref int column, string quote, bool escapes)
    {
        var from = column + 3;
        for (; line < lines.Length; line++, from = 0)
        {
            var row = lines[line];
            for (var i = from; i < row.Length; i++)
            {
                if (escapes && row[i] == '\\') i++;
                else if (string.CompareOrdinal(row, i, quote, 0, 3) == 0)
                {
                    // Up to two more quotes may end the content ("""a"""" is a" then the closing three).
                    var last = i + 2;
                    while (last + 1 < row.Length && row[last + 1] == quote[0] && last - i < 4) last++;
                    column = last;
                    return true;
                }
            }
        }
        return false;
    }
}
