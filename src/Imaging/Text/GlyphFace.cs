namespace LvaeLive.Imaging.Text;

/// <summary>The two embedded typefaces: DejaVu Sans Mono for panels and numbers, DejaVu Sans for captions and figures.</summary>
public enum Typeface { Mono, Sans }

/// <summary>One face the atlas is asked for: a pixel size in a typeface.</summary>
public readonly record struct FaceRequest(float PixelSize, Typeface Typeface);

/// <summary>
/// One face in the atlas: every printable ASCII glyph, then the ellipsis, in a cell of the same size, side by side in
/// one row of coverage bytes that starts at <see cref="ByteOffset"/>. Text advances by <see cref="CellWidth"/> per
/// character in the monospaced face, and by each glyph's own advance (<see cref="Advances"/>) in the proportional one.
/// </summary>
public readonly record struct GlyphFace(float PixelSize, int CellWidth, int CellHeight, int Baseline, int ByteOffset, int[]? Advances = null)
{
    public const char First = ' ';
    public const char Last = '~';
    /// <summary>What ends a line cut short: one cell, where "..." would take three.</summary>
    public const char Ellipsis = '\u2026';
    public const int GlyphCount = Last - First + 2;

    public int RowPitch => CellWidth * GlyphCount;

    /// <summary>How far the pen moves after <paramref name="c"/>.</summary>
    public int Advance(char c) => Advances is null ? CellWidth : Advances[GlyphIndex(c)];

    /// <summary>The width of <paramref name="text"/> set in this face.</summary>
    public int Measure(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var c in text) width += Advance(c);
        return width;
    }

    /// <summary>The cell of a character; anything outside printable ASCII and the ellipsis shows as '?'.</summary>
    public static int GlyphIndex(char c) => c is >= First and <= Last ? c - First : c == Ellipsis ? GlyphCount - 1 : '?' - First;

    /// <summary>The character in cell <paramref name="index"/>.</summary>
    public static char CharAt(int index) => index == GlyphCount - 1 ? Ellipsis : (char)(First + index);
}
